import ArgumentParser

/// A command that runs against a `CommandContext` (one-shot, shell and scripts alike).
public protocol KestraCommand: AsyncParsableCommand {
    /// The global options parsed with this command.
    var globals: GlobalOptions { get }

    /// Runs the command with the given context.
    func run(_ context: CommandContext) async throws
}

extension KestraCommand {
    /// Runs through the dispatcher's path when ArgumentParser calls `run()` directly.
    public func run() async throws {
        let context = CommandContext(globals: globals, environment: ProcessEnvironment.current, streams: .standard)
        do {
            try await run(context)
        } catch {
            await context.shutdown()
            throw error
        }
        await context.shutdown()
    }
}
