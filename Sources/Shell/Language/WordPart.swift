/// One piece of a word: literal text or an expansion resolved when the line runs.
public enum WordPart: Sendable, Equatable {
    /// Text taken as written (quotes and escapes already removed).
    case literal(String)
    /// `${name}` or `${name:-default}`.
    case variable(name: String, fallback: String?)
    /// `${env:NAME}` or `${env:NAME:-default}`.
    case environment(name: String, fallback: String?)
}
