import ArgumentParser

/// `kestractl diff DIR`: what `apply DIR` would change, without changing anything.
public struct ProjectDiff: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a project directory with the server; exit 8 when they differ.",
        discussion: """
            A project directory holds flows/ (flow files, walked like flows deploy), \
            files/<namespace>/ (namespace files) and kv/<namespace>.yaml (keys: plain values typed \
            as YAML numbers, booleans and strings, or {type: T, value: V}). Only the namespaces the \
            project names are read. Prints one line per change (+ create, ~ update, - delete), a \
            unified diff of each changed flow, then the plan's counts. Exit 0 in sync, 8 when \
            they differ (like git diff --exit-code), 2 for an invalid project (nothing is sent). \
            Sends only reads.

            Examples:
              kestractl diff ./project
              kestractl diff ./project --prune --namespace-prefix staging
              kestractl diff ./project -o json | jq .summary
            """
    )

    /// Directory, `--prune`, namespace rewrite.
    @OptionGroup public var project: ProjectOptions
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Plans, prints the plan and exits 8 when it changes anything.
    public func run(_ context: CommandContext) async throws {
        let plan = try await project.plan(
            context, concurrency: ConcurrencyOption.standard, progress: ProgressReporter(context: context))
        let printer = try context.printer()
        try printer.printDocument(ProjectReport(plan: plan)) { Self.text(plan, colors: printer.colors) }
        if !plan.isInSync { throw ReportedExit(.differences) }
    }

    /// One line per change, the flow diffs, then the `Plan:` line (alone when in sync).
    static func text(_ plan: ProjectPlan, colors: ColorScheme) -> String {
        let changes = plan.items.filter { $0.action != .unchanged }
        guard !changes.isEmpty else { return plan.summary + "\n" }
        var text = changes.map { colored($0.line, $0.action, colors) + "\n" }.joined()
        for diff in changes.compactMap(\.diff) {
            text += "\n"
            for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                switch line.first {
                case "+" where !line.hasPrefix("+++"): text += colors.green(String(line)) + "\n"
                case "-" where !line.hasPrefix("---"): text += colors.red(String(line)) + "\n"
                case "+", "-", "@": text += colors.bold(String(line)) + "\n"
                default: text += line + "\n"
                }
            }
        }
        return text + "\n" + plan.summary + "\n"
    }

    /// A change line: green creates, yellow updates, red deletes.
    static func colored(_ line: String, _ action: PlanAction, _ colors: ColorScheme) -> String {
        switch action {
        case .create: colors.green(line)
        case .update: colors.yellow(line)
        case .delete: colors.red(line)
        case .unchanged: line
        }
    }
}
