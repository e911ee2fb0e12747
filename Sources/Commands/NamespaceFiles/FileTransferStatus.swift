/// What `nsfiles upload` or `nsfiles download` did with one file, printed as its upper-case raw value.
enum FileTransferStatus: String, Encodable, Sendable {
    /// Uploaded where no file was.
    case created = "CREATED"
    /// Uploaded or downloaded over an existing file.
    case overwritten = "OVERWRITTEN"
    /// Downloaded where no file was.
    case downloaded = "DOWNLOADED"
    case failed = "FAILED"
    /// Not attempted: `--fail-fast` stopped after a failure.
    case skipped = "SKIPPED"
    /// `--dry-run`: would be uploaded where no file is.
    case create = "CREATE"
    /// `--dry-run`: would replace an existing file.
    case overwrite = "OVERWRITE"

    /// Whether it makes the command exit 5.
    var isFailure: Bool { self == .failed || self == .skipped }
}
