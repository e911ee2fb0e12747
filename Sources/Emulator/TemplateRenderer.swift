import Foundation

/// Renders the small subset of Pebble the emulator understands: `{{ inputs.x }}`, `{{ flow.id }}`,
/// `{{ flow.namespace }}` and `{{ execution.id }}`; other expressions are left as written.
struct TemplateRenderer {
    var inputs: [(String, JSONValue)]
    var flowId: String
    var namespace: String
    var executionId: String

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
            guard expression.hasPrefix("inputs.") else { return nil }
            let name = String(expression.dropFirst("inputs.".count))
            guard let value = inputs.first(where: { $0.0 == name })?.1 else { return nil }
            return value.stringValue ?? value.serialized
        }
    }
}
