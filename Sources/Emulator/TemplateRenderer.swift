import Foundation

/// Renders the small subset of Pebble the emulator understands: `{{ inputs.x }}`, `{{ flow.id }}`,
/// `{{ flow.namespace }}`, `{{ execution.id }}` and `{{ outputs.task.name }}`; other expressions are left
/// as written.
struct TemplateRenderer {
    var inputs: [(String, JSONValue)]
    var flowId: String
    var namespace: String
    var executionId: String
    /// The outputs of the tasks that ran so far, by task id.
    var outputs: [(String, JSONValue)] = []

    func render(_ template: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let expression = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = resolve(expression) {
                output += value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    private func resolve(_ expression: String) -> String? {
        switch expression {
        case "flow.id": return flowId
        case "flow.namespace": return namespace
        case "execution.id": return executionId
        default:
            let path = expression.split(separator: ".").map(String.init)
            let root: JSONValue
            switch path.first {
            case "inputs": root = .object(inputs)
            case "outputs": root = .object(outputs)
            default: return nil
            }
            var value = root
            for key in path.dropFirst() {
                guard let member = value[key] else { return nil }
                value = member
            }
            return value.stringValue ?? value.serialized
        }
    }
}
