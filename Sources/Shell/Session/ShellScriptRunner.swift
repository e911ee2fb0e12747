import Commands
import Foundation

/// Runs parsed scripts (`shell -f`, `-c`, piped stdin) in one session (`shell.md` §5): lines
/// top to bottom; `source`, `try` and `assert` handled here, every other line by the
/// `ShellWordRunner`. With `ON_ERROR=stop` the first failure ends the script with its code;
/// with `continue` the script runs on and exits with the first failure's code.
public struct ShellScriptRunner: Sendable {
    /// The session the lines run in.
    public let runner: ShellWordRunner
    /// The invocation's script options.
    public let options: ScriptOptions
    /// Remembers the last error message for `LAST_ERROR` (the runner's stderr), if any.
    let errors: ErrorRecordingOutput?
    /// Where `--report` lines go, if asked for.
    let report: ScriptReport?

    /// What running a file leads to.
    private struct Progress {
        var firstFailure: Int32?
    }

    /// Creates a script runner; `errors` is the recording stderr the runner writes to, if any.
    public init(
        runner: ShellWordRunner, options: ScriptOptions = ScriptOptions(), errors: ErrorRecordingOutput? = nil,
        report: ScriptReport? = nil
    ) {
        self.runner = runner
        self.options = options
        self.errors = errors
        self.report = report
        runner.setVariable("ON_ERROR", options.onError)
        runner.setVariable("ECHO", options.echo ? "on" : "off")
    }

    /// Runs the files in order and returns the exit code.
    public func run(_ files: [ScriptFile]) async -> Int32 {
        var progress = Progress()
        var code: Int32?
        for file in files where code == nil {
            code = await run(file, progress: &progress)
        }
        let result = code ?? progress.firstFailure ?? 0
        report?.finish(exit: result)
        return result
    }

    /// Runs one file; a non-nil result ends the whole script with that code.
    private func run(_ file: ScriptFile, progress: inout Progress) async -> Int32? {
        let directory = URL(fileURLWithPath: file.directory).standardizedFileURL.path
        for step in file.steps {
            runner.setReadOnly("SCRIPT_DIR", directory)
            runner.setReadOnly("SCRIPT_FILE", file.name)
            if Task.isCancelled { return interrupted(file, step) }
            let outcome = await run(step, in: file, progress: &progress)
            if Task.isCancelled { return interrupted(file, step) }
            switch outcome {
            case .exit(let code): return code
            case .proceed(0): continue
            case .proceed(let code):
                if runner.variables["ON_ERROR"] == "continue" {
                    progress.firstFailure = progress.firstFailure ?? code
                } else {
                    return code
                }
            }
        }
        return nil
    }

    private func run(_ step: ScriptStep, in file: ScriptFile, progress: inout Progress) async -> ShellOutcome {
        let words: [String]
        do {
            words = try runner.expand(step.line)
        } catch {
            runner.streams.stderr.write(
                file.diagnostic(line: step.line.line, column: error.column, message: error.message))
            return failed(KestractlExitCode.usage.rawValue, message: error.message)
        }
        var arguments = words
        if arguments.first == "kestractl" { arguments.removeFirst() }
        guard let first = arguments.first else { return .proceed(0) }
        let column = step.line.words[0].column
        if first == "source" { return await source(arguments, step: step, in: file, progress: &progress) }
        var mask = runner.credentialMask
        mask.add(arguments: arguments)
        if runner.variables["ECHO"] == "on" {
            let shown = mask.arguments(arguments).map(Self.quoted).joined(separator: " ")
            runner.streams.stderr.write("+ \(file.name):\(step.line.line): \(shown)\n")
        }
        let (context, namespace) = report == nil ? (nil, nil) : runner.effectiveContext()
        let started = ContinuousClock.now
        _ = runner.session.produced.take()
        let outcome = await execute(arguments, first: first, step: step, in: file, column: column)
        // LAST_ID keeps the last id any command produced (a later `echo` does not clear it).
        let produced = runner.session.produced.take()
        if let produced { runner.setReadOnly("LAST_ID", produced) }
        if let report {
            let code: Int32
            switch outcome {
            case .exit(let value), .proceed(let value): code = value
            }
            let failed: Bool
            if case .proceed(let value) = outcome { failed = value != 0 } else { failed = false }
            let tried = first == "try" && runner.variables["LAST_EXIT"] != "0"
            let error = runner.variables["LAST_EXIT"] != "0" ? runner.builtIn("LAST_ERROR") : nil
            report.record(
                ScriptReport.Entry(
                    file: file.name, line: step.line.line, argv: mask.arguments(arguments), context: context,
                    namespace: namespace, status: failed || tried ? "error" : "ok",
                    exit: tried ? Int32(runner.variables["LAST_EXIT"] ?? "0") ?? 0 : code,
                    durationMs: ScriptReport.milliseconds(ContinuousClock.now - started),
                    id: produced, error: error.map(mask.text)))
        }
        return outcome
    }

    private func execute(_ arguments: [String], first: String, step: ScriptStep, in file: ScriptFile, column: Int)
        async -> ShellOutcome
    {
        switch first {
        case "try":
            guard arguments.count > 1 else { return usage(file, step, column, "usage: try COMMAND…") }
            let outcome = await command(Array(arguments.dropFirst()))
            if case .exit = outcome { return outcome }
            return .proceed(0)
        case "assert":
            return assert(Array(arguments.dropFirst()), file: file, step: step, column: column)
        default:
            return await command(arguments)
        }
    }

    private func source(_ arguments: [String], step: ScriptStep, in file: ScriptFile, progress: inout Progress)
        async -> ShellOutcome
    {
        let included: ScriptFile
        if let parsed = step.included {
            included = parsed
        } else {
            do {
                included = try ScriptParser.include(
                    arguments[1], from: file, at: step.line.words[0], line: step.line.line, active: activeChain(file))
            } catch {
                runner.streams.stderr.write(error.diagnostic)
                return failed(KestractlExitCode.usage.rawValue, message: "cannot source '\(arguments[1])'")
            }
        }
        if let code = await run(included, progress: &progress) { return .exit(code) }
        return .proceed(0)
    }

    /// A word as it would be typed: single-quoted when it is empty or holds blanks or quotes.
    static func quoted(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { " \t\n'\"\\$#".contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func command(_ words: [String]) async -> ShellOutcome {
        _ = errors?.take()
        let outcome = await runner.run(words: words)
        if case .proceed(let code) = outcome {
            let message = errors?.take()
            runner.setReadOnly("LAST_ERROR", code == 0 ? "" : message ?? "exit code \(code)")
        }
        return outcome
    }

    private func assert(_ words: [String], file: ScriptFile, step: ScriptStep, column: Int) -> ShellOutcome {
        let holds: Bool
        let described: String
        let message: String?
        let isOperator = words.count >= 3 && (words[1] == "==" || words[1] == "!=")
        if isOperator && words.count <= 4 {
            holds = (words[0] == words[2]) == (words[1] == "==")
            described = "'\(words[0])' \(words[1]) '\(words[2])' is false"
            message = words.count == 4 ? words[3] : nil
        } else if !isOperator && (1...2).contains(words.count) {
            holds = !words[0].isEmpty
            described = "the value is empty"
            message = words.count == 2 ? words[1] : nil
        } else {
            return usage(file, step, column, "usage: assert A == B | assert A != B | assert A [\"message\"]")
        }
        if holds { return runner.record(0) }
        let text = "assertion failed: " + (message.map { "\($0) (\(described))" } ?? described)
        runner.streams.stderr.write(file.diagnostic(line: step.line.line, column: column, message: text))
        return failed(KestractlExitCode.assertion.rawValue, message: text)
    }

    private func usage(_ file: ScriptFile, _ step: ScriptStep, _ column: Int, _ message: String) -> ShellOutcome {
        runner.streams.stderr.write(file.diagnostic(line: step.line.line, column: column, message: message))
        return failed(KestractlExitCode.usage.rawValue, message: message)
    }

    private func failed(_ code: Int32, message: String) -> ShellOutcome {
        runner.setReadOnly("LAST_ERROR", message)
        return runner.record(code)
    }

    private func interrupted(_ file: ScriptFile, _ step: ScriptStep) -> Int32 {
        runner.streams.stderr.write(
            file.diagnostic(line: step.line.line, column: step.line.words[0].column, message: "interrupted"))
        return KestractlExitCode.interrupted.rawValue
    }

    private func activeChain(_ file: ScriptFile) -> [String] {
        // The files being run: this one and those that include it (their paths are the chain's names).
        let names = file.includedFrom.map { location in
            String(location.split(separator: ":").dropLast(2).joined(separator: ":"))
        }
        return (names + [file.name]).map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
    }
}
