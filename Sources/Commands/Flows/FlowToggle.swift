import ArgumentParser
import Client

/// `NS ID...` and the by-ids request shared by `flows enable` and `flows disable`.
public struct FlowToggle: ParsableArguments, Sendable {
    /// Namespace.
    @Argument(help: "Namespace.") public var namespace: String
    /// Flow ids.
    @Argument(help: "Flow ids.") public var ids: [String]

    /// Creates the arguments.
    public init() {}

    /// Requires at least one id.
    public mutating func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one flow id after the namespace") }
    }

    /// Sends the by-ids request and reports how many flows changed.
    func run(_ context: CommandContext, disable: Bool) async throws {
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
