import Foundation

/// Runs a built executable of this package as a child process and captures what it did.
public struct ChildProcess: Sendable {
    /// What a finished child process produced.
    public struct Outcome: Sendable, Equatable {
        /// Everything written to stdout.
        public var stdout: String
        /// Everything written to stderr.
        public var stderr: String
        /// The exit status (or 128 + signal).
        public var exitCode: Int32
    }

    /// The directory holding the package's built executables (next to the test bundle).
    public static var binDirectory: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent()
    }

    /// The path of a built product, e.g. `kestractl`.
    public static func path(of product: String) -> String {
        binDirectory.appendingPathComponent(product).path
    }

    /// Runs `product` with `arguments`, an environment (replacing the inherited one) and optional stdin;
    /// `launcher` runs the product through another command, e.g. `setpriv --reuid=nobody …`.
    public static func run(
        _ product: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        stdin: String? = nil,
        launcher: [String] = []
    ) async throws -> Outcome {
        let process = Process()
        if let executable = launcher.first {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = launcher.dropFirst() + [path(of: product)] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path(of: product))
            process.arguments = arguments
        }
        var childEnvironment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        childEnvironment.merge(environment) { $1 }
        process.environment = childEnvironment
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try ChildProcessLaunch.run(process)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        async let stdoutData = Blocking.run { output.fileHandleForReading.readDataToEndOfFile() }
        async let stderrData = Blocking.run { errors.fileHandleForReading.readDataToEndOfFile() }
        let (stdout, stderr) = await (stdoutData, stderrData)
        await Blocking.run { process.waitUntilExit() }
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            exitCode: status
        )
    }
}
