import ArgumentParser
import Client
import Foundation

/// `kestractl flows import PATH [--fail-on-error]`.
public struct FlowImport: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import flows from a ZIP, a YAML file or a directory (the server creates or updates each).",
        discussion: """
            PATH is a .zip of flow sources, a .yml/.yaml file (several '---' documents allowed; the \
            server splits on '---'), or a directory, whose *.yml/*.yaml files (walked like 'flows \
            deploy', hidden ones skipped) are sent as one ZIP built while it is sent, entries named \
            by their relative path. Any other file is refused before anything is sent (exit 2). The \
            server answers the entries it could not import (ZIP entry names, YAML document indexes \
            from 0): each is reported as FAILED and any makes the exit code 5. With --fail-on-error \
            the server refuses the import instead (422, exit 1; the valid flows are still imported).

            Examples:
              kestractl flows import ./flows
              kestractl flows import flows.zip --fail-on-error
              kestractl flows import all-flows.yml -o json
            """
    )

    /// The file or directory.
    @Argument(help: ArgumentHelp("A .zip, a .yml/.yaml file or a directory.", valueName: "path"), completion: .file())
    public var path: String
    /// Fail the whole import on any invalid flow.
    @Flag(name: .customLong("fail-on-error"), help: "Let the server refuse the import when a flow is invalid.")
    public var failOnError = false
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Sends the file or the directory's archive and reports what the server could not import.
    public func run(_ context: CommandContext) async throws {
        let flows = try context.client().flows
        let failed: [String]
        if LocalFileTree.isDirectory(path) {
            let entries = LocalFileTree.files(under: path).filter {
                $0.relative.hasSuffix(".yml") || $0.relative.hasSuffix(".yaml")
            }
            if let unusable = entries.first(where: { $0.problem != nil }) {
                throw UsageError("cannot read \(unusable.path): \(unusable.problem ?? "")")
            }
            guard !entries.isEmpty else { throw UsageError("no flow files (*.yml, *.yaml) in \(path)") }
            let archive: StoredZipArchive
            do {
                archive = try StoredZipArchive(files: entries.map { ($0.relative, $0.path) })
            } catch let error as KestraError {
                throw UsageError(error.message)
            }
            let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
            failed = try await flows.importFlows(
                archive: archive, filename: (name.isEmpty || name == "/" ? "flows" : name) + ".zip",
                failOnError: failOnError)
        } else {
            let lower = path.lowercased()
            guard [".zip", ".yml", ".yaml"].contains(where: { lower.hasSuffix($0) }) else {
                throw UsageError(
                    "cannot import '\(path)': expected a .zip, a .yml/.yaml file or a directory")
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw UsageError("cannot read '\(path)': no such file or not readable")
            }
            failed = try await flows.importFlows(file: path, failOnError: failOnError)
        }
        let report = FlowImportReport(path: path, failed: failed)
        let printer = try context.printer()
        try printer.printDocument(report) {
            guard !failed.isEmpty else { return "Imported \(path): every flow was created or updated.\n" }
            return printer.table(failed.map(FlowImportFailure.init))
                + "\(failed.count) not imported (invalid flows); the others were created or updated.\n"
        }
        if !failed.isEmpty { throw ReportedExit(.partialFailure) }
    }
}
