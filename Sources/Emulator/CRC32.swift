/// The CRC-32 (IEEE 802.3) checksum used by ZIP archives.
struct CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    private(set) var value: UInt32 = 0xFFFF_FFFF

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

    /// The checksum of a byte sequence.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.checksum
    }
}
