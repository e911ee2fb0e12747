import Commands

/// The shell's own words that show or change the session: `use`, `set`, `unset`, `echo`,
/// `history` and `help` (`source`, `try` and `assert` run lines, so `ShellInterpreter` has them).
struct ShellBuiltIns: Sendable {
    /// The session they act on.
    let session: ShellSession

    /// Runs `invocation`, which is one of these words; nil for any other invocation.
    func run(_ invocation: ShellInvocation) async -> CommandOutcome? {
        switch invocation {
        case .useContext(let name): return useContext(name)
        case .useNamespace(let namespace): session.update { $0.command.namespace = namespace }
        case .set(let name, let value): session.update { $0.variables[name] = value }
        case .setting(let variable, let value): change(variable, to: value)
        case .unset(let name): session.update { _ = $0.variables.removeValue(forKey: name) }
        case .listVariables:
            for (name, value) in session.variables.sorted(by: { $0.key < $1.key }) {
                session.streams.stdout.write("\(name)=\(value)\n")
            }
        case .echo(let text): session.streams.stdout.write(text + "\n")
        case .history:
            for (index, entry) in (session.history?.all ?? []).enumerated() {
                session.streams.stdout.write("\(index + 1)  \(entry)\n")
            }
        case .help(let words) where words.isEmpty: session.streams.stdout.write(Self.helpText)
        case .help(let words): return await SessionDispatcher(session: session).run(words + ["--help"])
        default: return nil
        }
        return .success
    }

    private func useContext(_ name: String) -> CommandOutcome {
        let names = session.contextNames()
        guard names.contains(name) else {
            let path = session.commandContext().configStore.path
            return .failed(
                .usage, "context \"\(name)\" does not exist in \(path)",
                hint: names.isEmpty ? nil : "known contexts: \(names.joined(separator: ", "))")
        }
        session.update { $0.command.contextName = name }
        return .success
    }

    /// Sets a setting to a value `ShellInvocation` has checked, or back to its default (nil).
    private func change(_ variable: ShellVariable, to value: String?) {
        session.update { state in
            switch variable {
            case .onError: state.settings.onError = value.flatMap(OnErrorMode.init(rawValue:)) ?? .stop
            case .echo: state.settings.echo = value.flatMap(EchoMode.init(rawValue:)) ?? .off
            default: state.command.output = value.flatMap(OutputFormat.init(rawValue:))
            }
        }
    }

    /// `help` without a command: the shell's words, its variables and the commands.
    static let helpText: String = {
        func row(_ left: String, _ right: String) -> String {
            "  " + left.padding(toLength: 28, withPad: " ", startingAt: 0) + right + "\n"
        }
        var text = "Shell words:\n"
        for (usage, description) in ShellWords.descriptions { text += row(usage, description) }
        text += "\nVariables the shell sets (ON_ERROR, ECHO and OUTPUT can be set):\n"
        for variable in ShellVariable.allCases { text += row(variable.rawValue, variable.meaning) }
        text += "\nEvery kestractl command runs as typed (without 'kestractl'); 'help COMMAND' shows its help.\n"
        let commands = Kestractl.configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName }
        text += "Commands: " + commands.joined(separator: ", ") + "\n"
        return text
    }()
}
