import Yams

/// A YAML document as a `Sendable` value that keeps key order, scalar styles and unknown keys.
public indirect enum YAMLTree: Sendable, Equatable {
    /// A scalar with the quoting style it was written in.
    case scalar(String, style: ScalarStyle)
    /// A sequence of values.
    case sequence([YAMLTree])
    /// A mapping of string keys, in document order.
    case mapping([YAMLEntry])

    /// How a scalar was quoted; kept so `"123"` stays a string when written back.
    public enum ScalarStyle: Sendable, Equatable {
        /// Unquoted.
        case plain
        /// `'…'`.
        case singleQuoted
        /// `"…"`.
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// A string scalar: plain when that reads back as the same string, double-quoted otherwise.
    public static func string(_ value: String) -> YAMLTree {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        let safe =
            value.range(of: #"^[A-Za-z_/][A-Za-z0-9_./:@+-]*$"#, options: .regularExpression) != nil
            && !reserved.contains(value.lowercased()) && !value.contains(": ") && !value.hasSuffix(":")
        return .scalar(value, style: safe ? .plain : .doubleQuoted)
    }

    /// Converts a composed Yams node; mapping keys become their string form.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, style: ScalarStyle(scalar.style))
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLTree.init))
        case .mapping(let mapping):
            self = .mapping(mapping.map { YAMLEntry(key: $0.key.string ?? "", value: YAMLTree($0.value)) })
        case .alias:
            self = .scalar("", style: .plain)
        }
    }

    /// The Yams node for serialisation.
    var node: Node {
        switch self {
        case .scalar(let value, let style):
            return .scalar(Node.Scalar(value, .implicit, style.yamsStyle))
        case .sequence(let items):
            return .sequence(Node.Sequence(items.map(\.node)))
        case .mapping(let entries):
            return .mapping(Node.Mapping(entries.map { (Node($0.key), $0.value.node) }))
        }
    }

    /// The scalar's text, or nil for collections.
    public var text: String? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    /// The mapping's entries, or nil.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = self { return entries }
        return nil
    }

    /// The value for `key` when this is a mapping.
    public subscript(key: String) -> YAMLTree? {
        entries?.first { $0.key == key }?.value
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLTree

    /// Creates an entry.
    public init(key: String, value: YAMLTree) {
        self.key = key
        self.value = value
    }
}

extension [YAMLEntry] {
    /// Sets `key` to `value`, in place when present, appended otherwise; nil removes the key.
    mutating func set(_ key: String, _ value: YAMLTree?) {
        if let index = firstIndex(where: { $0.key == key }) {
            if let value { self[index].value = value } else { remove(at: index) }
        } else if let value {
            append(YAMLEntry(key: key, value: value))
        }
    }
}

extension YAMLTree.ScalarStyle {
    fileprivate init(_ style: Node.Scalar.Style) {
        switch style {
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        default: self = .plain
        }
    }

    fileprivate var yamsStyle: Node.Scalar.Style {
        switch self {
        case .plain: return .plain
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        }
    }
}
