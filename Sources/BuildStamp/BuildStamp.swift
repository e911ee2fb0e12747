/// What this binary was built from, stamped at build time by the `BuildStampPlugin` (the values
/// come from a file generated into the build directory, never committed).
public enum BuildStamp {
    /// `0.2.0` on a release tag, `0.2.0-5-gabc1234[-dirty]` between tags, `0.0.0-COUNT-gHASH` before
    /// the first tag, `dev` outside git.
    public static var version: String { stampedVersion }

    /// The full commit id; nil outside git.
    public static var commit: String? { stampedCommit }

    /// ISO 8601 UTC.
    public static var buildDate: String { stampedBuildDate }

    /// The compiler's version, e.g. `6.3.1`.
    public static var swiftVersion: String { stampedSwiftVersion }

    /// The platform the binary was compiled for, e.g. `x86_64-unknown-linux-gnu`.
    public static var target: String { "\(architecture)-\(system)" }

    private static var architecture: String {
        #if arch(x86_64)
            "x86_64"
        #elseif arch(arm64) && canImport(Darwin)
            "arm64"
        #elseif arch(arm64)
            "aarch64"
        #else
            "unknown"
        #endif
    }

    private static var system: String {
        #if canImport(Darwin)
            "apple-macosx"
        #elseif canImport(Musl)
            "swift-linux-musl"
        #elseif os(Linux)
            "unknown-linux-gnu"
        #elseif os(Windows)
            "unknown-windows-msvc"
        #else
            "unknown"
        #endif
    }
}
