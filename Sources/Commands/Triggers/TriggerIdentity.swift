import ArgumentParser

/// `NS FLOW TRIGGER` (or `-n NS FLOW TRIGGER`), the arguments of `triggers enable`, `disable`,
/// `unlock` and `restart`.
public struct TriggerIdentity: ParsableArguments, Sendable, NamespacedArguments {
    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Flow id.
    @Argument(help: "Flow id.") public var flow: String?
    /// Trigger id.
    @Argument(help: "Trigger id.") public var trigger: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, flow, trigger] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["FLOW", "TRIGGER"]

    /// Creates the arguments.
    public init() {}

    /// The namespace, flow and trigger, whichever way the namespace was given.
    func resolve() throws -> (namespace: String, flow: String, trigger: String) {
        let (namespace, rest) = try namespaceAndArguments()
        return (namespace, rest[0], rest[1])
    }
}
