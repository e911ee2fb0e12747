import Client

/// Turns any error into the message, hint and exit code of docs/commands.md ("Exit codes"), in
/// this one place; `CommandOutcome.Failure.text` prints them as `Error: …` plus `  hint: …`.
public enum ErrorPresenter {
    /// The outcome of a command that threw `error`, credentials masked by `mask`.
    public static func outcome(for error: any Error, mask: CredentialMask = CredentialMask()) -> CommandOutcome {
        let (failure, code) = describe(error)
        let masked = failure.map {
            CommandOutcome.Failure(
                message: mask.text($0.message), hint: $0.hint.map(mask.text), argumentIndex: $0.argumentIndex)
        }
        return CommandOutcome(exitCode: code.rawValue, failure: masked)
    }

    private static func describe(_ error: any Error) -> (CommandOutcome.Failure?, KestractlExitCode) {
        switch error {
        case let error as UsageError:
            return (CommandOutcome.Failure(message: error.message, hint: error.hint), .usage)
        case let error as CommandFailure:
            return (CommandOutcome.Failure(message: error.message, hint: error.hint), error.exitCode)
        case let error as ReportedExit:
            return (nil, error.exitCode)
        case let error as ConfigFileError:
            return (CommandOutcome.Failure(message: error.message), .usage)
        case let error as KestraError:
            return (CommandOutcome.Failure(message: error.message, hint: error.hint), exitCode(for: error))
        case is CancellationError:
            return (CommandOutcome.Failure(message: "interrupted"), .interrupted)
        default:
            return (CommandOutcome.Failure(message: String(describing: error)), .failure)
        }
    }

    /// The exit code for a Kestra API or transport error.
    public static func exitCode(for error: KestraError) -> KestractlExitCode {
        switch error {
        case .http(let status, _, _) where status == 401 || status == 403: return .authentication
        case .http(404, _, _): return .notFound
        case .transport(_, .timeout, _): return .timeout
        case .cancelled: return .interrupted
        default: return .failure
        }
    }
}
