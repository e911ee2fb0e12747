import Foundation

/// A `kestra-emulator` child process, for end-to-end tests of the built binaries.
public final class EmulatorProcess: Sendable {
    /// The URL the emulator printed as its first line.
    public let url: String
    private let process: Process

    private init(url: String, process: Process) {
        self.url = url
        self.process = process
    }

    /// Starts `kestra-emulator --port 0 ARGUMENTS…` and waits for its URL line.
    public static func start(_ arguments: [String] = []) async throws -> EmulatorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.path(of: "kestra-emulator"))
        var allArguments = ["--port", "0", "--basic-auth", "\(EmulatorFixture.username):\(EmulatorFixture.password)"]
        if let record = ContractRecording.path { allArguments += ["--record", record] }
        allArguments += arguments
        process.arguments = allArguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try ChildProcessLaunch.run(process)
        let firstLine = await Blocking.run { () -> String in
            var bytes: [UInt8] = []
            while let byte = try? output.fileHandleForReading.read(upToCount: 1), let first = byte.first {
                if first == UInt8(ascii: "\n") { break }
                bytes.append(first)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard firstLine.hasPrefix("http") else {
            process.terminate()
            throw EmulatorProcessError.noURL(firstLine)
        }
        return EmulatorProcess(url: firstLine, process: process)
    }

    /// Sends SIGTERM and waits for the process to exit; returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        if process.isRunning { process.terminate() }
        let process = self.process
        await Blocking.run { process.waitUntilExit() }
        return process.terminationStatus
    }
}

/// Why an emulator child process could not be used.
public enum EmulatorProcessError: Error {
    /// The first line of output was not a URL.
    case noURL(String)
}
