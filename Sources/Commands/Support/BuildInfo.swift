import BuildStamp

/// What this build of kestractl is, as `version` and `--version` print it.
public struct BuildInfo: Encodable, Equatable, Sendable {
    /// See `BuildStamp.version`.
    public let version: String
    /// The full commit id; nil for a build outside git.
    public let commit: String?
    /// ISO 8601 UTC.
    public let buildDate: String
    /// e.g. `x86_64-unknown-linux-gnu`.
    public let target: String
    /// e.g. `6.3.1`.
    public let swiftVersion: String

    /// This binary's stamp.
    public static let current = BuildInfo(
        version: BuildStamp.version, commit: BuildStamp.commit, buildDate: BuildStamp.buildDate,
        target: BuildStamp.target, swiftVersion: BuildStamp.swiftVersion)

    /// The table-mode text: `kestractl X.Y.Z` first, then one `key: value` line per known field.
    public var text: String {
        var lines = ["kestractl \(version)"]
        if let commit { lines.append("commit: \(commit)") }
        lines += ["built: \(buildDate)", "target: \(target)", "swift: \(swiftVersion)"]
        return lines.joined(separator: "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case version, commit, buildDate, target, swiftVersion
    }

    /// Every key, `commit` as null when unknown, so the document's shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(commit, forKey: .commit)
        try container.encode(buildDate, forKey: .buildDate)
        try container.encode(target, forKey: .target)
        try container.encode(swiftVersion, forKey: .swiftVersion)
    }
}
