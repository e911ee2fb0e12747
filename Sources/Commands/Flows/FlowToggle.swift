import ArgumentParser
import Client

/// `NS ID...` (or `-n NS ID...`) and the by-ids request shared by `flows enable` and `flows disable`.
public struct FlowToggle: ParsableArguments, Sendable, NamespacedArguments {
    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    /// Flow ids.
    @Argument(help: "Flow ids.") public var ids: [String] = []
    /// `-n NS`: then every argument is a flow id.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace] + ids }
    /// The arguments after the namespace.
    public static let requiredArguments = ["ID"]
    /// More may follow.
    public static let optionalArguments = Int.max - 1

    /// Creates the arguments.
    public init() {}

    /// Sends the by-ids request and reports how many flows changed.
    func run(_ context: CommandContext, disable: Bool) async throws {
        let (namespace, ids) = try namespaceAndArguments()
        let references = ids.map { FlowReference(namespace: namespace, id: $0) }
        let client = try context.client()
        let changed = disable ? try await client.flows.disable(references) : try await client.flows.enable(references)
        let verb = disable ? "disabled" : "enabled"
        let unchanged = references.count - changed
        var text = "\(changed) flow\(changed == 1 ? "" : "s") \(verb)"
        if unchanged > 0 { text += ", \(unchanged) already \(verb)" }
        try context.printer().printStatus(
            text + ".",
            [
                "namespace": .text(namespace), "status": .text(verb), "changed": .count(changed),
                "unchanged": .count(unchanged),
            ])
    }
}
