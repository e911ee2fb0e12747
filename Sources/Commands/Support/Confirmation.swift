import Foundation

extension CommandContext {
    /// Asks before a destructive action: `--yes` skips the question, a terminal gets a `[y/N]` prompt
    /// on stderr, and a non-interactive run without `--yes` is refused (exit 2) before anything is sent.
    ///
    /// An answer other than `y`/`yes` prints `Cancelled.` and ends the command with exit 1: the
    /// asked-for action did not happen.
    public func confirm(_ question: String, yes: Bool) throws {
        if yes || session?.assumeYes == true { return }
        guard mayAskForConfirmation else {
            throw UsageError(
                "refusing to \(question) without confirmation", hint: "pass --yes to confirm in a non-interactive run")
        }
        streams.stderr.write("\(question.prefix(1).uppercased() + question.dropFirst())? [y/N] ")
        let answer = input.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            streams.stderr.write("Cancelled.\n")
            throw ReportedExit(.failure)
        }
    }

    /// Whether ``confirm(_:yes:)`` asks (a terminal, outside scripts) rather than refuses.
    public var mayAskForConfirmation: Bool {
        (session?.mayPrompt ?? true) && input.isTerminal && (streams.stderr.isTerminal || streams.stdout.isTerminal)
    }
}
