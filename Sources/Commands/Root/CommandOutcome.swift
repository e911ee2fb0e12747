/// What running one command line led to, for one-shot commands, the shell and scripts alike:
/// the shell sets `LAST_STATUS`, `LAST_EXIT`, `LAST_ERROR` and `LAST_ID` from it (docs/scripts.md).
public struct CommandOutcome: Sendable, Equatable {
    /// Why a command failed, credentials already masked.
    public struct Failure: Sendable, Equatable {
        /// The message after `Error: `.
        public var message: String
        /// The `hint:` line, when there is one.
        public var hint: String?
        /// The argument the message is about (an index into the argv the dispatcher was given),
        /// so a script can point at its column.
        public var argumentIndex: Int?

        public init(message: String, hint: String? = nil, argumentIndex: Int? = nil) {
            self.message = message
            self.hint = hint
            self.argumentIndex = argumentIndex
        }

        /// The failure of a line whose words start at `offset`: `argumentIndex` counted in the line.
        public func shifted(by offset: Int) -> Failure {
            var shifted = self
            shifted.argumentIndex = argumentIndex.map { $0 + offset }
            return shifted
        }

        /// `Error: <message>` plus `  hint: <hint>`, as the one-shot command and the shell print it.
        public var text: String {
            "Error: \(message)\n" + (hint.map { "  hint: \($0)\n" } ?? "")
        }
    }

    /// The process exit code (docs/commands.md, "Exit codes").
    public var exitCode: Int32
    /// Why it failed; nil on success and for failures that printed their own explanation
    /// (`diff` finding differences, a declined confirmation).
    public var failure: Failure?
    /// What the command created or changed, in order.
    public var produced: [Produced]

    public init(exitCode: Int32, failure: Failure? = nil, produced: [Produced] = []) {
        self.exitCode = exitCode
        self.failure = failure
        self.produced = produced
    }

    /// A success that produced nothing.
    public static let success = CommandOutcome(exitCode: KestractlExitCode.success.rawValue)

    /// A failure with `message`.
    public static func failed(_ code: KestractlExitCode, _ message: String, hint: String? = nil) -> CommandOutcome {
        CommandOutcome(exitCode: code.rawValue, failure: Failure(message: message, hint: hint))
    }

    /// Whether the command succeeded (exit 0).
    public var succeeded: Bool { exitCode == KestractlExitCode.success.rawValue }

    /// The primary id of what the command produced (`LAST_ID`): the last one.
    public var identifier: String? { produced.last?.identifier }
}
