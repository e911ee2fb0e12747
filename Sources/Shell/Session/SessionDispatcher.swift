import Commands

/// The thin adapter between the shell and the command layer: an argv goes to `CommandDispatcher`
/// with the session's typed state, and the `CommandOutcome` comes back with its failure unprinted
/// (the shell presents it, with `file:line:col` in scripts).
struct SessionDispatcher: Sendable {
    /// The session the commands run in.
    let session: ShellSession

    /// Runs one command line.
    func run(_ arguments: [String]) async -> CommandOutcome {
        await CommandDispatcher.run(
            arguments: arguments, environment: session.environment, streams: session.streams,
            input: StandardInput(), session: session.commandSession, printsFailure: false)
    }
}
