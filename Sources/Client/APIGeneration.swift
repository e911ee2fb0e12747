/// The Kestra API generation a server speaks; it decides routes and a few payload shapes.
public enum APIGeneration: Int, Sendable, Equatable {
    /// Kestra 1.0 … 1.3.
    case v1 = 1
    /// Kestra 2.x.
    case v2 = 2

    /// The generation for a server version string such as `1.3.5` or `2.0.0-SNAPSHOT`; unknown versions map to v2.
    public init(serverVersion: String) {
        self = APIGeneration(knownVersion: serverVersion) ?? .v2
    }

    /// The generation a version's major number names; nil when the text has no number first (`develop`, empty).
    public init?(knownVersion version: String) {
        guard let major = version.split(separator: ".").first.flatMap({ Int($0) }) else { return nil }
        self = major < 2 ? .v1 : .v2
    }

    /// `1.x` or `2.x`.
    public var name: String { "\(rawValue).x" }
}
