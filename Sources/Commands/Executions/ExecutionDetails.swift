import Client
import Foundation

/// Prints one execution: a details block and its task runs in table mode, the execution object
/// otherwise (shared by `get`, `run --wait` and `follow`).
enum ExecutionDetails {
    /// Prints `execution` on stdout in the selected format.
    static func print(_ execution: Execution, _ context: CommandContext) throws {
        let printer = try context.printer()
        let url = try uiURL(execution, context)
        guard printer.format == .table else {
            var withURL = execution
            withURL.url = url
            try printer.printDetails(withURL, rows: [])
            return
        }
        try printer.printDetails(
            execution,
            rows: [
                ("ID", execution.id), ("Namespace", execution.namespace), ("Flow", execution.flowId),
                ("Revision", execution.flowRevision.map(String.init)), ("State", execution.state?.current),
                ("Started", execution.state?.startDate.map(Timestamps.iso8601)),
                ("Ended", execution.state?.endDate.map(Timestamps.iso8601)),
                ("Duration", DurationText.format(iso: execution.state?.duration)),
                ("Labels", execution.labels?.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
                ("Inputs", pairs(execution.inputs)), ("Outputs", pairs(execution.outputs)), ("URL", url),
            ])
        if let runs = execution.taskRunList, !runs.isEmpty {
            context.streams.stdout.write("\n")
            try printer.printList(runs)
        }
    }

    /// The UI address of an execution: the one the server gave, else built from host and tenant.
    static func uiURL(_ execution: Execution, _ context: CommandContext) throws -> String? {
        if let url = execution.url { return url }
        guard let namespace = execution.namespace, let flowId = execution.flowId else { return nil }
        let settings = try context.settings()
        return "\(settings.host)/ui/\(settings.tenant)/executions/\(namespace)/\(flowId)/\(execution.id)"
    }

    /// A map as `key=value, …` in key order; nested values as compact JSON.
    static func pairs(_ values: [String: JSONValue]?) -> String? {
        guard let values, !values.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return values.keys.sorted().map { key in
            let value = values[key] ?? .null
            let text =
                value.stringValue
                ?? (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return "\(key)=\(text)"
        }.joined(separator: ", ")
    }
}
