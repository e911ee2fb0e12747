import ArgumentParser

/// Finds an unknown command or subcommand in an argv, walking the command tree the way the
/// parser does but skipping options, so options after the unknown word do not hide it.
enum UnknownCommand {
    /// The failure naming the first word that is not a subcommand of the group before it, with
    /// the valid ones; nil when every word up to a leaf command is known. One-shot commands speak
    /// like the Go tool (`unknown command 'x' for 'kestractl flows'`); the shell, whose lines never
    /// start with `kestractl`, says `unknown subcommand 'x' for 'flows'`.
    static func find(in arguments: [String], inSession: Bool = false) -> CommandOutcome.Failure? {
        var command: any ParsableCommand.Type = Kestractl.self
        var path: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { return nil }
            if word.hasPrefix("-") {
                if GlobalOptions.valueOptionNames.contains(word) { index += 1 }
                continue
            }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty || (path.isEmpty && word == "help") { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let valid = subcommands.filter { $0.configuration.shouldDisplay }.compactMap {
                $0.configuration.commandName
            }
            let group = path.joined(separator: " ")
            guard inSession else {
                let typed = (["kestractl"] + path).joined(separator: " ")
                return CommandOutcome.Failure(
                    message: "unknown command '\(word)' for '\(typed)'",
                    hint: "valid commands: \(valid.joined(separator: ", ")); run '\(typed) --help' for usage",
                    argumentIndex: index - 1)
            }
            if path.isEmpty {
                return CommandOutcome.Failure(
                    message: "unknown command '\(word)'",
                    hint: "valid commands: \(valid.joined(separator: ", ")); run 'help' for the shell's own words",
                    argumentIndex: index - 1)
            }
            return CommandOutcome.Failure(
                message: "unknown subcommand '\(word)' for '\(group)'",
                hint: "valid subcommands: \(valid.joined(separator: ", ")); run 'help \(group)' for usage",
                argumentIndex: index - 1)
        }
        return nil
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command.configuration.commandName].compactMap { $0 } + command.configuration.aliases
    }
}
