import Foundation

extension CommandContext {
    /// Asks before a destructive action: `--yes` skips the question, a terminal gets a `[y/N]`
    /// prompt on stderr, and a non-interactive run without `--yes` is refused (exit 2).
    ///
    /// Returns false when the operator declined.
    public func confirm(_ question: String, yes: Bool) throws -> Bool {
        if yes || session?.assumeYes == true { return true }
        guard mayAskForConfirmation else {
            throw UsageError(
                "refusing to \(question) without confirmation", hint: "pass --yes to confirm in a non-interactive run")
        }
        streams.stderr.write("\(question.prefix(1).uppercased() + question.dropFirst())? [y/N] ")
        let answer = input.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }

    /// Whether ``confirm(_:yes:)`` asks (a terminal, outside scripts) rather than refuses.
    public var mayAskForConfirmation: Bool {
        (session?.mayPrompt ?? true) && input.isTerminal && (streams.stderr.isTerminal || streams.stdout.isTerminal)
    }
}
