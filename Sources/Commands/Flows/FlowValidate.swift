import ArgumentParser
import Client

/// `kestractl flows validate PATH...` (alias `check`).
public struct FlowValidate: KestraCommand {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate flow files on the server without deploying them.",
        discussion: """
            Documents go to the server 100 per request; each result is mapped back to its file (and
            document number for multi-document files). Warnings are shown but do not fail.
            Exit 5 when any flow is invalid.

            Examples:
              kestractl flows validate ./flows
              kestractl flows check hello.yml -o json
            """,
        aliases: ["check"]
    )

    /// Files and directories.
    @Argument(help: "Flow files and directories.") public var paths: [String]
    /// Only the given directories' own files.
    @Flag(name: .customLong("no-recursive"), help: "Do not descend into subdirectories.") public var noRecursive = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Requires a path.
    public mutating func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one flow file or directory") }
    }

    /// Documents per validation request.
    static let batchSize = 100

    /// Sends the documents in batches and prints one row per document, in input order.
    public func run(_ context: CommandContext) async throws {
        var results: [FlowValidationResult?] = []
        var pending: [(slot: Int, text: String)] = []
        for file in FlowSourceLoader.load(paths, recursive: !noRecursive) {
            guard let documents = file.documents else {
                results.append(
                    FlowValidationResult(file: file.path, status: "INVALID", constraints: file.error, warnings: []))
                continue
            }
            for document in documents {
                let label = documents.count > 1 ? "\(file.path):\(document.index + 1)" : file.path
                let flow = document.id.map { id in document.namespace.map { "\($0)/\(id)" } ?? id }
                results.append(
                    FlowValidationResult(
                        file: label, flow: flow, status: "INVALID",
                        constraints: "the server returned no result for this document",
                        warnings: []))
                pending.append(
                    (results.count - 1, document.text.hasSuffix("\n") ? document.text : document.text + "\n"))
            }
        }
        let client = try context.client()
        for start in stride(from: 0, to: pending.count, by: Self.batchSize) {
            let batch = pending[start..<min(start + Self.batchSize, pending.count)]
            let verdicts = try await client.flows.validate(yaml: batch.map(\.text).joined(separator: "---\n"))
            for verdict in verdicts where verdict.index >= 0 && verdict.index < batch.count {
                let slot = batch[batch.startIndex + verdict.index].slot
                guard var result = results[slot] else { continue }
                let constraints = verdict.constraints.flatMap { $0.isEmpty ? nil : $0 }
                result.status = constraints == nil ? "VALID" : "INVALID"
                result.constraints = constraints
                result.warnings =
                    (verdict.warnings ?? []) + (verdict.deprecationPaths ?? []).map { "deprecated: \($0)" }
                    + (verdict.infos ?? [])
                results[slot] = result
            }
        }
        let report = results.compactMap { $0 }
        try context.printer().printList(report)
        let invalid = report.filter { $0.status == "INVALID" }.count
        if invalid > 0 {
            throw CommandFailure(
                "\(invalid) of \(report.count) flow\(report.count == 1 ? " is" : "s are") invalid",
                exitCode: .partialFailure)
        }
    }
}
