/// The CRC-32 (IEEE 802.3) checksum ZIP archives carry for each entry.
struct CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    private var value: UInt32 = 0xFFFF_FFFF

    /// Feeds bytes into the checksum.
    mutating func update(_ bytes: some Sequence<UInt8>) {
        let table = CRC32.table
        var current = value
        for byte in bytes {
            current = table[Int((current ^ UInt32(byte)) & 0xFF)] ^ (current >> 8)
        }
        value = current
    }

    /// The final checksum.
    var checksum: UInt32 { value ^ 0xFFFF_FFFF }
}
