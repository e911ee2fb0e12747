/// One part of a `multipart/form-data` body.
public enum MultipartPart: Sendable, Equatable {
    /// A text field.
    case text(name: String, value: String)
    /// A file read from disk while the body is sent.
    case file(name: String, filename: String, path: String, contentType: String = "application/octet-stream")
    /// A file held in memory.
    case data(name: String, filename: String, bytes: [UInt8], contentType: String = "application/octet-stream")

    /// The part header block, ending with the blank line before the content.
    var header: [UInt8] {
        var text: String
        switch self {
        case .text(let name, _):
            text = "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n"
        case .file(let name, let filename, _, let contentType), .data(let name, let filename, _, let contentType):
            text =
                "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n"
                + "Content-Type: \(contentType)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
