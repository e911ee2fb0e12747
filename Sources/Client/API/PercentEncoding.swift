/// Percent-encoding for path segments and query components (RFC 3986, `+` always encoded).
enum PercentEncoding {
    /// Encodes a single path segment; `/` is encoded too.
    static func pathSegment(_ text: String) -> String {
        encode(text, keeping: ":@")
    }

    /// Encodes a query name or value; `[`, `]`, `+`, `&`, `=`, space and non-ASCII are encoded.
    static func queryComponent(_ text: String) -> String {
        encode(text, keeping: ":,/@")
    }

    private static func encode(_ text: String, keeping extra: String) -> String {
        let kept = Set(extra.utf8)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~")
            if isUnreserved || kept.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
