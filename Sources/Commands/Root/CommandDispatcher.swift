import ArgumentParser

/// Runs one argv through the command tree without ever exiting the process.
///
/// One-shot invocations, the interactive shell and scripts all come through here.
public enum CommandDispatcher {
    /// Parses and runs `arguments` (without the program name) and returns the exit code.
    ///
    /// `shellLauncher` is what `kestractl shell` runs; nil (the default) makes `shell` a usage error.
    public static func run(
        arguments: [String],
        environment: [String: String],
        streams: OutputStreams,
        input: any TextInput = StandardInput(),
        session: SessionState? = nil,
        shellLauncher: ShellLauncher? = nil
    ) async -> Int32 {
        let command: any ParsableCommand
        let argumentMask = CredentialMask(arguments: arguments, environment: environment)
        do {
            command = try await Kestractl.asyncParseAsRoot(GlobalOptions.hoistLeadingOptions(arguments))
        } catch {
            return reportParseFailure(error, arguments: arguments, streams: streams, mask: argumentMask)
        }
        guard let kestraCommand = command as? any KestraCommand else {
            // `help`, and groups without a verb: their run() throws the help request.
            var builtIn = command
            do {
                try builtIn.run()
            } catch {
                return reportParseFailure(error, arguments: arguments, streams: streams, mask: argumentMask)
            }
            return KestractlExitCode.success.rawValue
        }
        var globals = kestraCommand.globals
        // The command reads its own --timeout as the wait limit; requests resolve theirs without it.
        if kestraCommand.timeoutBoundsWait { globals.timeout = nil }
        let context = CommandContext(
            globals: globals, environment: environment, streams: streams, input: input, session: session,
            shellLauncher: shellLauncher)
        let exitCode: Int32
        do {
            try await kestraCommand.run(context)
            exitCode = KestractlExitCode.success.rawValue
        } catch let shellExit as ShellExit {
            // The shell has reported its own failures; only its code is left to return.
            exitCode = shellExit.code
        } catch {
            var mask = context.credentialMask
            mask.add(arguments: arguments)
            let (text, code) = ErrorPresenter.present(error, mask: mask)
            streams.stderr.write(text)
            exitCode = code.rawValue
        }
        await context.shutdown()
        return exitCode
    }

    private static func reportParseFailure(
        _ error: any Error, arguments: [String], streams: OutputStreams, mask: CredentialMask
    ) -> Int32 {
        let code = Kestractl.exitCode(for: error)
        if code == .success {
            // --help and --version: requested output goes to stdout.
            streams.stdout.write(Kestractl.fullMessage(for: error) + "\n")
            return KestractlExitCode.success.rawValue
        }
        // ArgumentParser blames the first word it cannot place, often a global option after an
        // unknown verb (`flows frobnicate --host …` → "Unknown option '--host'"): name the verb.
        let usage =
            UnknownCommand.find(in: arguments)
            ?? UsageError(Kestractl.message(for: error), hint: "run 'kestractl --help' for usage")
        streams.stderr.write(ErrorPresenter.present(usage, mask: mask).text)
        return KestractlExitCode.usage.rawValue
    }
}
