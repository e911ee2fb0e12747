import Foundation

/// A flow with all its revisions; soft-deleted flows stay with `deleted` set.
struct FlowRecord: Sendable {
    /// One stored revision: the verbatim source and its parsed form.
    struct Revision: Sendable {
        var revision: Int
        var source: String
        var definition: FlowDefinition
        var updated: Date
    }

    var revisions: [Revision]
    var deleted = false

    var latest: Revision { revisions[revisions.count - 1] }
    var namespace: String { latest.definition.namespace }
    var id: String { latest.definition.id }

    /// The revision with a number, or the latest.
    func revision(_ number: Int?) -> Revision? {
        guard let number else { return latest }
        return revisions.first { $0.revision == number }
    }

    /// Kestra's `Flow`/`FlowWithSource` JSON for a revision (1.x flows have no `draft` and no `updated`).
    static func json(_ revision: Revision, deleted: Bool, includeSource: Bool, generation: APIGeneration)
        -> JSONValue
    {
        let definition = revision.definition
        var members: [(String, JSONValue)] = [
            ("id", .string(definition.id)),
            ("namespace", .string(definition.namespace)),
            ("revision", .int(revision.revision)),
            ("tenantId", .string("main")),
        ]
        let skipped: Set<String> = ["id", "namespace", "revision", "tenantId", "disabled", "deleted", "variables"]
        for (key, value) in definition.json.objectMembers ?? [] where !skipped.contains(key) {
            switch key {
            case "labels":
                members.append(("labels", labelsJSON(definition.labels)))
            case "inputs":
                members.append(("inputs", .array((value.arrayValue ?? []).map(inputJSON))))
            case "concurrency" where value["behavior"] == nil:
                // Kestra fills the default behavior in: the schema requires it.
                members.append(("concurrency", value.setting("behavior", .string("QUEUE"))))
            default:
                members.append((key, value))
            }
        }
        members.append(("disabled", .bool(definition.disabled)))
        members.append(("deleted", .bool(deleted)))
        if generation == .v2 {
            members.append(("draft", .bool(false)))
            members.append(("updated", .string(Timestamp.format(revision.updated))))
        }
        if includeSource {
            members.append(("source", .string(revision.source)))
        }
        return .object(members)
    }

    /// Labels as Kestra sends them, whatever form the YAML used: an array of `{key, value}`.
    static func labelsJSON(_ labels: [(String, String)]) -> JSONValue {
        .array(labels.map { .object([("key", .string($0.0)), ("value", .string($0.1))]) })
    }

    /// An input definition with `defaults`/`prefill` as Kestra serializes a `Property`: the expression text, with
    /// maps and lists as their compact JSON text.
    private static func inputJSON(_ input: JSONValue) -> JSONValue {
        var result = input
        for key in ["defaults", "prefill"] {
            switch input[key] {
            case nil: continue
            case .null?: result = result.removing(key)
            case let value?: result = result.setting(key, .string(value.stringValue ?? value.serialized))
            }
        }
        return result
    }
}
