import Client

/// Turns any error into the one `Error: …` line (plus `hint:`) and the exit code of `cli.md` §5.
public enum ErrorPresenter {
    /// The text and exit code for an error raised while running a command, credentials masked by `mask`.
    public static func present(_ error: any Error, mask: CredentialMask = CredentialMask()) -> (
        text: String, exitCode: KestractlExitCode
    ) {
        let (text, code) = describe(error)
        return (mask.text(text), code)
    }

    private static func describe(_ error: any Error) -> (text: String, exitCode: KestractlExitCode) {
        switch error {
        case let error as UsageError:
            return (render(error.message, hint: error.hint), .usage)
        case let error as CommandFailure:
            return (render(error.message, hint: error.hint), error.exitCode)
        case let error as ReportedExit:
            return ("", error.exitCode)
        case let error as ConfigFileError:
            return (render(error.message, hint: nil), .usage)
        case let error as KestraError:
            return (render(error.message, hint: error.hint), exitCode(for: error))
        case is CancellationError:
            return (render("interrupted", hint: nil), .interrupted)
        default:
            return (render(String(describing: error), hint: nil), .failure)
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

    private static func render(_ message: String, hint: String?) -> String {
        var text = "Error: \(message)\n"
        if let hint { text += "  hint: \(hint)\n" }
        return text
    }
}
