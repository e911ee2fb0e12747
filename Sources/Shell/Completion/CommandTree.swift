import ArgumentParser
import Commands
import Foundation

/// The command tree as completion sees it, read from ArgumentParser's own description of the
/// commands (`_dumpHelp()` JSON), so names, flags and enum values never drift from the parser.
/// Hidden commands and options (the Go tool's spellings) are left out, as `--help` leaves them out.
public struct CommandTree: Sendable, Equatable {
    /// One option or flag.
    public struct Option: Sendable, Equatable {
        /// Every spelling (`--output`, `-o`).
        public var names: [String]
        /// Whether it takes a value.
        public var takesValue: Bool
        /// The value name (`namespace`, `file`, …), when it takes a value.
        public var valueName: String?
        /// Allowed values (enums).
        public var allowedValues: [String]
        /// Whether the value is a local file or directory.
        public var isPath: Bool
    }

    /// One positional argument.
    public struct Positional: Sendable, Equatable {
        /// Its value name (`namespace`, `id`, `path`, …).
        public var valueName: String
        /// Allowed values (enums).
        public var allowedValues: [String]
        /// Whether the value is a local file or directory.
        public var isPath: Bool
        /// Whether it takes every remaining word.
        public var isRepeating: Bool
    }

    /// The command's name.
    public var name: String
    public var subcommands: [CommandTree]
    /// Its options and flags (including `--help`).
    public var options: [Option]
    /// Its positional arguments, in order.
    public var positionals: [Positional]

    /// The subcommand named `name`.
    public func subcommand(_ name: String) -> CommandTree? {
        subcommands.first { $0.name == name }
    }

    /// The option spelled `name`.
    public func option(_ name: String) -> Option? {
        options.first { $0.names.contains(name) }
    }

    /// The tree of `kestractl`, read once.
    public static let kestractl: CommandTree = {
        let json = Kestractl._dumpHelp()
        guard let info = try? JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)) else {
            return CommandTree(name: "kestractl", subcommands: [], options: [], positionals: [])
        }
        return CommandTree(info.command)
    }()

    private init(name: String, subcommands: [CommandTree], options: [Option], positionals: [Positional]) {
        self.name = name
        self.subcommands = subcommands
        self.options = options
        self.positionals = positionals
    }

    private init(_ info: CommandInfo) {
        name = info.commandName
        subcommands = (info.subcommands ?? []).filter { $0.commandName != "help" && $0.shouldDisplay != false }
            .map(CommandTree.init)
        var options: [Option] = []
        var positionals: [Positional] = []
        for argument in info.arguments ?? [] where argument.shouldDisplay != false {
            let isPath = argument.completionKind?.file != nil || argument.completionKind?.directory != nil
            let values = argument.allValues ?? argument.completionKind?.list?.values ?? []
            if argument.kind == "positional" {
                positionals.append(
                    Positional(
                        valueName: argument.valueName ?? "", allowedValues: values, isPath: isPath,
                        isRepeating: argument.isRepeating ?? false))
            } else {
                let names = (argument.names ?? []).map { ($0.kind == "short" ? "-" : "--") + $0.name }
                options.append(
                    Option(
                        names: names, takesValue: argument.kind == "option", valueName: argument.valueName,
                        allowedValues: values, isPath: isPath))
            }
        }
        self.options = options
        self.positionals = positionals
    }

    /// The subset of ArgumentParser's ToolInfo JSON that completion reads.
    private struct ToolInfo: Decodable {
        var command: CommandInfo
    }

    /// One command of the ToolInfo JSON.
    private struct CommandInfo: Decodable {
        var commandName: String
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
    }

    /// One argument of the ToolInfo JSON.
    private struct ArgumentInfo: Decodable {
        var kind: String
        var shouldDisplay: Bool?
        var names: [NameInfo]?
        var valueName: String?
        var isRepeating: Bool?
        var allValues: [String]?
        var completionKind: CompletionInfo?
    }

    /// One name of an argument.
    private struct NameInfo: Decodable {
        var kind: String
        var name: String
    }

    /// The completion kind of an argument (only the cases completion uses).
    private struct CompletionInfo: Decodable {
        var list: ListInfo?
        var file: EmptyInfo?
        var directory: EmptyInfo?
    }

    /// `list` completion values.
    private struct ListInfo: Decodable {
        var values: [String]
    }

    /// A case without payload worth reading.
    private struct EmptyInfo: Decodable {}
}
