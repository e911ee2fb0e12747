/// One part of a `multipart/form-data` body.
public enum MultipartPart: Sendable, Equatable {
    /// A text field.
    case text(name: String, value: String)
    /// A file read from disk while the body is sent.
    case file(name: String, filename: String, path: String, contentType: String = "application/octet-stream")
    /// A file held in memory.
    case data(name: String, filename: String, bytes: [UInt8], contentType: String = "application/octet-stream")
    /// A ZIP archive of local files, built while the body is sent.
    case archive(name: String, filename: String, archive: StoredZipArchive)

    /// The part header block, ending with the blank line before the content.
    var header: [UInt8] {
        var text: String
        switch self {
        case .text(let name, _):
            text = "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n"
        case .file(let name, let filename, _, let contentType), .data(let name, let filename, _, let contentType):
            text = Self.fileHeader(name: name, filename: filename, contentType: contentType)
        case .archive(let name, let filename, _):
            text = Self.fileHeader(name: name, filename: filename, contentType: "application/octet-stream")
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func fileHeader(name: String, filename: String, contentType: String) -> String {
        "Content-Disposition: form-data; name=\"\(quoted(name))\"; filename=\"\(quoted(filename))\"\r\n"
            + "Content-Type: \(contentType)\r\n"
    }

    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
