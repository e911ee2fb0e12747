import Foundation
import PackagePlugin

/// Stamps the version, commit, build date and Swift version into the `BuildStamp` target.
///
/// The command runs `scripts/build-stamp.sh` on every build (plain `swift build` and `swift test`
/// included): the answer depends on the git state, which no source file declares. Its one input is
/// a file the script touches on each run, so the next build finds it changed and runs it again
/// (SwiftPM runs prebuild commands only when it re-plans the build). The script rewrites the
/// generated file only when the stamp changes, so an unchanged tree recompiles nothing. The file
/// lives in the plugin's work directory, never in the tree.
@main
struct BuildStampPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let work = context.pluginWorkDirectoryURL
        let output = work.appending(path: "generated/Stamp.swift")
        let trigger = work.appending(path: "ran")
        if !FileManager.default.fileExists(atPath: trigger.path(percentEncoded: false)) {
            try Data().write(to: trigger)
        }
        let package = context.package.directoryURL
        return [
            .buildCommand(
                displayName: "Stamping the build from git",
                executable: try Self.shell(),
                arguments: [
                    package.appending(path: "scripts/build-stamp.sh").path(percentEncoded: false),
                    "--swift-file", output.path(percentEncoded: false),
                    "--touch", trigger.path(percentEncoded: false),
                    "--swiftc", try context.tool(named: "swiftc").url.path(percentEncoded: false),
                    package.path(percentEncoded: false),
                ],
                environment: Self.passedEnvironment(),
                inputFiles: [trigger],
                outputFiles: [output]
            )
        ]
    }

    /// `/bin/sh`, or on Windows the `sh.exe` of Git for Windows found on `PATH`.
    private static func shell() throws -> URL {
        #if os(Windows)
            let environment = ProcessInfo.processInfo.environment
            for directory in (environment["Path"] ?? environment["PATH"] ?? "").split(separator: ";") {
                let candidate = URL(filePath: String(directory)).appending(path: "sh.exe")
                if FileManager.default.isExecutableFile(atPath: candidate.path(percentEncoded: false)) {
                    return candidate
                }
            }
            throw BuildStampFailure(message: "stamping the build needs sh.exe (Git for Windows) on PATH")
        #else
            return URL(filePath: "/bin/sh")
        #endif
    }

    /// What the script reads from the environment: where git is, and the release build's fixed date.
    private static func passedEnvironment() -> [String: String] {
        ProcessInfo.processInfo.environment.filter { ["PATH", "Path", "HOME", "SOURCE_DATE_EPOCH"].contains($0.key) }
    }
}
