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
        do {
            command = try await Kestractl.asyncParseAsRoot(GlobalOptions.hoistLeadingOptions(arguments))
        } catch {
            return reportParseFailure(error, streams: streams)
        }
        guard let kestraCommand = command as? any KestraCommand else {
            // `help`, and groups without a verb: their run() throws the help request.
            var builtIn = command
            do {
                try builtIn.run()
            } catch {
                return reportParseFailure(error, streams: streams)
            }
            return KestractlExitCode.success.rawValue
        }
        let context = CommandContext(
            globals: kestraCommand.globals, environment: environment, streams: streams, input: input, session: session,
            shellLauncher: shellLauncher)
        let exitCode: Int32
        do {
            try await kestraCommand.run(context)
            exitCode = KestractlExitCode.success.rawValue
        } catch let shellExit as ShellExit {
            // The shell has reported its own failures; only its code is left to return.
            exitCode = shellExit.code
        } catch {
            exitCode = report(error, streams: streams)
        }
        await context.shutdown()
        return exitCode
    }

    private static func report(_ error: any Error, streams: OutputStreams) -> Int32 {
        let (text, code) = ErrorPresenter.present(error)
        streams.stderr.write(text)
        return code.rawValue
    }

    private static func reportParseFailure(_ error: any Error, streams: OutputStreams) -> Int32 {
        let code = Kestractl.exitCode(for: error)
        if code == .success {
            // --help and --version: requested output goes to stdout.
            streams.stdout.write(Kestractl.fullMessage(for: error) + "\n")
            return KestractlExitCode.success.rawValue
        }
        streams.stderr.write("Error: \(Kestractl.message(for: error))\n")
        streams.stderr.write("  hint: run 'kestractl --help' for usage\n")
        return KestractlExitCode.usage.rawValue
    }
}
