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

    /// Kestra's `Flow`/`FlowWithSource` JSON for a revision.
    static func json(_ revision: Revision, deleted: Bool, includeSource: Bool) -> JSONValue {
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
                members.append(("labels", .object(definition.labels.map { ($0.0, .string($0.1)) })))
            case "inputs":
                members.append(("inputs", .array((value.arrayValue ?? []).map(inputJSON))))
            case "triggers":
                members.append(("triggers", .array((value.arrayValue ?? []).map(triggerJSON))))
            default:
                members.append((key, value))
            }
        }
        members.append(("disabled", .bool(definition.disabled)))
        members.append(("deleted", .bool(deleted)))
        members.append(("draft", .bool(false)))
        members.append(("updated", .string(Timestamp.format(revision.updated))))
        if includeSource {
            members.append(("source", .string(revision.source)))
        }
        return .object(members)
    }

    /// An input definition with `defaults` rendered as a `Property` object (`{"expression": text}`), the only
    /// form the 2.x schema (`Property_Object_`, an object) accepts for scalar defaults.
    private static func inputJSON(_ input: JSONValue) -> JSONValue {
        guard let defaults = input["defaults"] else { return input }
        switch defaults {
        case .object: return input
        case .null: return input.removing("defaults")
        default:
            return input.setting(
                "defaults", .object([("expression", .string(defaults.stringValue ?? defaults.serialized))]))
        }
    }

    /// A trigger definition with the `when` member the 2.x schema requires.
    static func triggerJSON(_ trigger: JSONValue) -> JSONValue {
        trigger["when"] == nil ? trigger.setting("when", .string("true")) : trigger
    }
}
