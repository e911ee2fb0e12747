import ArgumentParser

/// `kestractl version`: prints `kestractl X.Y.Z`.
public struct VersionCommand: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the kestractl version.",
        discussion: """
            Examples:
              kestractl version
              kestractl --version
            """
    )

    /// Global options (accepted, unused: no network).
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the version line on stdout.
    public func run(_ context: CommandContext) async throws {
        context.streams.stdout.write(BuildInfo.versionLine + "\n")
    }
}
