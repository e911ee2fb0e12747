import Emulator
import Foundation
import TestSupport

/// A temporary directory of flow files plus the environment that points kestractl at an emulator.
struct FlowTestWorkspace {
    let directory: String
    let environment: [String: String]

    init(emulator: KestraEmulator) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-flows-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = [
            "HOME": directory + "/home", "KESTRACTL_HOST": emulator.url, "KESTRACTL_USERNAME": EmulatorFixture.username,
            "KESTRACTL_PASSWORD": EmulatorFixture.password,
        ]
    }

    /// Writes `text` at `relative` (directories created) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let path = directory + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Runs kestractl in the workspace's environment.
    func run(_ arguments: [String], stdin: String = "") async -> CommandRun {
        await CommandRun.run(arguments, environment: environment, stdin: stdin)
    }

    /// A minimal valid flow.
    static func flow(_ id: String, _ namespace: String, message: String = "hi") -> String {
        "id: \(id)\nnamespace: \(namespace)\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \(message)\n"
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a fresh emulator of `generation` and a workspace pointing at it, cleaning both up afterwards.
    static func with(
        api generation: APIGeneration = .v2, _ body: (FlowTestWorkspace, KestraEmulator) async throws -> Void
    ) async throws {
        try await EmulatorFixture.with(api: generation) { emulator in
            let workspace = try FlowTestWorkspace(emulator: emulator)
            defer { workspace.remove() }
            try await body(workspace, emulator)
        }
    }
}
