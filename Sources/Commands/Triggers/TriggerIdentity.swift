import ArgumentParser

/// `NS FLOW TRIGGER` (or `-n NS FLOW TRIGGER`), the arguments of `triggers enable`, `disable`,
/// `unlock` and `restart`.
public struct TriggerIdentity: ParsableArguments, Sendable {
    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Flow id.
    @Argument(help: "Flow id.") public var flow: String?
    /// Trigger id.
    @Argument(help: "Trigger id.") public var trigger: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption

    /// Creates the arguments.
    public init() {}

    /// The namespace, flow and trigger, whichever way the namespace was given.
    func resolve() throws -> (namespace: String, flow: String, trigger: String) {
        let (namespace, rest) = try namespaceOption.split([namespace, flow, trigger], required: ["FLOW", "TRIGGER"])
        return (namespace, rest[0], rest[1])
    }
}
