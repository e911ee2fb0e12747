import ArgumentParser

/// `kestractl version`: `kestractl X.Y.Z`, then the commit, build date, target and Swift version.
public struct VersionCommand: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the kestractl version, commit, build date, target and Swift version.",
        discussion: """
            The version comes from the git tag the binary was built from: 0.2.0 on a tag,
            0.2.0-5-gabc1234 five commits after it (-dirty with uncommitted changes), dev for a
            build outside git.

            Examples:
              kestractl version
              kestractl --version
              kestractl version -o json
            """
    )

    /// Global options (only `-o` is used: no network).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the build on stdout: text, or one JSON/YAML document with `-o json|yaml`.
    public func run(_ context: CommandContext) async throws {
        let build = BuildInfo.current
        // A broken config file must not hide the version: only an explicit -o is required to work.
        let format = globals.output ?? (try? context.settings().output) ?? .table
        guard format != .table else {
            context.streams.stdout.write(build.text + "\n")
            return
        }
        try OutputPrinter(format: format, output: context.streams.stdout).printDetails(build, rows: [])
    }
}
