import Commands

/// Runs lines without a terminal (piped stdin, `-c`): no line editor, no prompt, no escape
/// codes. Lines run in order; the first failing command stops the input and its exit code is
/// the result (`exit N` ends with N). Full script semantics arrive with `shell -f`.
public struct ShellScriptRunner: Sendable {
    /// The session the lines run in.
    public let runner: ShellWordRunner
    /// The name diagnostics use for the input (`stdin`, `-c`).
    public let name: String

    /// Creates a script runner.
    public init(runner: ShellWordRunner, name: String) {
        self.runner = runner
        self.name = name
    }

    /// Runs the lines `next` yields (nil at end of input) and returns the exit code.
    public func run(reading next: () -> String?) async -> Int32 {
        var pending = ""
        var firstLine = 1
        var lineNumber = 0
        while let text = next() {
            lineNumber += 1
            if pending.isEmpty { firstLine = lineNumber }
            pending += pending.isEmpty ? text : "\n" + text
            let lines: [ShellLine]
            do {
                lines = try ShellTokenizer.lines(pending)
            } catch {
                if error.isIncomplete { continue }
                return syntaxError(error, offset: firstLine)
            }
            pending = ""
            for line in lines {
                if Task.isCancelled { return KestractlExitCode.interrupted.rawValue }
                switch await runner.run(line) {
                case .exit(let code): return code
                case .proceed(let code) where code != 0: return code
                case .proceed: continue
                }
            }
        }
        if !pending.isEmpty {
            runner.streams.stderr.write(
                "\(name):\(firstLine):1: error: unexpected end of input (open quote or trailing \\)\n")
            return KestractlExitCode.usage.rawValue
        }
        return 0
    }

    /// Runs a whole text.
    public func run(text: String) async -> Int32 {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        if text.hasSuffix("\n") { lines = lines.dropLast() }
        return await run { lines.popFirst() }
    }

    private func syntaxError(_ error: ShellSyntaxError, offset: Int) -> Int32 {
        runner.streams.stderr.write("\(name):\(error.line + offset - 1):\(error.column): error: \(error.message)\n")
        return KestractlExitCode.usage.rawValue
    }
}
