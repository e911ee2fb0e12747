import ArgumentParser

/// `kestractl completion bash|zsh|fish`: prints a shell completion script.
public struct CompletionCommand: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print a completion script for bash, zsh or fish (context names complete dynamically).",
        discussion: """
            Examples:
              source <(kestractl completion bash)
              kestractl completion zsh > "${fpath[1]}/_kestractl"
              kestractl completion fish > ~/.config/fish/completions/kestractl.fish
            """
    )

    /// The target shell.
    @Argument(help: "bash, zsh or fish.") public var shell: ShellName
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Shells with a completion script generator.
    public enum ShellName: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// GNU bash.
        case bash
        /// Z shell.
        case zsh
        case fish
    }

    /// Creates the command.
    public init() {}

    /// Prints the script generated from the command tree.
    public func run(_ context: CommandContext) async throws {
        guard let target = CompletionShell(rawValue: shell.rawValue) else { return }
        let script = Kestractl.completionScript(for: target)
        context.streams.stdout.write(script.hasSuffix("\n") ? script : script + "\n")
    }
}
