import ArgumentParser

/// What a failing command does to a script: `--on-error` and the `ON_ERROR` setting.
public enum OnErrorMode: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// The first failure ends the script with its exit code (the default).
    case stop
    /// The script runs on and exits with the first failure's code.
    case `continue`
}
