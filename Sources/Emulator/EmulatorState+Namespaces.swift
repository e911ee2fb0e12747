import Foundation

extension EmulatorState {
    /// Every known namespace: flow namespaces with all parents, `system`, and namespaces with files or KV.
    var knownNamespaces: [String] {
        var result: Set<String> = ["system"]
        let sources = liveFlows.map(\.namespace) + Array(touchedNamespaces)
        for namespace in sources {
            var prefix = ""
            for component in namespace.split(separator: ".") {
                prefix = prefix.isEmpty ? String(component) : prefix + "." + component
                result.insert(prefix)
            }
        }
        return result.sorted()
    }

    func searchNamespaces(_ request: EmulatorRequest) -> EmulatorResponse {
        let text = (request.query.first("q") ?? request.query.filter("q") ?? "").lowercased()
        var namespaces = knownNamespaces.filter { text.isEmpty || $0.lowercased().contains(text) }
        if request.query.all("sort").contains(where: { $0.hasSuffix(":desc") }) {
            namespaces.reverse()
        }
        return .page(
            namespaces.map { .object([("id", .string($0)), ("deleted", .bool(false))]) }, query: request.query)
    }
}
