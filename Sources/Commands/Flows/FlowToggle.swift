import ArgumentParser
import Client

/// Enabling and disabling flows by id (shared by `flows enable` and `flows disable`).
enum FlowToggle {
    /// Sends the by-ids request and reports how many flows changed.
    static func run(_ context: CommandContext, namespace: String, ids: [String], disable: Bool) async throws {
        let references = ids.map { FlowReference(namespace: namespace, id: $0) }
        let client = try context.client()
        let changed = disable ? try await client.flows.disable(references) : try await client.flows.enable(references)
        let verb = disable ? "disabled" : "enabled"
        let unchanged = references.count - changed
        var text = "\(changed) flow\(changed == 1 ? "" : "s") \(verb)"
        if unchanged > 0 { text += ", \(unchanged) already \(verb)" }
        context.streams.stdout.write(text + ".\n")
    }
}
