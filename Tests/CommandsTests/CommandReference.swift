import ArgumentParser
import Commands
import Foundation

/// Renders `docs/commands.md` from the command tree: ArgumentParser's own description of every
/// command (`_dumpHelp()` JSON) and its usage line, so the reference cannot drift from the parser.
enum CommandReference {
    /// The whole document.
    static func markdown() -> String {
        var text = preamble
        text += "## Global options\n\n"
        text += "Every command accepts these; unset ones come from the environment, then the selected context of the "
        text += "config file, then defaults (see \"Settings\" below).\n\n"
        text += table(describe(GlobalOptions.self).arguments ?? [], exclude: ["--help"])
        text += settings
        text += exitCodes
        text += "## Commands\n\n"
        var sections = ""
        walk(Kestractl.self, info: describe(Kestractl.self), path: []) { path, type, info in
            let name = path.joined(separator: " ")
            text += "\(String(repeating: "  ", count: path.count - 2))- [`\(name)`](#\(anchor(name)))\n"
            sections += section(path: path, type: type, info: info)
        }
        return text + "\n" + sections
    }

    private static let preamble = """
        # Command reference

        <!-- Generated from the command tree by `make docs` (Tests/CommandsTests/CommandReference.swift). Do not edit. -->

        Every command runs three ways: one-shot from a system shell (`kestractl flows list`), typed at the
        interactive shell's prompt, and as a line of a `.kctl` script ([scripts.md](scripts.md)). Results go to
        stdout; progress, prompts, warnings and errors to stderr. `kestractl COMMAND --help` shows the same
        text as each section below.


        """

    private static let settings = """

        ### Settings

        Each setting resolves on its own: 1. a flag, 2. its `KESTRACTL_*` environment variable, 3. the
        selected context of the config file (`--context`, else `KESTRACTL_CONTEXT`, else `default_context`),
        4. the default (`http://localhost:8080`, tenant `main`, output `table`, timeout `30s`). In the shell,
        the options the session was started with come right after a line's own flags. The authentication
        method comes from the highest source that sets any of token, user name or password (a token beats
        basic auth within one source). `config view` shows every value and where it came from.

        The config file is `~/.kestractl/config.yaml` (or `--config`, `KESTRACTL_CONFIG`), the same format as
        Kestra's Go `kestractl`: `contexts:` by name (`host`, `tenant`, `auth_method`, `username`, `password`
        or `token`, `namespace`, `headers`, `ca_file`, `insecure_skip_tls_verify`) and `default_context`.


        """

    private static let exitCodes = """
        ## Exit codes

        | code | meaning |
        |---|---|
        | 0 | success |
        | 1 | failure: API error, transport error, anything else |
        | 2 | usage error: unknown command, option or value, bad arguments, unknown context, invalid config file, refused destructive command without `--yes` in a non-interactive run, script syntax error, undefined variable, `source` cycle |
        | 3 | authentication or authorisation failed (401/403) |
        | 4 | not found (404) |
        | 5 | partial failure or validation failure (deploy, validate, upload, download, delete of several items, apply) |
        | 6 | an execution ended in a state that was not allowed |
        | 7 | a script `assert` failed |
        | 8 | `diff`: the project directory and the server differ |
        | 124 | a `--timeout` expired |
        | 130 | interrupted (Ctrl-C) |


        """

    /// One command's section: abstract, usage, arguments and options (without the global ones), examples.
    private static func section(path: [String], type: any ParsableCommand.Type, info: CommandInfo) -> String {
        let name = path.joined(separator: " ")
        var text = "### \(name)\n\n"
        if let aliases = info.aliases, !aliases.isEmpty {
            text += "Also spelt: " + aliases.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
        }
        if let abstract = info.abstract { text += abstract + "\n\n" }
        text += "```text\n" + Kestractl.usageString(for: type) + "\n```\n\n"
        let subcommands = (info.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        if !subcommands.isEmpty {
            text +=
                "Subcommands: "
                + subcommands.map { "[`\($0.commandName)`](#\(anchor(name + " " + $0.commandName)))" }
                .joined(separator: ", ") + ".\n\n"
        }
        let arguments = (info.arguments ?? []).filter { $0.shouldDisplay != false }
        if !arguments.isEmpty { text += table(arguments, exclude: globalNames) }
        if let discussion = info.discussion, !discussion.isEmpty {
            text += "```text\n" + discussion.trimmingCharacters(in: .newlines) + "\n```\n\n"
        }
        return text
    }

    private static func table(_ arguments: [ArgumentInfo], exclude: Set<String>) -> String {
        let rows = arguments.filter { argument in
            argument.shouldDisplay != false && !(argument.names ?? []).contains { exclude.contains($0.spelling) }
        }
        guard !rows.isEmpty else { return "" }
        var text = "| argument or option | description |\n|---|---|\n"
        for argument in rows {
            var description = argument.abstract ?? ""
            if let values = argument.allValues, !values.isEmpty {
                description += " Values: " + values.map { "`\($0)`" }.joined(separator: ", ") + "."
            }
            if let value = argument.defaultValue, !value.isEmpty, !description.lowercased().contains("default") {
                description += " Default: `\(value)`."
            }
            text += "| `\(argument.synopsis)` | \(description.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return text + "\n"
    }

    private static let globalNames: Set<String> = {
        Set((describe(GlobalOptions.self).arguments ?? []).flatMap { $0.names ?? [] }.map(\.spelling))
            .union(["--help", "-h", "--version"])
    }()

    /// Visits every visible command below `type` (depth first, in declaration order).
    private static func walk(
        _ type: any ParsableCommand.Type, info: CommandInfo, path: [String],
        _ visit: ([String], any ParsableCommand.Type, CommandInfo) -> Void
    ) {
        for subcommand in type.configuration.subcommands where subcommand.configuration.shouldDisplay {
            let name = subcommand.configuration.commandName ?? ""
            guard let child = info.subcommands?.first(where: { $0.commandName == name }) else { continue }
            let childPath = (path.isEmpty ? ["kestractl"] : path) + [name]
            visit(childPath, subcommand, child)
            walk(subcommand, info: child, path: childPath, visit)
        }
    }

    /// GitHub's heading anchor: lower case, spaces to hyphens.
    private static func anchor(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    private static func describe(_ type: any ParsableArguments.Type) -> CommandInfo {
        let json = type._dumpHelp()
        // The JSON comes from ArgumentParser itself: a decoding failure is a bug the test shows at once.
        return try! JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)).command
    }

    /// The subset of ArgumentParser's ToolInfo JSON the reference reads.
    private struct ToolInfo: Decodable {
        var command: CommandInfo
    }

    fileprivate struct CommandInfo: Decodable {
        var commandName: String
        var aliases: [String]?
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
    }

    fileprivate struct ArgumentInfo: Decodable {
        var kind: String
        var shouldDisplay: Bool?
        var isRepeating: Bool?
        var names: [NameInfo]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?

        /// `-o, --output <output>`, `--verbose`, `<namespace>`.
        var synopsis: String {
            let value = valueName.map { "<\($0)>" } ?? ""
            if kind == "positional" { return value + (isRepeating == true ? " …" : "") }
            let names = (names ?? []).map(\.spelling).joined(separator: ", ")
            return kind == "option" ? "\(names) \(value)" : names
        }
    }

    fileprivate struct NameInfo: Decodable {
        var kind: String
        var name: String

        var spelling: String { (kind == "short" ? "-" : "--") + name }
    }
}
