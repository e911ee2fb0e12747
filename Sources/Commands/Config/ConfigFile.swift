import Yams

/// The contents of `~/.kestractl/config.yaml`: named contexts and the default one.
///
/// The whole document is kept, so keys this tool does not know (written by Kestra's Go
/// kestractl or a newer version) survive a rewrite.
public struct ConfigFile: Sendable, Equatable {
    /// The top-level mapping, in document order.
    public private(set) var entries: [YAMLEntry]

    /// An empty configuration.
    public init() {
        entries = []
    }

    /// Parses the file's text; `path` only serves the error message.
    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigFileError.invalid(path: path, detail: ConfigFileError.describe(error))
        }
        guard let node else { return ConfigFile() }
        guard let entries = YAMLTree(node).entries else {
            throw ConfigFileError.invalid(path: path, detail: "line 1: the top level must be a mapping")
        }
        if let contexts = entries.first(where: { $0.key == "contexts" })?.value,
            contexts.entries == nil, contexts.text?.isEmpty == false
        {
            let line = node.mapping?["contexts"]?.mark?.line ?? 1
            throw ConfigFileError.invalid(path: path, detail: "line \(line): 'contexts' must be a mapping")
        }
        return ConfigFile(entries: entries)
    }

    private init(entries: [YAMLEntry]) {
        self.entries = entries
    }

    /// The document as YAML text.
    public func serialized() throws -> String {
        if entries.isEmpty { return "contexts: {}\n" }
        return try Yams.serialize(node: YAMLTree.mapping(entries).node)
    }

    /// Context names in file order.
    public var contextNames: [String] {
        contextEntries.map(\.key)
    }

    /// The context called `name`, if any.
    public func context(named name: String) -> KestraContext? {
        contextEntries.first { $0.key == name }.map { KestraContext($0.value) }
    }

    /// The name of the default context, if set.
    public var defaultContext: String? {
        guard let name = entries.first(where: { $0.key == "default_context" })?.value.text, !name.isEmpty else {
            return nil
        }
        return name
    }

    /// Creates or replaces a context, keeping unknown keys of the one it replaces.
    public mutating func setContext(_ name: String, _ context: KestraContext) {
        var contexts = contextEntries
        let existing = contexts.first { $0.key == name }?.value.entries ?? []
        contexts.set(name, .mapping(context.merged(into: existing)))
        entries.set("contexts", .mapping(contexts))
    }

    /// Deletes a context and clears the default when it pointed there; false when absent.
    @discardableResult
    public mutating func removeContext(_ name: String) -> Bool {
        var contexts = contextEntries
        guard contexts.contains(where: { $0.key == name }) else { return false }
        contexts.set(name, nil)
        entries.set("contexts", .mapping(contexts))
        if defaultContext == name { entries.set("default_context", nil) }
        return true
    }

    /// Renames a context in place, keeping it the default if it was.
    public mutating func renameContext(_ old: String, to new: String) {
        var contexts = contextEntries
        guard let index = contexts.firstIndex(where: { $0.key == old }) else { return }
        contexts[index].key = new
        entries.set("contexts", .mapping(contexts))
        if defaultContext == old { setDefaultContext(new) }
    }

    /// Sets (or with nil clears) `default_context`.
    public mutating func setDefaultContext(_ name: String?) {
        entries.set("default_context", name.map(YAMLTree.string))
    }

    private var contextEntries: [YAMLEntry] {
        entries.first { $0.key == "contexts" }?.value.entries ?? []
    }
}

/// Why a config file could not be used; the message names the file (and line).
public enum ConfigFileError: Error, Equatable, Sendable {
    /// The file is not valid YAML or not the expected shape.
    case invalid(path: String, detail: String)
    /// The file exists but cannot be read or written.
    case inaccessible(path: String, reason: String)

    /// One-line description for `Error: …`.
    public var message: String {
        switch self {
        case .invalid(let path, let detail): return "invalid config file \(path): \(detail)"
        case .inaccessible(let path, let reason): return "cannot use config file \(path): \(reason)"
        }
    }

    /// `line N, column M: problem` for a YAML error; `lineOffset` maps document lines to file lines.
    static func describe(_ error: YamlError, lineOffset: Int = 0) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line + lineOffset), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "line \(context.mark.line + lineOffset): duplicate key \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }
}
