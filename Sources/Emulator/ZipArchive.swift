import NIOCore

/// A minimal ZIP archive: writes STORED (uncompressed) archives and reads STORED entries.
enum ZipArchive {
    /// One file inside an archive.
    struct Entry: Sendable {
        var name: String
        var contents: ByteBuffer
    }

    /// Why an archive could not be read.
    enum ReadFailure: Error {
        case malformed
        case unsupportedCompression(method: Int, entry: String)
        /// A STORED entry whose sizes come after its data (flag bit 3), which a reader walking local
        /// headers cannot delimit (Java's `ZipInputStream`: "only DEFLATED entries can have EXT descriptor").
        case storedWithDataDescriptor(entry: String)
    }

    /// Builds a STORED archive from entries.
    static func write(_ entries: [Entry]) -> ByteBuffer {
        var output = ByteBuffer()
        var central = ByteBuffer()
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.contents.readableBytesView)
            let size = UInt32(entry.contents.readableBytes)
            let offset = UInt32(output.writerIndex)
            output.writeInteger(UInt32(0x0403_4B50), endianness: .little)
            output.writeInteger(UInt16(20), endianness: .little)
            output.writeInteger(UInt16(0x0800), endianness: .little)
            output.writeInteger(UInt16(0), endianness: .little)
            output.writeInteger(UInt16(0), endianness: .little)
            output.writeInteger(UInt16(0x21), endianness: .little)
            output.writeInteger(crc, endianness: .little)
            output.writeInteger(size, endianness: .little)
            output.writeInteger(size, endianness: .little)
            output.writeInteger(UInt16(name.count), endianness: .little)
            output.writeInteger(UInt16(0), endianness: .little)
            output.writeBytes(name)
            output.writeImmutableBuffer(entry.contents)

            central.writeInteger(UInt32(0x0201_4B50), endianness: .little)
            central.writeInteger(UInt16(20), endianness: .little)
            central.writeInteger(UInt16(20), endianness: .little)
            central.writeInteger(UInt16(0x0800), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt16(0x21), endianness: .little)
            central.writeInteger(crc, endianness: .little)
            central.writeInteger(size, endianness: .little)
            central.writeInteger(size, endianness: .little)
            central.writeInteger(UInt16(name.count), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt16(0), endianness: .little)
            central.writeInteger(UInt32(0), endianness: .little)
            central.writeInteger(offset, endianness: .little)
            central.writeBytes(name)
        }
        let centralOffset = UInt32(output.writerIndex)
        let centralSize = UInt32(central.readableBytes)
        output.writeBuffer(&central)
        output.writeInteger(UInt32(0x0605_4B50), endianness: .little)
        output.writeInteger(UInt16(0), endianness: .little)
        output.writeInteger(UInt16(0), endianness: .little)
        output.writeInteger(UInt16(entries.count), endianness: .little)
        output.writeInteger(UInt16(entries.count), endianness: .little)
        output.writeInteger(centralSize, endianness: .little)
        output.writeInteger(centralOffset, endianness: .little)
        output.writeInteger(UInt16(0), endianness: .little)
        return output
    }

    /// Reads the file entries of an archive through its central directory; directories are skipped.
    static func read(_ archive: ByteBuffer) throws(ReadFailure) -> [Entry] {
        let count = archive.readableBytes
        let base = archive.readerIndex
        func u16(_ offset: Int) -> Int? {
            archive.getInteger(at: base + offset, endianness: .little, as: UInt16.self).map(Int.init)
        }
        func u32(_ offset: Int) -> Int? {
            archive.getInteger(at: base + offset, endianness: .little, as: UInt32.self).map(Int.init)
        }
        var endRecord = -1
        var probe = count - 22
        while probe >= max(0, count - 22 - 65_535) {
            if u32(probe) == 0x0605_4B50 {
                endRecord = probe
                break
            }
            probe -= 1
        }
        guard endRecord >= 0, let total = u16(endRecord + 10), var cursor = u32(endRecord + 16) else {
            throw .malformed
        }
        var entries: [Entry] = []
        for _ in 0..<total {
            guard u32(cursor) == 0x0201_4B50, let method = u16(cursor + 10), let compressedSize = u32(cursor + 20),
                let nameLength = u16(cursor + 28), let extraLength = u16(cursor + 30),
                let commentLength = u16(cursor + 32), let localOffset = u32(cursor + 42),
                let nameBytes = archive.getBytes(at: base + cursor + 46, length: nameLength)
            else { throw .malformed }
            let name = String(decoding: nameBytes, as: UTF8.self)
            cursor += 46 + nameLength + extraLength + commentLength
            if name.hasSuffix("/") { continue }
            guard method == 0 else { throw .unsupportedCompression(method: method, entry: name) }
            guard u32(localOffset) == 0x0403_4B50, let localName = u16(localOffset + 26),
                let localExtra = u16(localOffset + 28)
            else { throw .malformed }
            let dataStart = localOffset + 30 + localName + localExtra
            guard let contents = archive.getSlice(at: base + dataStart, length: compressedSize) else {
                throw .malformed
            }
            entries.append(Entry(name: name, contents: contents))
        }
        return entries
    }

    /// Reads the file entries by walking the local headers from the start, as Java's `ZipInputStream`
    /// (and so Kestra's flow import) does; directories are skipped, the central directory ends the walk.
    static func readSequentially(_ archive: ByteBuffer) throws(ReadFailure) -> [Entry] {
        let base = archive.readerIndex
        func u16(_ offset: Int) -> Int? {
            archive.getInteger(at: base + offset, endianness: .little, as: UInt16.self).map(Int.init)
        }
        func u32(_ offset: Int) -> Int? {
            archive.getInteger(at: base + offset, endianness: .little, as: UInt32.self).map(Int.init)
        }
        var entries: [Entry] = []
        var cursor = 0
        while u32(cursor) == 0x0403_4B50 {
            guard let flags = u16(cursor + 6), let method = u16(cursor + 8), let size = u32(cursor + 18),
                let nameLength = u16(cursor + 26), let extraLength = u16(cursor + 28),
                let nameBytes = archive.getBytes(at: base + cursor + 30, length: nameLength)
            else { throw .malformed }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard method == 0 else { throw .unsupportedCompression(method: method, entry: name) }
            guard flags & 0x08 == 0 else { throw .storedWithDataDescriptor(entry: name) }
            let dataStart = cursor + 30 + nameLength + extraLength
            guard let contents = archive.getSlice(at: base + dataStart, length: size) else { throw .malformed }
            if !name.hasSuffix("/") { entries.append(Entry(name: name, contents: contents)) }
            cursor = dataStart + size
        }
        guard u32(cursor) == 0x0201_4B50 || u32(cursor) == 0x0605_4B50 else { throw .malformed }
        return entries
    }
}
