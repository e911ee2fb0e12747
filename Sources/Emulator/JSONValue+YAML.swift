import Yams

extension JSONValue {
    /// Converts a composed YAML node, resolving plain scalars to null, booleans and numbers.
    init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if scalar.style != .plain {
                self = .string(text)
                return
            }
            if node.null != nil {
                self = .null
            } else if let flag = node.bool {
                self = .bool(flag)
            } else if let value = node.int {
                self = .number(String(value))
            } else if let value = node.float, value.isFinite, Double(text) != nil {
                self = .number(text)
            } else {
                self = .string(text)
            }
        case .mapping(let mapping):
            self = .object(mapping.map { (key: Node, value: Node) in (key.string ?? "", JSONValue(yaml: value)) })
        case .sequence(let sequence):
            self = .array(sequence.map { JSONValue(yaml: $0) })
        case .alias:
            self = .null
        }
    }
}
