import Foundation
import Yams

/// A parsed and validated flow source: its identity, its JSON form and the parts the emulator acts on.
struct FlowDefinition: Sendable {
    var id: String
    var namespace: String
    /// The whole YAML document as JSON (member order kept).
    var json: JSONValue
    var tasks: [JSONValue]
    var inputs: [JSONValue]
    var triggers: [JSONValue]
    var disabled: Bool

    private static let knownProperties: Set<String> = [
        "id", "namespace", "revision", "description", "inputs", "outputs", "labels", "variables", "tasks", "errors",
        "finally", "afterExecution", "triggers", "concurrency", "retry", "sla", "checks", "disabled", "deleted",
        "pluginDefaults", "taskDefaults", "listeners", "workerSelector", "tenantId", "draft", "updated",
    ]

    /// Parses one YAML document and validates it like Kestra's flow validator (the subset that matters to a CLI).
    static func parse(_ source: String) throws(FlowParseFailure) -> FlowDefinition {
        let node: Node?
        do {
            node = try Yams.compose(yaml: source)
        } catch {
            throw FlowParseFailure(violations: [FlowViolation(path: nil, message: "Invalid YAML: \(error)")])
        }
        guard let node, case .mapping = node else {
            throw FlowParseFailure(violations: [
                FlowViolation(path: nil, message: "Invalid YAML: the flow must be a mapping")
            ])
        }
        let json = JSONValue(yaml: node)
        var violations: [FlowViolation] = []
        for (key, _) in json.objectMembers ?? [] where !knownProperties.contains(key) {
            violations.append(
                FlowViolation(
                    path: nil,
                    message:
                        "Unrecognized field \"\(key)\" (class io.kestra.core.models.flows.Flow), not marked as ignorable"
                ))
        }
        let id = json["id"]?.stringValue
        let namespace = json["namespace"]?.stringValue
        if let id {
            if id.range(of: "^[a-zA-Z0-9][a-zA-Z0-9._-]*$", options: .regularExpression) == nil {
                violations.append(FlowViolation(path: "id", message: "must match \"^[a-zA-Z0-9][a-zA-Z0-9._-]*\""))
            } else if id.count > 100 {
                violations.append(FlowViolation(path: "id", message: "size must be between 1 and 100"))
            }
        } else {
            violations.append(FlowViolation(path: "id", message: "must not be null"))
        }
        if let namespace {
            if namespace.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) == nil {
                violations.append(FlowViolation(path: "namespace", message: "must match \"^[a-z0-9][a-z0-9._-]*\""))
            } else if namespace.count > 150 {
                violations.append(FlowViolation(path: "namespace", message: "size must be between 1 and 150"))
            }
        } else {
            violations.append(FlowViolation(path: "namespace", message: "must not be null"))
        }
        let tasks = json["tasks"]?.arrayValue ?? []
        if tasks.isEmpty {
            violations.append(FlowViolation(path: "tasks", message: "must not be empty"))
        }
        for section in ["tasks", "errors", "finally", "afterExecution", "triggers"] {
            for (index, item) in (json[section]?.arrayValue ?? []).enumerated() {
                violations += itemViolations(
                    item, path: "\(section)[\(index)]",
                    namedPath: "\(section)[\(item["id"]?.stringValue ?? String(index))]")
            }
        }
        for (index, input) in (json["inputs"]?.arrayValue ?? []).enumerated() {
            if input["id"]?.stringValue == nil {
                violations.append(FlowViolation(path: "inputs[\(index)].id", message: "must not be null"))
            }
            if input["type"]?.stringValue == nil {
                violations.append(FlowViolation(path: "inputs[\(index)].type", message: "must not be null"))
            }
        }
        guard violations.isEmpty, let id, let namespace else {
            throw FlowParseFailure(violations: violations)
        }
        return FlowDefinition(
            id: id, namespace: namespace, json: json, tasks: tasks, inputs: json["inputs"]?.arrayValue ?? [],
            triggers: json["triggers"]?.arrayValue ?? [], disabled: json["disabled"]?.boolValue ?? false)
    }

    /// Violations of one task or trigger: its id and type, the required properties of its type, its nested tasks.
    private static func itemViolations(_ item: JSONValue, path: String, namedPath: String) -> [FlowViolation] {
        var violations: [FlowViolation] = []
        if item["id"]?.stringValue == nil {
            violations.append(
                FlowViolation(path: "\(path).id", message: "must not be null", namedPath: "\(namedPath).id"))
        }
        if let type = item["type"]?.stringValue {
            if !PluginCatalog.isKnown(type) {
                violations.append(FlowViolation(path: nil, message: "Invalid type: \(type)", isInvalidType: true))
            }
            for (property, requirement) in PluginCatalog.requiredProperties(of: type)
            where !requirement.isSatisfied(by: item[property]) {
                violations.append(
                    FlowViolation(
                        path: "\(path).\(property)", message: requirement.message,
                        namedPath: "\(namedPath).\(property)"))
            }
        } else {
            violations.append(
                FlowViolation(path: "\(path).type", message: "must not be null", namedPath: "\(namedPath).type"))
        }
        for nested in ["tasks", "then", "else", "errors"] {
            for (index, child) in (item[nested]?.arrayValue ?? []).enumerated() {
                violations += itemViolations(
                    child, path: "\(path).\(nested)[\(index)]",
                    namedPath: "\(namedPath).\(nested)[\(child["id"]?.stringValue ?? String(index))]")
            }
        }
        return violations
    }

    /// The flow's `concurrency` limit and the state an execution over it takes (`QUEUE` → `QUEUED`, the
    /// default; `CANCEL` → `CANCELLED`; `FAIL` → `FAILED`); nil without a positive limit.
    var concurrencyLimit: (count: Int, behavior: StateType)? {
        guard let limit = json["concurrency"]?["limit"]?.stringValue.flatMap({ Int($0) }), limit > 0 else {
            return nil
        }
        switch json["concurrency"]?["behavior"]?.stringValue?.uppercased() {
        case "CANCEL": return (limit, .cancelled)
        case "FAIL": return (limit, .failed)
        default: return (limit, .queued)
        }
    }

    /// The labels declared by the flow as key/value pairs (list or map form).
    var labels: [(String, String)] {
        switch json["labels"] {
        case .array(let items)?:
            return items.compactMap { item in
                guard let key = item["key"]?.stringValue, let value = item["value"]?.stringValue else { return nil }
                return (key, value)
            }
        case .object(let members)?:
            return members.compactMap { key, value in value.stringValue.map { (key, $0) } }
        default:
            return []
        }
    }
}
