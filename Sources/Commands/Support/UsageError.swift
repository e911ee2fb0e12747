/// A mistake in how a command was invoked, detected before any request; exits 2.
public struct UsageError: Error, Sendable, Equatable {
    /// What is wrong, naming the offending word or value.
    public var message: String
    /// How to do it right, when that helps.
    public var hint: String?

    /// Creates a usage error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension UsageError: CustomStringConvertible {
    /// The message: what ArgumentParser shows when a command's `validate()` throws one.
    public var description: String { message }
}
