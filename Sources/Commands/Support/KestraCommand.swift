import ArgumentParser

/// A command that runs against a `CommandContext` (one-shot, shell and scripts alike).
///
/// `CommandDispatcher` parses argv and calls `run(_:)`; ArgumentParser's own `run()` is never used.
public protocol KestraCommand: AsyncParsableCommand {
    /// The global options parsed with this command.
    var globals: GlobalOptions { get }

    /// Runs the command with the given context.
    func run(_ context: CommandContext) async throws
}
