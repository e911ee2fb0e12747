import Commands
import Foundation
import Synchronization

/// Runs tokenised shell lines: the shell's own words (`use`, `set`, `echo`, …) here, everything
/// else through `CommandDispatcher` with the session's context, namespace and shared clients.
public final class ShellWordRunner: Sendable {
    /// Variables and session state carried from line to line.
    struct State: Sendable {
        var session: SessionState
        var variables: [String: String] = [:]
        /// Variables the shell sets and scripts only read (`SCRIPT_DIR`, `LAST_ERROR`, …).
        var readOnly: [String: String] = [:]
    }

    /// The environment commands resolve their settings from.
    public let environment: [String: String]
    /// Where output goes.
    public let streams: OutputStreams
    /// The history `history` prints (nil: none kept).
    public let history: ShellHistory?
    /// Global flags without an environment variable, appended to every command line.
    let extraArguments: [String]
    /// Global options for contexts the shell builds itself; only environment and session state apply.
    private let noGlobals: GlobalOptions
    private let state: Mutex<State>

    /// Creates a runner for a session started with `globals`.
    public init(
        globals parsed: GlobalOptions? = nil, environment: [String: String], streams: OutputStreams,
        history: ShellHistory? = nil
    ) {
        // A default-constructed ParsableArguments cannot be read: parse an empty command line instead.
        let empty = (try? GlobalOptions.parse([])) ?? GlobalOptions()
        let globals = parsed ?? empty
        self.noGlobals = empty
        var environment = environment
        // The invocation's global options become the session's defaults: options with an
        // environment variable through it (a line's own flags still win), the others appended.
        let mapped: [(String, String?)] = [
            ("HOST", globals.host), ("TENANT", globals.tenant), ("TOKEN", globals.token),
            ("USERNAME", globals.username), ("PASSWORD", globals.password), ("OUTPUT", globals.output?.rawValue),
            ("CONFIG", globals.config), ("CA_FILE", globals.caFile), ("TIMEOUT", globals.timeout),
        ]
        for (name, value) in mapped {
            if let value { environment["KESTRACTL_\(name)"] = value }
        }
        var extra: [String] = []
        if globals.verbose { extra.append("--verbose") }
        if globals.insecureSkipTLSVerify { extra.append("--insecure-skip-tls-verify") }
        if globals.noColor { extra.append("--no-color") }
        for header in globals.header { extra += ["--header", header] }
        self.environment = environment
        self.streams = streams
        self.history = history
        self.extraArguments = extra
        self.state = Mutex(State(session: SessionState(contextName: globals.context)))
    }

    /// The session's current state (context, namespace, clients).
    public var session: SessionState {
        state.withLock { $0.session }
    }

    /// The shell variables.
    public var variables: [String: String] {
        state.withLock { $0.variables }
    }

    /// The context and namespace in effect: the session's choice, else the configuration's.
    public func effectiveContext() -> (context: String?, namespace: String?) {
        let session = self.session
        let context = CommandContext(
            globals: noGlobals, environment: environment, streams: streams, session: session)
        guard let settings = try? context.settings() else { return (session.contextName, session.namespace) }
        return (settings.contextName, session.namespace ?? settings.namespace)
    }

    /// What the session's diagnostics never show: the secrets of its environment (the invocation's
    /// `--token`/`--password` included) and of its `--header` options.
    public var credentialMask: CredentialMask {
        var mask = commandContext().credentialMask
        mask.add(arguments: extraArguments)
        return mask
    }

    /// The context names of the session's config file.
    public func contextNames() -> [String] {
        let store = ConfigStore(path: ConfigStore.resolvePath(flag: nil, environment: environment))
        return (try? store.load().contextNames) ?? []
    }

    /// The prompt: `kestractl (CONTEXT:NAMESPACE)> `, parts left out when unknown.
    public func prompt() -> String {
        let (context, namespace) = effectiveContext()
        switch (context, namespace) {
        case (let context?, let namespace?): return "kestractl (\(context):\(namespace))> "
        case (let context?, nil): return "kestractl (\(context))> "
        case (nil, let namespace?): return "kestractl (:\(namespace))> "
        case (nil, nil): return "kestractl> "
        }
    }

    /// A command context on the session (its settings and shared client), for completion.
    public func commandContext() -> CommandContext {
        CommandContext(globals: noGlobals, environment: environment, streams: streams, session: session)
    }

    /// Closes the session's connections.
    public func shutdown() async {
        await session.clients.shutdown()
    }

    /// Expands and runs one tokenised line.
    public func run(_ line: ShellLine) async -> ShellOutcome {
        let words: [String]
        do {
            words = try expand(line)
        } catch {
            streams.stderr.write("Error: \(error.message)\n")
            return finish(KestractlExitCode.usage.rawValue)
        }
        return await run(words: words)
    }

    /// The line's words with every expansion substituted (shell and built-in variables, environment).
    public func expand(_ line: ShellLine) throws(ExpansionError) -> [String] {
        let variables = self.variables.merging(builtInVariables()) { _, builtIn in builtIn }
        var words: [String] = []
        for word in line.words {
            words.append(try word.expand(variables: variables, environment: environment))
        }
        return words
    }

    /// Sets a variable scripts can read but not `set` (`SCRIPT_DIR`, `LAST_ERROR`, …); nil removes it.
    public func setReadOnly(_ name: String, _ value: String?) {
        state.withLock { $0.readOnly[name] = value }
    }

    /// A variable the shell sets (`LAST_ERROR`, `SCRIPT_DIR`, …), if set.
    public func builtIn(_ name: String) -> String? {
        state.withLock { $0.readOnly[name] }
    }

    /// Sets a shell variable (`--var`, settings such as `ON_ERROR`).
    public func setVariable(_ name: String, _ value: String) {
        state.withLock { $0.variables[name] = value }
    }

    /// Makes the session a script's: destructive commands never prompt, and proceed when `yes`.
    public func runAsScript(yes: Bool) {
        state.withLock {
            $0.session.mayPrompt = false
            $0.session.assumeYes = yes
        }
    }

    /// Records the exit code of a line the caller ran itself (`LAST_EXIT`, `LAST_STATUS`).
    @discardableResult
    public func record(_ code: Int32) -> ShellOutcome {
        finish(code)
    }

    /// Runs one line of already expanded words.
    public func run(words original: [String]) async -> ShellOutcome {
        var words = original
        if words.first == "kestractl" { words.removeFirst() }
        guard let first = words.first else { return .proceed(0) }
        let arguments = Array(words.dropFirst())
        switch first {
        case "exit":
            guard arguments.count <= 1, let code = arguments.first.map({ Int32($0) }) ?? Int32(0) else {
                return usage("exit takes one numeric exit code")
            }
            return .exit(code)
        case "quit":
            return arguments.isEmpty ? .exit(0) : usage("quit takes no arguments")
        case "use":
            return use(arguments)
        case "set":
            return set(arguments)
        case "unset":
            guard arguments.count == 1 else { return usage("unset takes one variable name") }
            state.withLock { _ = $0.variables.removeValue(forKey: arguments[0]) }
            return finish(0)
        case "echo":
            streams.stdout.write(arguments.joined(separator: " ") + "\n")
            return finish(0)
        case "history":
            let entries = history?.all ?? []
            for (index, entry) in entries.enumerated() { streams.stdout.write("\(index + 1)  \(entry)\n") }
            return finish(0)
        case "help":
            if arguments.isEmpty {
                streams.stdout.write(helpText())
                return finish(0)
            }
            return await dispatch(arguments + ["--help"])
        case "source", "try", "assert":
            return usage(
                "'\(first)' is only available in scripts (kestractl shell -f FILE, -c LINE or piped stdin)")
        default:
            return await dispatch(words + extraArguments)
        }
    }

    private func dispatch(_ arguments: [String]) async -> ShellOutcome {
        var environment = self.environment
        // The OUTPUT setting (`set OUTPUT json`) is the session's default output format.
        if let output = variables["OUTPUT"] { environment["KESTRACTL_OUTPUT"] = output }
        let code = await CommandDispatcher.run(
            arguments: arguments, environment: environment, streams: streams, input: StandardInput(),
            session: session)
        return finish(code)
    }

    private func use(_ arguments: [String]) -> ShellOutcome {
        switch arguments.count {
        case 2 where arguments[0] == "context":
            let name = arguments[1]
            let store = ConfigStore(path: ConfigStore.resolvePath(flag: nil, environment: environment))
            let names = (try? store.load().contextNames) ?? []
            guard names.contains(name) else {
                streams.stderr.write("Error: context \"\(name)\" does not exist in \(store.path)\n")
                if !names.isEmpty { streams.stderr.write("  hint: known contexts: \(names.joined(separator: ", "))\n") }
                return finish(KestractlExitCode.usage.rawValue)
            }
            state.withLock { $0.session.contextName = name }
            return finish(0)
        case 2 where arguments[0] == "namespace":
            state.withLock { $0.session.namespace = arguments[1] }
            return finish(0)
        case 1 where arguments[0] != "context" && arguments[0] != "namespace":
            state.withLock { $0.session.namespace = arguments[0] }
            return finish(0)
        default:
            return usage("usage: use context NAME | use namespace NS | use NS")
        }
    }

    private func set(_ arguments: [String]) -> ShellOutcome {
        guard let name = arguments.first else {
            for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
                streams.stdout.write("\(name)=\(value)\n")
            }
            return finish(0)
        }
        guard name.first.map({ $0 == "_" || $0.isLetter }) == true,
            name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }), builtInVariables()[name] == nil
        else { return usage("'\(name)' is not a variable name that can be set") }
        let value = arguments.dropFirst().joined(separator: " ")
        state.withLock { $0.variables[name] = value }
        return finish(0)
    }

    private func builtInVariables() -> [String: String] {
        let (context, namespace) = effectiveContext()
        var values = state.withLock { state in
            state.variables.filter { ["LAST_STATUS", "LAST_EXIT"].contains($0.key) }.merging(state.readOnly) { $1 }
        }
        if let context { values["CONTEXT"] = context }
        if let namespace { values["NAMESPACE"] = namespace }
        return values
    }

    private func usage(_ message: String) -> ShellOutcome {
        streams.stderr.write("Error: \(message)\n")
        return finish(KestractlExitCode.usage.rawValue)
    }

    private func finish(_ code: Int32) -> ShellOutcome {
        state.withLock {
            $0.variables["LAST_EXIT"] = String(code)
            $0.variables["LAST_STATUS"] = code == 0 ? "ok" : "error"
        }
        return .proceed(code)
    }

    private func helpText() -> String {
        var text = "Shell words:\n"
        for (usage, description) in ShellWords.descriptions {
            text += "  " + usage.padding(toLength: 26, withPad: " ", startingAt: 0) + description + "\n"
        }
        text += "\nEvery kestractl command runs as typed (without 'kestractl'); 'help COMMAND' shows its help.\n"
        text +=
            "Commands: "
            + Kestractl.configuration.subcommands.map { $0.configuration.commandName ?? "" }
            .filter { !$0.isEmpty }.joined(separator: ", ") + "\n"
        return text
    }
}
