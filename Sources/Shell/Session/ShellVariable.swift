/// The variables the shell itself defines (docs/scripts.md, "Variables"): read-only values it
/// keeps up to date, and settings that `set` changes with a checked value.
enum ShellVariable: String, CaseIterable, Sendable {
    case lastStatus = "LAST_STATUS"
    case lastExit = "LAST_EXIT"
    case lastError = "LAST_ERROR"
    case lastID = "LAST_ID"
    case context = "CONTEXT"
    case namespace = "NAMESPACE"
    case scriptDirectory = "SCRIPT_DIR"
    case scriptFile = "SCRIPT_FILE"
    case onError = "ON_ERROR"
    case echo = "ECHO"
    case output = "OUTPUT"

    /// Whether `set` may change it (with a value from a closed list).
    var isSetting: Bool { self == .onError || self == .echo || self == .output }

    /// What it holds, for `help`.
    var meaning: String {
        switch self {
        case .lastStatus: "ok or error: how the last command ended"
        case .lastExit: "the last command's exit code"
        case .lastError: "the last command's error message (empty after a success)"
        case .lastID: "the id the last producing command made (execution id, flow id, file path, key)"
        case .context: "the session's context"
        case .namespace: "the session's namespace"
        case .scriptDirectory: "the directory of the running script"
        case .scriptFile: "the running script's path"
        case .onError: "stop or continue: what a failing command does to a script"
        case .echo: "on or off: print each script command before running it"
        case .output: "table, json or yaml: the output format of commands without -o"
        }
    }
}
