import ArgumentParser

/// `--concurrency N` for commands that work on many items at once (1–64, default 4).
public struct ConcurrencyOption: ParsableArguments, Sendable {
    /// How many items are processed at the same time when not told.
    public static let standard = 4

    /// How many items are processed at the same time.
    @Option(name: .long, help: "Items processed at the same time, 1 to 64 (default 4).") public var concurrency =
        standard

    /// Creates the option.
    public init() {}

    /// Rejects an out-of-range value.
    public mutating func validate() throws {
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 64") }
    }
}
