import ArgumentParser

/// `NS FLOW TRIGGER`, the arguments of `triggers enable`, `disable` and `unlock`.
public struct TriggerIdentity: ParsableArguments, Sendable {
    /// Namespace.
    @Argument(help: "Namespace.") public var namespace: String
    /// Flow id.
    @Argument(help: "Flow id.") public var flow: String
    /// Trigger id.
    @Argument(help: "Trigger id.") public var trigger: String

    /// Creates the arguments.
    public init() {}
}
