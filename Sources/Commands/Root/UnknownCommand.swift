import ArgumentParser

/// Finds an unknown command or subcommand in an argv, walking the command tree the way the
/// parser does but skipping options, so options after the unknown word do not hide it.
enum UnknownCommand {
    /// The usage error naming the first word that is not a subcommand of the group before it,
    /// with the valid ones; nil when every word up to a leaf command is known.
    static func find(in arguments: [String]) -> UsageError? {
        var command: any ParsableCommand.Type = Kestractl.self
        var path = ["kestractl"]
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
            if subcommands.isEmpty || (path.count == 1 && word == "help") { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let valid = subcommands.filter { $0.configuration.shouldDisplay }.compactMap {
                $0.configuration.commandName
            }
            let group = path.joined(separator: " ")
            return UsageError(
                "unknown command '\(word)' for '\(group)'",
                hint: "valid commands: \(valid.joined(separator: ", ")); run '\(group) --help' for usage")
        }
        return nil
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command.configuration.commandName].compactMap { $0 } + command.configuration.aliases
    }
}
