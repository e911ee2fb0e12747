/// The version of this build of kestractl.
public enum BuildInfo {
    /// Semantic version of kestractl.
    public static let version = "0.1.0"

    /// The line `version` and `--version` print.
    public static var versionLine: String { "kestractl \(version)" }
}
