import ArgumentParser

/// Runs one argv through the command tree without ever exiting the process.
///
/// One-shot invocations, the interactive shell and scripts all come through here
/// (docs/architecture.md, "The life of one command").
public enum CommandDispatcher {
    /// Parses and runs `arguments` (without the program name) and returns what it led to.
    ///
    /// `session` is the shell's typed session (context, namespace, the invocation's global options,
    /// output format); a line's own flags win over it. With `printsFailure` the final `Error:` line
    /// goes to stderr; the shell passes false and presents the failure itself (with `file:line:col`
    /// in scripts). `shellLauncher` is what `kestractl shell` runs; nil makes `shell` a usage error.
    /// With `processExitsNext` the command's own connections are left for the system to close
    /// when the process exits, instead of waiting for a graceful close.
    public static func run(
        arguments: [String],
        environment: [String: String],
        streams: OutputStreams,
        input: any TextInput = StandardInput(),
        session: SessionState? = nil,
        shellLauncher: ShellLauncher? = nil,
        printsFailure: Bool = true,
        processExitsNext: Bool = false
    ) async -> CommandOutcome {
        let outcome: CommandOutcome
        let parsed: Parsed
        if let cached = session?.parsedLines.command(for: arguments) {
            parsed = .command(cached)
        } else {
            parsed = await parse(arguments, environment: environment, inSession: session != nil)
            if case .command(let command) = parsed { session?.parsedLines.store(command, for: arguments) }
        }
        switch parsed {
        case .failure(let failure):
            outcome = CommandOutcome(exitCode: KestractlExitCode.usage.rawValue, failure: failure)
        case .output(let text):
            // --help and --version: requested output goes to stdout.
            streams.stdout.write(text + "\n")
            outcome = .success
        case .command(let kestraCommand):
            var globals = kestraCommand.globals
            // The command reads its own --timeout as the wait limit; requests resolve theirs without it.
            if kestraCommand.timeoutBoundsWait { globals.timeout = nil }
            let context = CommandContext(
                globals: globals, environment: environment, streams: streams, input: input, session: session,
                shellLauncher: shellLauncher)
            outcome = await run(kestraCommand, context: context, arguments: arguments)
            if processExitsNext { context.shutdownWithoutWaiting() } else { await context.shutdown() }
        }
        if printsFailure, let failure = outcome.failure { streams.stderr.write(failure.text) }
        return outcome
    }

    /// Parses `arguments` exactly as `run` would and runs nothing (`shell --check`): the failure
    /// running them would start with, or nil when they parse.
    public static func check(arguments: [String], environment: [String: String]) async -> CommandOutcome.Failure? {
        if case .failure(let failure) = await parse(arguments, environment: environment, inSession: true) {
            return failure
        }
        return nil
    }

    private static func run(_ command: any KestraCommand, context: CommandContext, arguments: [String]) async
        -> CommandOutcome
    {
        var outcome: CommandOutcome
        do {
            try await command.run(context)
            outcome = .success
        } catch let shellExit as ShellExit {
            // The shell has reported its own failures; only its code is left to return.
            outcome = CommandOutcome(exitCode: shellExit.code)
        } catch {
            var mask = context.credentialMask
            mask.add(arguments: arguments)
            outcome = ErrorPresenter.outcome(for: error, mask: mask)
        }
        outcome.produced = context.produced
        return outcome
    }

    /// What parsing an argv leads to.
    private enum Parsed {
        /// A command to run.
        case command(any KestraCommand)
        /// Help or version text to print; nothing runs.
        case output(String)
        /// A usage error.
        case failure(CommandOutcome.Failure)
    }

    private static func parse(_ arguments: [String], environment: [String: String], inSession: Bool) async -> Parsed {
        let hoisted = GlobalOptions.hoistLeadingOptions(arguments)
        // A command parses under `KestractlCommandLine` (no completion-script check); help, errors
        // and completion requests parse again under `Kestractl`, whose text they show.
        let requestsCompletion =
            hoisted.first == "---completion" || hoisted.contains { $0.hasPrefix("--generate-completion-script") }
        if !requestsCompletion,
            let command = try? await KestractlCommandLine.asyncParseAsRoot(hoisted) as? any KestraCommand
        {
            return .command(command)
        }
        let command: any ParsableCommand
        do {
            // The async parse: completion requests (`---completion`) run async completion functions.
            command = try await Kestractl.asyncParseAsRoot(hoisted)
        } catch {
            return parseFailure(error, arguments: arguments, environment: environment, inSession: inSession)
        }
        if let kestraCommand = command as? any KestraCommand { return .command(kestraCommand) }
        // `help`, and groups without a verb: their run() throws the help request.
        var builtIn = command
        do {
            try builtIn.run()
        } catch {
            return parseFailure(error, arguments: arguments, environment: environment, inSession: inSession)
        }
        return .output("")
    }

    private static func parseFailure(
        _ error: any Error, arguments: [String], environment: [String: String], inSession: Bool
    ) -> Parsed {
        if Kestractl.exitCode(for: error) == .success { return .output(Kestractl.fullMessage(for: error)) }
        let mask = CredentialMask(arguments: arguments, environment: environment)
        // ArgumentParser blames the first word it cannot place, often a global option after an
        // unknown verb (`flows frobnicate --host …` → "Unknown option '--host'"): name the verb.
        if let unknown = UnknownCommand.find(in: arguments, inSession: inSession) {
            return .failure(
                CommandOutcome.Failure(
                    message: mask.text(unknown.message), hint: unknown.hint, argumentIndex: unknown.argumentIndex))
        }
        let message = Kestractl.message(for: error)
        return .failure(
            CommandOutcome.Failure(
                message: mask.text(message),
                hint: inSession ? "run 'help' for usage" : "run 'kestractl --help' for usage",
                argumentIndex: blamedArgument(message, in: arguments)))
    }

    /// The argument a parser message quotes (`Unknown option '--bogus'`, `The value 'xml' is
    /// invalid …`): the first quoted text that is one of the arguments or an `--option=` prefix of one.
    private static func blamedArgument(_ message: String, in arguments: [String]) -> Int? {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        for text in quoted {
            if let index = arguments.firstIndex(where: { $0 == text || $0.hasPrefix(text + "=") }) { return index }
        }
        return nil
    }
}
