import Commands

/// The captured result of running one argv through the real dispatcher.
struct CommandRun: Equatable {
    var stdout: String
    var stderr: String
    var exitCode: Int32

    /// Runs `arguments` through `CommandDispatcher` with captured streams and the given environment.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String = "", processExitsNext: Bool = false
    ) async -> CommandRun {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let code = await CommandDispatcher.run(
            arguments: arguments,
            environment: environment,
            streams: OutputStreams(stdout: stdout, stderr: stderr),
            input: StringInput(stdin),
            processExitsNext: processExitsNext
        ).exitCode
        return CommandRun(stdout: stdout.text, stderr: stderr.text, exitCode: code)
    }
}
