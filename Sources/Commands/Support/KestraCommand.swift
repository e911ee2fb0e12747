import ArgumentParser

/// A command that runs against a `CommandContext` (one-shot, shell and scripts alike).
///
/// `CommandDispatcher` parses argv and calls `run(_:)`; ArgumentParser's own `run()` is never used.
public protocol KestraCommand: AsyncParsableCommand, Sendable {
    /// The global options parsed with this command.
    var globals: GlobalOptions { get }

    /// Runs the command with the given context.
    func run(_ context: CommandContext) async throws

    /// Whether `--timeout` limits this command's wait for an execution instead of each request
    /// (`executions follow`, `run --wait`); its requests then keep `KESTRACTL_TIMEOUT` or the default.
    var timeoutBoundsWait: Bool { get }
}

extension KestraCommand {
    /// `--timeout` is the per-request timeout.
    public var timeoutBoundsWait: Bool { false }
}
