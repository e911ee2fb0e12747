import Commands
import Foundation

/// Runs parsed scripts top to bottom in one session (docs/scripts.md, "Running scripts"): with
/// `ON_ERROR=stop` the first failure stops the script, and every script including it, with its
/// code; with `continue` the script runs on and ends with the first failure's code. The lines a
/// stop leaves unrun are `skipped` in `--report`.
struct ScriptRunner: Sendable {
    /// Runs each line.
    let interpreter: ShellInterpreter

    private var session: ShellSession { interpreter.session }

    /// Runs the files in order (`-f`, then `-c` lines or stdin), writes the report's summary and
    /// returns the exit code.
    func run(_ files: [ScriptFile]) async -> Int32 {
        var firstFailure: Int32?
        var code: Int32?
        for (index, file) in files.enumerated() where code == nil {
            switch await run(file) {
            case .proceed(let result):
                if result != 0 { firstFailure = firstFailure ?? result }
            case .stop(let result), .exit(let result):
                for rest in files[(index + 1)...] { skip(rest.steps[...], in: rest) }
                code = result
            case .interrupted:
                for rest in files[(index + 1)...] { skip(rest.steps[...], in: rest) }
                code = KestractlExitCode.interrupted.rawValue
            }
        }
        let result = code ?? firstFailure ?? 0
        interpreter.report?.finish(exit: result)
        return result
    }

    /// Runs one file; `SCRIPT_DIR` and `SCRIPT_FILE` name it while it runs.
    func run(_ file: ScriptFile) async -> ShellInterpreter.LineResult {
        let directory = URL(fileURLWithPath: file.directory).standardizedFileURL.path
        let including = session.update { state in
            defer { state.script = (directory, file.name) }
            return state.script
        }
        defer { session.update { $0.script = including } }
        var firstFailure: Int32?
        for (index, step) in file.steps.enumerated() {
            if Task.isCancelled { return interrupted(file, at: index, reported: false) }
            let result = await interpreter.execute(step, in: file)
            // A command cancelled by Ctrl-C has reported `interrupted` (exit 130) itself.
            if Task.isCancelled {
                return interrupted(file, at: index, reported: result == .proceed(130) || result == .interrupted)
            }
            switch result {
            case .proceed(0):
                continue
            case .proceed(let code) where session.settings.onError == .continue:
                firstFailure = firstFailure ?? code
            case .proceed(let code):
                skip(file.steps[(index + 1)...], in: file)
                return .stop(code)
            case .stop, .exit, .interrupted:
                skip(file.steps[(index + 1)...], in: file)
                return result
            }
        }
        return .proceed(firstFailure ?? 0)
    }

    private func interrupted(_ file: ScriptFile, at index: Int, reported: Bool) -> ShellInterpreter.LineResult {
        let line = file.steps[index].line
        if !reported {
            session.streams.stderr.write(
                file.diagnostic(line: line.line, column: line.words[0].column, message: "interrupted"))
        }
        skip(file.steps[(index + 1)...], in: file)
        return .interrupted
    }

    /// Reports lines that will never run as `skipped`, those of the scripts they include too.
    private func skip(_ steps: ArraySlice<ScriptStep>, in file: ScriptFile) {
        guard let report = interpreter.report else { return }
        let mask = session.credentialMask
        for step in steps {
            if let included = step.included {
                skip(included.steps[...], in: included)
            } else {
                report.skip(
                    file: file.name, line: step.line.line, argv: mask.arguments(step.line.words.map(\.sourceText)))
            }
        }
    }
}
