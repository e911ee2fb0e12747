import Foundation
import Yams

/// One YAML document of a flow file, with its exact text and the identity Kestra will use.
///
/// The text is never re-serialised: edits (`--namespace`, `--namespace-prefix`,
/// `--disable-triggers`) splice the few bytes they change and keep everything else.
struct FlowDocument: Sendable, Equatable {
    /// 0-based position of the document in its file.
    var index: Int
    /// 1-based line of the file where the document starts.
    var firstLine: Int
    /// The document's exact text (without the `---` separator lines).
    var text: String
    /// The top-level `id`, when present and a string.
    var id: String?
    /// The top-level `namespace`, when present and a string.
    var namespace: String?
    /// Why the document cannot be a flow (invalid YAML, not a mapping, missing id…), if so.
    var problem: String?

    /// Splits a file into documents on `---` lines; empty or comment-only documents are skipped.
    static func documents(in text: String) -> [FlowDocument] {
        var documents: [FlowDocument] = []
        var pending: [SourceLine] = []
        var pendingFirstLine = 1
        func flush() {
            let body = SourceLine.join(pending)
            let meaningful = pending.contains {
                let trimmed = $0.content.drop { $0 == " " || $0 == "\t" }
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
            if meaningful {
                documents.append(FlowDocument(index: documents.count, firstLine: pendingFirstLine, text: body))
            }
        }
        for (offset, line) in SourceLine.split(text).enumerated() {
            if isSeparator(line.content) {
                flush()
                pending = []
                pendingFirstLine = offset + 2
            } else {
                pending.append(line)
            }
        }
        flush()
        return documents
    }

    private static func isSeparator(_ line: String) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// Reads the identity of a document's text.
    init(index: Int, firstLine: Int, text: String) {
        self.index = index
        self.firstLine = firstLine
        self.text = text
        do {
            guard let node = try Yams.compose(yaml: text), let mapping = node.mapping else {
                problem = "the document is not a YAML mapping"
                return
            }
            id = mapping["id"]?.scalar?.string
            namespace = mapping["namespace"]?.scalar?.string
            if id == nil || id?.isEmpty == true {
                problem = "missing top-level 'id'"
            } else if namespace == nil || namespace?.isEmpty == true {
                problem = "missing top-level 'namespace'"
            }
        } catch let error as YamlError {
            problem = "invalid YAML: " + ConfigFileError.describe(error, lineOffset: firstLine - 1)
        } catch {
            problem = "invalid YAML: \(error)"
        }
    }

    /// The text with the top-level `namespace:` value replaced, quoting style and every other byte kept;
    /// the key is added after the top-level `id:` line when missing.
    func replacingNamespace(with newNamespace: String) throws -> String {
        var lines = SourceLine.split(text)
        if let index = lines.firstIndex(where: { Self.topLevelKey(of: $0.content) == "namespace" }) {
            let line = lines[index].content
            let colon = line.firstIndex(of: ":")!
            let afterColon = line[line.index(after: colon)...]
            let valueStart = afterColon.firstIndex { $0 != " " && $0 != "\t" } ?? afterColon.endIndex
            let value = line[valueStart...]
            guard let token = Self.scalarToken(value) else {
                throw FlowSourceError(
                    "line \(firstLine + index): cannot rewrite a multi-line or complex 'namespace' value")
            }
            let replacement: String
            switch token.quote {
            case "'": replacement = "'\(newNamespace)'"
            case "\"": replacement = "\"\(newNamespace)\""
            default: replacement = newNamespace
            }
            lines[index].content = String(line[..<valueStart]) + replacement + String(value.dropFirst(token.length))
            return SourceLine.join(lines)
        }
        guard let idIndex = lines.firstIndex(where: { Self.topLevelKey(of: $0.content) == "id" }) else {
            throw FlowSourceError("missing top-level 'id'")
        }
        let ending =
            lines[idIndex].ending.isEmpty
            ? (lines.first?.ending.isEmpty == false ? lines[0].ending : "\n") : lines[idIndex].ending
        if lines[idIndex].ending.isEmpty { lines[idIndex].ending = ending }
        lines.insert(SourceLine(content: "namespace: \(newNamespace)", ending: ending), at: idIndex + 1)
        return SourceLine.join(lines)
    }

    /// The text with `disabled: true` on every top-level trigger (an existing `disabled:` value is
    /// replaced, otherwise the key is added under the item's first line); other bytes are kept.
    func disablingTriggers() throws -> String {
        var lines = SourceLine.split(text)
        guard let start = lines.firstIndex(where: { Self.topLevelKey(of: $0.content) == "triggers" }) else {
            return text
        }
        let inlineValue = lines[start].content.drop { $0 != ":" }.dropFirst().drop { $0 == " " || $0 == "\t" }
        if !inlineValue.isEmpty, !inlineValue.hasPrefix("#") {
            throw FlowSourceError("line \(firstLine + start): 'triggers' is not a block list")
        }
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func isBlank(_ line: String) -> Bool {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        var end = start + 1
        while end < lines.count {
            let line = lines[end].content
            if !isBlank(line), indentation(line) == 0, !line.hasPrefix("- ") && line != "-" { break }
            end += 1
        }
        let block = (start + 1)..<end
        guard let firstItem = block.first(where: { !isBlank(lines[$0].content) }) else { return text }
        let itemIndent = indentation(lines[firstItem].content)
        let items = block.filter { index in
            let line = lines[index].content
            return indentation(line) == itemIndent
                && (line.dropFirst(itemIndent).hasPrefix("- ") || line.dropFirst(itemIndent) == "-")
        }
        guard !items.isEmpty else {
            throw FlowSourceError("line \(firstLine + start): 'triggers' is not a block list")
        }
        var insertions: [(at: Int, line: SourceLine)] = []
        for (position, item) in items.enumerated() {
            let itemEnd = position + 1 < items.count ? items[position + 1] : block.upperBound
            let first = lines[item].content
            let afterDash = first.dropFirst(itemIndent + 1)
            let keyIndent: Int
            if afterDash.drop(while: { $0 == " " }).isEmpty {
                guard let next = ((item + 1)..<itemEnd).first(where: { !isBlank(lines[$0].content) }) else { continue }
                keyIndent = indentation(lines[next].content)
            } else {
                if afterDash.drop(while: { $0 == " " }).hasPrefix("{") {
                    throw FlowSourceError("line \(firstLine + item): cannot disable a trigger written in flow style")
                }
                keyIndent = itemIndent + 1 + afterDash.prefix { $0 == " " }.count
            }
            let existing = (item..<itemEnd).first { index in
                let line = lines[index].content
                let key =
                    index == item
                    ? String(line.dropFirst(keyIndent))
                    : (indentation(line) == keyIndent ? String(line.dropFirst(keyIndent)) : "")
                return Self.topLevelKey(of: key) == "disabled"
            }
            if let existing {
                let line = lines[existing].content
                let colon = line.range(of: "disabled")!.upperBound
                let rest = line[line.index(after: line[colon...].firstIndex(of: ":")!)...]
                let valueStart = rest.firstIndex { $0 != " " && $0 != "\t" } ?? rest.endIndex
                let length = Self.scalarToken(rest[valueStart...])?.length ?? 0
                lines[existing].content =
                    String(line[..<valueStart]) + "true" + String(rest[valueStart...].dropFirst(length))
            } else {
                let ending = lines[item].ending.isEmpty ? "\n" : lines[item].ending
                if lines[item].ending.isEmpty { lines[item].ending = ending }
                insertions.append(
                    (
                        item + 1,
                        SourceLine(content: String(repeating: " ", count: keyIndent) + "disabled: true", ending: ending)
                    ))
            }
        }
        for insertion in insertions.reversed() { lines.insert(insertion.line, at: insertion.at) }
        return SourceLine.join(lines)
    }

    /// The key of a top-level (column 0) `key:` line, or nil.
    static func topLevelKey(of line: String) -> String? {
        guard let first = line.first, first != " ", first != "\t", first != "#", first != "-" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " || line[after] == "\t" else { return nil }
        var key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        if key.count >= 2, let quote = key.first, quote == "'" || quote == "\"", key.last == quote {
            key = String(key.dropFirst().dropLast())
        }
        return key
    }

    /// The length of a one-line scalar at the start of `value` and its quote, or nil for block
    /// scalars, flow collections, anchors and empty values.
    static func scalarToken(_ value: Substring) -> (length: Int, quote: Character?)? {
        guard let first = value.first else { return nil }
        switch first {
        case "'", "\"":
            var index = value.index(after: value.startIndex)
            var length = 1
            while index < value.endIndex {
                let character = value[index]
                length += 1
                if character == "\\" && first == "\"" {
                    index = value.index(after: index)
                    if index < value.endIndex { length += 1 }
                } else if character == first {
                    let next = value.index(after: index)
                    if first == "'", next < value.endIndex, value[next] == "'" {
                        index = value.index(after: next)
                        length += 1
                        continue
                    }
                    return (length, first)
                }
                if index < value.endIndex { index = value.index(after: index) }
            }
            return nil
        case "|", ">", "[", "{", "&", "*", "!", "#":
            return nil
        default:
            var length = 0
            var previous: Character = " "
            for character in value {
                if character == "#" && (previous == " " || previous == "\t") { break }
                length += 1
                previous = character
            }
            let token = value.prefix(length)
            let trimmed = token.reversed().drop { $0 == " " || $0 == "\t" }.count
            return trimmed == 0 ? nil : (trimmed, nil)
        }
    }
}

/// A flow file that cannot be used as written; the message is shown per file.
struct FlowSourceError: Error, Equatable, Sendable {
    /// What is wrong.
    var message: String

    /// Creates the error.
    init(_ message: String) {
        self.message = message
    }
}
