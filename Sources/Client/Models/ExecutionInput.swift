/// One input value sent when running a flow: text, or a file streamed from disk.
public enum ExecutionInput: Sendable, Equatable {
    /// A text value, e.g. `42`, `true` or JSON text.
    case text(name: String, value: String)
    /// A file part read from a local path.
    case file(name: String, path: String)

    /// The input id.
    public var name: String {
        switch self {
        case .text(let name, _), .file(let name, _): return name
        }
    }
}
