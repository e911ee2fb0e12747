import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a `multipart/form-data` body into parts with `memmem`, without copying part contents.
struct MultipartParser {
    /// The body does not follow the multipart grammar.
    struct Malformed: Error {}

    let boundary: String

    /// Extracts the `boundary` parameter of a content type.
    static func boundary(fromContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: [" ", "\t"])
            }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: ["\""])
            }
        }
        return nil
    }

    /// Parses the parts of a body.
    func parse(_ body: ByteBuffer) throws(Malformed) -> [MultipartPart] {
        if body.readableBytes == 0 { return [] }
        let delimiter = Array("--\(boundary)".utf8)
        let nextDelimiter = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var parts: [MultipartPart] = []
        guard var cursor = MultipartParser.find(delimiter, in: body, from: 0) else { throw Malformed() }
        cursor += delimiter.count
        while true {
            guard let marker = body.getBytes(at: body.readerIndex + cursor, length: 2) else { return parts }
            if marker == [UInt8(ascii: "-"), UInt8(ascii: "-")] { return parts }
            if marker == [13, 10] { cursor += 2 }
            guard let headersEnd = MultipartParser.find(headerEnd, in: body, from: cursor) else { throw Malformed() }
            let headerText =
                body.getString(at: body.readerIndex + cursor, length: headersEnd - cursor) ?? ""
            let contentStart = headersEnd + headerEnd.count
            guard let contentEnd = MultipartParser.find(nextDelimiter, in: body, from: contentStart) else {
                throw Malformed()
            }
            let contents =
                body.getSlice(at: body.readerIndex + contentStart, length: contentEnd - contentStart) ?? ByteBuffer()
            parts.append(MultipartParser.part(headers: headerText, contents: contents))
            cursor = contentEnd + nextDelimiter.count
        }
    }

    private static func part(headers: String, contents: ByteBuffer) -> MultipartPart {
        var name = ""
        var filename: String?
        var contentType: String?
        for line in headers.split(separator: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            let field = pieces[0].lowercased()
            let value = pieces[1].trimmingCharacters(in: [" ", "\t"])
            if field == "content-type" {
                contentType = value
            } else if field == "content-disposition" {
                for parameter in value.split(separator: ";").dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1).map {
                        $0.trimmingCharacters(in: [" ", "\t"])
                    }
                    guard pair.count == 2 else { continue }
                    let unquoted = pair[1].hasPrefix("\"") ? String(pair[1].dropFirst().dropLast()) : pair[1]
                    if pair[0] == "name" { name = unquoted }
                    if pair[0] == "filename" { filename = unquoted }
                }
            }
        }
        return MultipartPart(name: name, filename: filename, contentType: contentType, contents: contents)
    }

    /// The offset (relative to the reader index) of the first occurrence of a needle at or after `start`.
    static func find(_ needle: [UInt8], in buffer: ByteBuffer, from start: Int) -> Int? {
        guard start <= buffer.readableBytes else { return nil }
        guard let first = needle.first else { return start }
        return buffer.withUnsafeReadableBytes { haystack -> Int? in
            guard let base = haystack.baseAddress else { return nil }
            return needle.withUnsafeBytes { needleBytes -> Int? in
                var position = start
                while haystack.count - position >= needleBytes.count {
                    guard
                        let hit = memchr(
                            base + position, Int32(first), haystack.count - position - needleBytes.count + 1)
                    else { return nil }
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, needleBytes.baseAddress!, needleBytes.count) == 0 { return offset }
                    position = offset + 1
                }
                return nil
            }
        }
    }
}
