import Commands
import Foundation

/// Computes Tab completions for a partial shell line: shell words, command and subcommand
/// names, flags and enum values from the command tree, contexts, local paths, and server names
/// (namespaces, flow ids, execution ids, namespace files) through a `ServerCandidateCache`.
public struct ShellCompleter: Sendable {
    /// The command tree completed against: built on first use, never at shell start (building
    /// it reflects over every command; a debug build needs more than a second for it).
    private var tree: CommandTree { .kestractl }
    /// Server-backed names (nil: none offered).
    public var server: ServerCandidateCache?
    /// The session's namespace, for flow ids when no namespace is typed.
    public var sessionNamespace: @Sendable () -> String?
    /// The session's context name (scopes the server cache).
    public var sessionContext: @Sendable () -> String?
    /// The context names of the config file.
    public var contexts: @Sendable () -> [String]
    /// The directory relative local paths start from.
    public var workingDirectory: String

    /// Creates a completer.
    public init(
        server: ServerCandidateCache?,
        sessionNamespace: @escaping @Sendable () -> String? = { nil },
        sessionContext: @escaping @Sendable () -> String? = { nil },
        contexts: @escaping @Sendable () -> [String] = { [] },
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.server = server
        self.sessionNamespace = sessionNamespace
        self.sessionContext = sessionContext
        self.contexts = contexts
        self.workingDirectory = workingDirectory
    }

    /// The completion for the text before the cursor (no candidates inside an open quote).
    public func complete(_ text: String) -> ShellCompletion {
        // Inside an open quote, complete the quoted word as if the quote were closed.
        guard
            let lines = [text, text + "'", text + "\""].lazy.compactMap({ try? ShellTokenizer.lines($0) }).first
        else {
            return ShellCompletion(word: "", candidates: [])
        }
        var words = (lines.last?.words ?? []).map { $0.literalText ?? "" }
        let endsWord = !(text.last.map { $0 == " " || $0 == "\t" } ?? true) && !words.isEmpty
        let word = endsWord ? words.removeLast() : ""
        if words.first == "kestractl" { words.removeFirst() }
        let found = candidates(before: words, word: word)
        return ShellCompletion(word: word, candidates: Array(Set(found.filter { $0.hasPrefix(word) })).sorted())
    }

    private func candidates(before words: [String], word: String) -> [String] {
        if let at = word.firstIndex(of: "@"), word.hasPrefix("@") || word[..<at].hasSuffix("=") {
            let head = String(word[...at])
            return localPaths(String(word[word.index(after: at)...])).map { head + $0 }
        }
        guard let first = words.first else {
            return tree.subcommands.map(\.name) + ShellWords.all
        }
        if ShellWords.all.contains(first) { return shellWordCandidates(words, word: word) }
        // Walk down the tree along the command path, skipping options and their values.
        var node = tree
        var positionals: [String] = []
        var index = 0
        var pendingOption: CommandTree.Option?
        while index < words.count {
            let current = words[index]
            index += 1
            if pendingOption != nil {
                pendingOption = nil
                continue
            }
            if current.hasPrefix("-"), current != "-" {
                if !current.contains("="), let option = node.option(current) ?? tree.option(current), option.takesValue
                {
                    pendingOption = option
                }
                continue
            }
            if positionals.isEmpty, let child = node.subcommand(current) {
                node = child
            } else {
                positionals.append(current)
            }
        }
        if let option = pendingOption { return optionValues(option) }
        if word.hasPrefix("-") {
            if let equals = word.firstIndex(of: "="), let option = node.option(String(word[..<equals])) {
                return optionValues(option).map { String(word[...equals]) + $0 }
            }
            return node.options.flatMap(\.names)
        }
        if !node.subcommands.isEmpty, positionals.isEmpty { return node.subcommands.map(\.name) }
        return positionalValues(node, typed: positionals, word: word)
    }

    private func shellWordCandidates(_ words: [String], word: String) -> [String] {
        switch (words.first, words.count) {
        case ("use", 1): return ["context", "namespace"] + serverNames(.namespaces, namespace: nil)
        case ("use", 2) where words[1] == "context": return contexts()
        case ("use", 2) where words[1] == "namespace": return serverNames(.namespaces, namespace: nil)
        case ("help", _):
            var node = tree
            for name in words.dropFirst() { node = node.subcommand(name) ?? node }
            return node.subcommands.map(\.name)
        default: return []
        }
    }

    private func optionValues(_ option: CommandTree.Option) -> [String] {
        if !option.allowedValues.isEmpty { return option.allowedValues }
        if option.names.contains("--context") { return contexts() }
        if option.names.contains("--namespace") { return serverNames(.namespaces, namespace: nil) }
        if option.isPath || ["file", "path", "directory", "dir", "ca-file"].contains(option.valueName ?? "") {
            return localPaths(nil)
        }
        return []
    }

    private func positionalValues(_ node: CommandTree, typed: [String], word: String) -> [String] {
        guard !node.positionals.isEmpty else { return [] }
        let index = min(typed.count, node.positionals.count - 1)
        let positional = node.positionals[index]
        if !positional.allowedValues.isEmpty { return positional.allowedValues }
        if positional.isPath { return localPaths(word) }
        let hasNamespace = node.positionals.first?.valueName == "namespace"
        let typedNamespace = hasNamespace && typed.count >= 1 ? typed[0] : sessionNamespace()
        switch positional.valueName {
        case "namespace":
            var names = serverNames(.namespaces, namespace: nil)
            // With a session namespace the namespace may be left out: the first word is then the flow.
            let next = node.positionals.count > 1 ? node.positionals[1].valueName : ""
            if let session = sessionNamespace(), ["id", "ids", "flow"].contains(next) {
                names += serverNames(.flowIds, namespace: session)
            }
            return names
        case "id", "ids", "flow":
            return hasNamespace
                ? serverNames(.flowIds, namespace: typedNamespace)
                : serverNames(.executionIds, namespace: sessionNamespace())
        case "execution-id":
            return serverNames(.executionIds, namespace: sessionNamespace())
        case "path", "from", "to", "destination":
            return serverNames(.namespaceFiles, namespace: typedNamespace)
        case "local", "paths", "file":
            return localPaths(word)
        case "name", "old":
            return node.name == "add" ? [] : contexts()
        default:
            return []
        }
    }

    private func serverNames(_ kind: ServerCandidateKind, namespace: String?) -> [String] {
        guard let server else { return [] }
        if kind != .namespaces, kind != .executionIds, namespace == nil { return [] }
        return server.names(kind, namespace: namespace, scope: sessionContext() ?? "")
    }

    /// Local files and directories matching `partial` (directories end in `/`).
    func localPaths(_ partial: String?) -> [String] {
        let typed = partial ?? ""
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let expanded: String
        if directoryPart.hasPrefix("~/") {
            expanded = NSHomeDirectory() + directoryPart.dropFirst()
        } else {
            expanded = directoryPart
        }
        let base =
            expanded.hasPrefix("/") ? expanded : (workingDirectory + "/" + expanded)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.isEmpty ? "." : base) else {
            return []
        }
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        return names.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.map {
            name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory)
            return directoryPart + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
