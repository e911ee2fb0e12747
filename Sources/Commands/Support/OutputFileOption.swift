import ArgumentParser

/// `-f, --file PATH` of commands that write a file (`-` = stdout), with the Go tool's spelling
/// `--output-file PATH` accepted but hidden from help.
public struct OutputFileOption: ParsableArguments, Sendable {
    /// The destination.
    @Option(
        name: [.customShort("f"), .long], help: ArgumentHelp("Write here ('-' = stdout).", valueName: "path"),
        completion: .file())
    public var file: String?
    /// The Go tool's spelling of `--file`.
    @Option(name: .customLong("output-file"), help: .hidden) public var outputFile: String?

    /// Creates the option group.
    public init() {}

    /// Folds `--output-file` into `--file`; two different values are a usage error.
    public mutating func validate() throws {
        guard let outputFile else { return }
        if let file, file != outputFile { throw ValidationError("--file and --output-file name different files") }
        file = outputFile
    }
}
