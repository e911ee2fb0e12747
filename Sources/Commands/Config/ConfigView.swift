import ArgumentParser
import Client

/// `kestractl config view`: every effective setting and where it came from; secrets masked.
public struct ConfigView: KestraCommand {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Show the effective settings and the source of each (flag, environment, context, default).",
        discussion: """
            Examples:
              kestractl config view
              kestractl --context prod config view -o json
              KESTRACTL_HOST=http://other:8080 kestractl config view
            """
    )

    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// One effective setting.
    struct Row: TableRepresentable {
        var setting: String
        var value: String?
        var source: SettingSource

        static let columns: [TableColumn<Row>] = [
            TableColumn("setting") { $0.setting }, TableColumn("value") { $0.value },
            TableColumn("source") { $0.source.rawValue },
        ]
    }

    /// Resolves the settings and prints them.
    public func run(_ context: CommandContext) async throws {
        let settings = try context.settings()
        func source(_ field: ResolvedSettings.Field) -> SettingSource { settings.sources[field] ?? .default }
        let configSource: SettingSource =
            context.globals.config != nil
            ? .flag : (context.environment["KESTRACTL_CONFIG"].map { _ in .environment } ?? .default)
        var rows = [
            Row(setting: "config", value: context.configStore.path, source: configSource),
            Row(setting: "context", value: settings.contextName, source: source(.context)),
            Row(setting: "host", value: Redaction.userInfo(in: settings.host), source: source(.host)),
            Row(setting: "tenant", value: settings.tenant, source: source(.tenant)),
        ]
        switch settings.authentication {
        case .none:
            rows.append(Row(setting: "auth", value: "none", source: source(.auth)))
        case .basic(let username, let password):
            rows.append(Row(setting: "auth", value: "basic", source: source(.auth)))
            rows.append(Row(setting: "username", value: username, source: source(.auth)))
            rows.append(Row(setting: "password", value: password.isEmpty ? nil : "[REDACTED]", source: source(.auth)))
        case .bearer:
            rows.append(Row(setting: "auth", value: "token", source: source(.auth)))
            rows.append(Row(setting: "token", value: "[REDACTED]", source: source(.auth)))
        }
        rows += [
            Row(setting: "output", value: settings.output.rawValue, source: source(.output)),
            Row(setting: "namespace", value: settings.namespace, source: source(.namespace)),
            Row(
                setting: "headers",
                value: Redaction.headers(settings.headers.map { HTTPHeader(name: $0.name, value: $0.value) })
                    .map { "\($0.name):\($0.value)" }.joined(separator: ", "),
                source: source(.headers)
            ),
            Row(setting: "ca-file", value: settings.caFile, source: source(.caFile)),
            Row(
                setting: "insecure-skip-tls-verify", value: String(settings.insecureSkipTLSVerify),
                source: source(.insecureSkipTLSVerify)),
            Row(setting: "timeout", value: HumanDuration.iso8601(settings.timeout), source: source(.timeout)),
            Row(
                setting: "api-version", value: settings.apiVersion.map { String($0.rawValue) } ?? "auto",
                source: source(.apiVersion)),
            Row(setting: "verbose", value: String(settings.verbose), source: source(.verbose)),
            Row(setting: "no-color", value: String(settings.noColor), source: source(.noColor)),
        ]
        try context.printer().printList(rows)
    }
}
