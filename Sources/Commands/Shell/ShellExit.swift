/// The shell ended with a non-zero code; it has already reported why.
public struct ShellExit: Error, Sendable, Equatable {
    /// The exit code.
    public var code: Int32

    /// Creates the error.
    public init(code: Int32) {
        self.code = code
    }
}
