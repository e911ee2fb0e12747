/// Where a resolved setting came from, shown by `config view`.
public enum SettingSource: String, Sendable, Equatable, Codable {
    /// A command-line flag.
    case flag
    /// A `KESTRACTL_*` (or `NO_COLOR`) environment variable.
    case environment
    /// The selected context of the config file.
    case context
    /// The built-in default.
    case `default`
}
