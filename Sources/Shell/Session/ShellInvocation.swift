import Commands

/// What one expanded line asks for: a shell word with its arguments checked, or a command for the
/// dispatcher. Running a line and `shell --check` parse it with this same function.
indirect enum ShellInvocation: Sendable, Equatable {
    /// A blank line (only `kestractl`).
    case empty
    case useContext(String)
    case useNamespace(String)
    case set(name: String, value: String)
    /// `set ON_ERROR …`, `set ECHO …`, `set OUTPUT …`, or `unset` of one of them (nil: back to the default).
    case setting(ShellVariable, value: String?)
    /// `set` without arguments: list the variables.
    case listVariables
    case unset(String)
    case echo(String)
    case history
    /// `help` (no words) or `help COMMAND…`.
    case help([String])
    case exit(Int32)
    case source(String)
    /// `try` and the line it runs; `offset` is where that line's words start.
    case `try`(ShellInvocation, offset: Int)
    case assert(Assertion)
    /// Everything else: an argv for the dispatcher; `offset` is the line word it starts at.
    case command([String], offset: Int)

    /// An `assert` line: whether it holds and how to say it does not.
    struct Assertion: Sendable, Equatable {
        /// Whether the assertion is true.
        var holds: Bool
        /// `'a' == 'b' is false`, `the value is empty`.
        var described: String
        /// The line's own message.
        var message: String?
    }

    /// Parses a line's expanded words; a leading `kestractl` is dropped, so pasted lines work.
    static func parse(_ original: [String]) throws(UsageError) -> ShellInvocation {
        var words = original[...]
        if words.first == "kestractl" { words = words.dropFirst() }
        guard let first = words.first else { return .empty }
        let arguments = Array(words.dropFirst())
        switch first {
        case "use": return try use(arguments)
        case "set": return try set(arguments)
        case "unset":
            guard arguments.count == 1 else { throw UsageError("usage: unset NAME") }
            if let variable = ShellVariable(rawValue: arguments[0]) {
                guard variable.isSetting else { throw readOnly(variable) }
                return .setting(variable, value: nil)
            }
            return .unset(arguments[0])
        case "echo": return .echo(arguments.joined(separator: " "))
        case "history":
            guard arguments.isEmpty else { throw UsageError("history takes no arguments") }
            return .history
        case "help": return .help(arguments)
        case "exit":
            guard arguments.count <= 1, let code = arguments.first.map({ Int32($0) }) ?? Int32(0) else {
                throw UsageError("usage: exit [CODE] (a number)")
            }
            return .exit(code)
        case "quit":
            guard arguments.isEmpty else { throw UsageError("quit takes no arguments") }
            return .exit(0)
        case "source":
            guard arguments.count == 1 else { throw UsageError("usage: source PATH") }
            return .source(arguments[0])
        case "try":
            guard !arguments.isEmpty else { throw UsageError("usage: try COMMAND…") }
            let offset = original.count - arguments.count
            return .try(try parse(arguments), offset: offset)
        case "assert": return .assert(try assertion(arguments))
        default: return .command(Array(words), offset: original.count - words.count)
        }
    }

    private static func use(_ arguments: [String]) throws(UsageError) -> ShellInvocation {
        switch arguments.count {
        case 2 where arguments[0] == "context": return .useContext(arguments[1])
        case 2 where arguments[0] == "namespace": return .useNamespace(arguments[1])
        case 1 where arguments[0] != "context" && arguments[0] != "namespace": return .useNamespace(arguments[0])
        default: throw UsageError("usage: use context NAME | use namespace NS | use NS")
        }
    }

    private static func set(_ arguments: [String]) throws(UsageError) -> ShellInvocation {
        guard let name = arguments.first else { return .listVariables }
        let value = arguments.dropFirst().joined(separator: " ")
        if let variable = ShellVariable(rawValue: name) {
            guard variable.isSetting else { throw readOnly(variable) }
            let allowed: [String] =
                switch variable {
                case .onError: OnErrorMode.allCases.map(\.rawValue)
                case .echo: EchoMode.allCases.map(\.rawValue)
                default: OutputFormat.allCases.map(\.rawValue)
                }
            guard allowed.contains(value) else {
                throw UsageError(
                    "invalid \(name) value '\(value)'", hint: "use one of \(allowed.joined(separator: ", "))")
            }
            return .setting(variable, value: value)
        }
        guard name.first.map({ $0 == "_" || $0.isLetter }) == true,
            name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
        else { throw UsageError("'\(name)' is not a variable name (letters, digits and _, not starting with a digit)") }
        return .set(name: name, value: value)
    }

    private static func assertion(_ words: [String]) throws(UsageError) -> Assertion {
        let isComparison = words.count >= 3 && (words[1] == "==" || words[1] == "!=")
        if isComparison && words.count <= 4 {
            return Assertion(
                holds: (words[0] == words[2]) == (words[1] == "=="),
                described: "'\(words[0])' \(words[1]) '\(words[2])' is false",
                message: words.count == 4 ? words[3] : nil)
        }
        if !isComparison && (1...2).contains(words.count) {
            return Assertion(
                holds: !words[0].isEmpty, described: "the value is empty", message: words.count == 2 ? words[1] : nil)
        }
        throw UsageError("usage: assert A == B | assert A != B | assert A [\"message\"]")
    }

    private static func readOnly(_ variable: ShellVariable) -> UsageError {
        UsageError("'\(variable.rawValue)' is set by the shell and cannot be changed")
    }
}
