import Foundation

/// Access to the process environment, read once where a command starts.
public enum ProcessEnvironment {
    /// The current process environment.
    public static var current: [String: String] { ProcessInfo.processInfo.environment }
}
