import Foundation

extension EmulatorState {
    /// `GET /flows/source`: the flows whose source contains `q` (case-insensitive), in `namespace` and
    /// its children, each with Kestra's fragment: the lines around the first match, the match marked.
    func searchFlowSources(_ request: EmulatorRequest) -> EmulatorResponse {
        let text = request.query.first("q")
        let namespace = request.query.first("namespace")
        let matches = liveFlows.filter { record in
            if let namespace, record.namespace != namespace, !record.namespace.hasPrefix(namespace + ".") {
                return false
            }
            guard let text, !text.isEmpty else { return true }
            return record.latest.source.range(of: text, options: .caseInsensitive) != nil
        }
        return .page(
            matches.map { record in
                var members: [(String, JSONValue)] = [
                    (
                        "model",
                        FlowRecord.json(record.latest, deleted: false, includeSource: false, generation: generation)
                    )
                ]
                if let text, !text.isEmpty {
                    members.append(("fragments", .array([.string(Self.fragment(of: record.latest.source, text))])))
                }
                return .object(members)
            }, query: request.query)
    }

    /// Kestra's JDBC fragment: from the line before the first line holding `query` (non-empty lines
    /// only), four lines, each line's first match wrapped in `[mark]…[/mark]`, joined by newlines.
    static func fragment(of source: String, _ query: String) -> String {
        let lines = source.split(separator: "\n").map(String.init)
        let first = lines.firstIndex { $0.range(of: query, options: .caseInsensitive) != nil } ?? 0
        let start = max(0, first - 1)
        return lines[start..<min(lines.count, start + 4)].map { line in
            guard let range = line.range(of: query, options: .caseInsensitive) else { return line }
            return line[..<range.lowerBound] + "[mark]" + line[range] + "[/mark]" + line[range.upperBound...]
        }.joined(separator: "\n")
    }

    /// `POST /flows/import`: creates or updates each flow of a `.yml`/`.yaml` file (split on `---`, as
    /// Kestra splits it) or of a `.zip` (its `.yml`/`.yaml` entries); answers the documents (indexes) or
    /// entries (names) that could not be imported, or 422 with `failOnError` when there are any.
    func importFlows(_ request: EmulatorRequest, parts: [MultipartPart]) throws(APIError) -> EmulatorResponse {
        guard let upload = parts.first(where: { $0.name == "fileUpload" }) else {
            throw APIError.badRequest("Required Part [fileUpload] not specified")
        }
        let filename = (upload.filename ?? "").lowercased()
        var sources: [(name: String, source: String)] = []
        if filename.hasSuffix(".yml") || filename.hasSuffix(".yaml") {
            sources = upload.text.components(separatedBy: "---").enumerated().map { (String($0), $1) }
        } else if filename.hasSuffix(".zip") {
            let entries: [ZipArchive.Entry]
            do {
                entries = try ZipArchive.readSequentially(upload.contents)
            } catch .unsupportedCompression(let method, let entry) {
                throw APIError.badRequest(
                    "kestra-emulator reads only STORED ZIP entries; '\(entry)' uses compression method \(method)")
            } catch {
                throw APIError.badRequest("Unable to read the ZIP archive: \(error)")
            }
            sources = entries.filter { $0.name.hasSuffix(".yml") || $0.name.hasSuffix(".yaml") }.map {
                ($0.name, String(buffer: $0.contents))
            }
        } else {
            let dot = filename.lastIndex(of: ".").map { String(filename[$0...]) } ?? filename
            throw APIError.invalidArgument("Cannot import file of type \(dot)")
        }
        var failed: [String] = []
        for (name, source) in sources where !importFlow(source) {
            failed.append(name)
        }
        if request.query.bool("failOnError", default: false) && !failed.isEmpty {
            throw APIError.invalidArgument(
                "Following invalid flows were not imported: \(failed.joined(separator: ", "))")
        }
        return .json(.array(failed.map(JSONValue.string)))
    }

    /// Creates the flow of `source` or stores it as a new revision; false when it is not a valid flow.
    private func importFlow(_ source: String) -> Bool {
        guard let definition = try? FlowDefinition.parse(source) else { return false }
        if let existing = liveFlow(definition.namespace, definition.id), existing.latest.source == source {
            return true
        }
        storeNewRevision(source: source, definition: definition)
        return true
    }
}
