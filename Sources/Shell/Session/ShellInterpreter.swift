import Commands

/// Runs shell lines, typed at the prompt or read from a script, one way: expand the words,
/// parse them (`ShellInvocation`), run the shell word or the command, present a failure (with
/// `file:line:col` in a script), record the outcome in the session and, with `--report`, the
/// report (docs/architecture.md, "The life of one command").
public final class ShellInterpreter: Sendable {
    /// What a line means for the lines after it.
    enum LineResult: Sendable, Equatable {
        /// Go on; the exit code counts toward `ON_ERROR` (0: fine).
        case proceed(Int32)
        /// A sourced script stopped at a failure (`ON_ERROR=stop`): the scripts including it stop too.
        case stop(Int32)
        /// `exit` or `quit`: the whole run, or the interactive session, ends with this code.
        case exit(Int32)
        /// Ctrl-C stopped a script: the run ends with 130; the prompt carries on.
        case interrupted
    }

    /// What running a parsed line led to.
    private struct Performed {
        var result: LineResult
        /// The outcome to present and record; nil for `exit` and `source` (whose lines record themselves).
        var outcome: CommandOutcome?
        /// The word of the line a failure is about (nil: the first).
        var wordIndex: Int?
    }

    /// The session the lines run in.
    public let session: ShellSession
    /// Where `--report` entries go, if asked for.
    let report: ScriptReport?

    /// An interpreter for `session`.
    public init(session: ShellSession, report: ScriptReport? = nil) {
        self.session = session
        self.report = report
    }

    /// Runs one line typed at the prompt.
    public func run(_ line: ShellLine) async -> ShellOutcome {
        switch await execute(ScriptStep(line: line), in: nil) {
        case .proceed(let code), .stop(let code): return .proceed(code)
        case .exit(let code): return .exit(code)
        case .interrupted: return .proceed(KestractlExitCode.interrupted.rawValue)
        }
    }

    /// Runs one line of `file` (nil: the prompt).
    func execute(_ step: ScriptStep, in file: ScriptFile?) async -> LineResult {
        let line = step.line
        var conclusion = Conclusion(
            line: line, file: file, words: line.words.map(\.sourceText), mask: session.credentialMask,
            started: ContinuousClock.now)
        let words: [String]
        let invocation: ShellInvocation
        do {
            words = try ShellExpansion(session).expand(line)
        } catch {
            return conclude(.failed(.usage, error.message), at: (error.line, error.column), conclusion)
        }
        conclusion.mask.add(arguments: words)
        conclusion.words = words
        do {
            invocation = try ShellInvocation.parse(words)
        } catch {
            return conclude(.failed(.usage, error.message, hint: error.hint), at: nil, conclusion)
        }
        if case .source(let path) = invocation { return await source(path, step: step, from: file) }
        if let file, session.settings.echo == .on {
            let shown = conclusion.shownWords.map(Self.quoted).joined(separator: " ")
            session.streams.stderr.write("+ \(file.name):\(line.line): \(shown)\n")
        }
        if report != nil && file != nil { (conclusion.context, conclusion.namespace) = session.effectiveContext() }
        let performed = await perform(invocation, step: step, in: file)
        guard let outcome = performed.outcome else { return performed.result }
        let word = performed.wordIndex.flatMap { line.words.indices.contains($0) ? line.words[$0] : nil }
        return conclude(outcome, at: word.map { ($0.line, $0.column) }, conclusion, result: performed.result)
    }

    /// What concluding a line needs besides its outcome.
    private struct Conclusion {
        var line: ShellLine
        var file: ScriptFile?
        /// The words the line runs with (its source text until expansion succeeded), unmasked.
        var words: [String]
        var mask: CredentialMask
        var started: ContinuousClock.Instant
        var context: String?
        var namespace: String?

        /// The words as `ECHO` and the report show them: masked (computed only for them, as masking
        /// every word of every line is a measurable part of a script's time).
        var shownWords: [String] { mask.arguments(words) }
    }

    /// Presents a failure (at `position`, else the line's first word), records the outcome in the
    /// session (`LAST_*`) and writes the report entry.
    private func conclude(
        _ outcome: CommandOutcome, at position: (line: Int, column: Int)?, _ conclusion: Conclusion,
        result: LineResult? = nil
    ) -> LineResult {
        let first = conclusion.line.words[0]
        let text = present(
            outcome, at: position ?? (first.line, first.column), in: conclusion.file, mask: conclusion.mask)
        session.record(outcome)
        if let report, let file = conclusion.file {
            report.record(
                ScriptReport.Entry(
                    file: file.name, line: conclusion.line.line, argv: conclusion.shownWords,
                    context: conclusion.context,
                    namespace: conclusion.namespace, status: outcome.succeeded ? .ok : .error, exit: outcome.exitCode,
                    durationMs: ScriptReport.milliseconds(ContinuousClock.now - conclusion.started),
                    id: outcome.identifier, error: text.map { String($0.dropLast()) }))
        }
        return result ?? .proceed(outcome.exitCode)
    }

    private func perform(_ invocation: ShellInvocation, step: ScriptStep, in file: ScriptFile?) async -> Performed {
        switch invocation {
        case .empty:
            return Performed(result: .proceed(0))
        case .exit(let code):
            return Performed(result: .exit(code))
        case .source(let path):
            return Performed(result: await source(path, step: step, from: file))
        case .try(let inner, let offset):
            var performed = await perform(inner, step: step, in: file)
            if performed.result == .interrupted { return performed }
            if case .exit = performed.result { return performed }
            performed.result = .proceed(0)
            performed.wordIndex = performed.wordIndex.map { $0 + offset }
            return performed
        case .assert(let assertion):
            if assertion.holds { return Performed(result: .proceed(0), outcome: .success) }
            let text = assertion.message.map { "\($0) (\(assertion.described))" } ?? assertion.described
            return Performed(
                result: .proceed(KestractlExitCode.assertion.rawValue),
                outcome: .failed(.assertion, "assertion failed: " + text))
        case .command(let arguments, let offset):
            let outcome = await SessionDispatcher(session: session).run(arguments)
            return Performed(
                result: .proceed(outcome.exitCode), outcome: outcome,
                wordIndex: outcome.failure?.argumentIndex.map { $0 + offset })
        default:
            let outcome = await ShellBuiltIns(session: session).run(invocation) ?? .success
            return Performed(result: .proceed(outcome.exitCode), outcome: outcome)
        }
    }

    /// Runs another script in this session: a path relative to the including file, or at the
    /// prompt to the working directory.
    private func source(_ path: String, step: ScriptStep, from file: ScriptFile?) async -> LineResult {
        let included: ScriptFile
        do throws(ScriptError) {
            if let parsed = step.included {
                included = parsed
            } else if let file {
                included = try ScriptParser.include(
                    path, from: file, at: step.line.words[0], line: step.line.line, active: file.activeChain)
            } else {
                included = try ScriptParser.parse(file: path)
            }
        } catch {
            session.streams.stderr.write(error.diagnostic)
            session.record(.failed(.usage, error.message))
            return .proceed(KestractlExitCode.usage.rawValue)
        }
        return await ScriptRunner(interpreter: self).run(included)
    }

    /// Prints a failure (`file:line:col: error: …` in a script, `Error: …` at the prompt) and returns the text.
    private func present(
        _ outcome: CommandOutcome, at position: (line: Int, column: Int), in file: ScriptFile?, mask: CredentialMask
    ) -> String? {
        guard let failure = outcome.failure else { return nil }
        let text = mask.text(
            file?.diagnostic(line: position.line, column: position.column, message: failure.message, hint: failure.hint)
                ?? failure.text)
        session.streams.stderr.write(text)
        return text
    }

    /// A word as it would be typed: single-quoted when it is empty or holds blanks or quotes.
    static func quoted(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { " \t\n'\"\\$#".contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
