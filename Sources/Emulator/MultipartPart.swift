import NIOCore

/// One part of a `multipart/form-data` body; the contents share storage with the request body.
struct MultipartPart: Sendable {
    var name: String
    var filename: String?
    var contentType: String?
    var contents: ByteBuffer

    var text: String { String(buffer: contents) }
}
