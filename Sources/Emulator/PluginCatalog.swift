/// The plugin types the emulator recognises, so that validation can reject unknown ones like Kestra does.
enum PluginCatalog {
    /// Prefixes of plugin groups accepted wholesale.
    static let acceptedPrefixes = [
        "io.kestra.plugin.scripts.", "io.kestra.plugin.jdbc.", "io.kestra.plugin.aws.", "io.kestra.plugin.gcp.",
        "io.kestra.plugin.azure.", "io.kestra.plugin.notifications.", "io.kestra.plugin.fs.",
        "io.kestra.plugin.docker.", "io.kestra.plugin.git.", "io.kestra.plugin.kubernetes.",
        "io.kestra.plugin.serdes.", "io.kestra.plugin.transform.", "io.kestra.plugin.dbt.", "io.kestra.plugin.ee.",
        "io.kestra.plugin.kafka.", "io.kestra.plugin.mongodb.", "io.kestra.plugin.redis.", "io.kestra.plugin.ai.",
        "io.kestra.plugin.airbyte.", "io.kestra.plugin.github.", "io.kestra.plugin.http.",
        "io.kestra.plugin.minio.", "io.kestra.plugin.debezium.", "io.kestra.plugin.singer.",
        "io.kestra.plugin.mqtt.", "io.kestra.plugin.nats.", "io.kestra.plugin.sqlmesh.",
        "io.kestra.plugin.terraform.", "io.kestra.plugin.ansible.", "io.kestra.plugin.jira.",
        "io.kestra.plugin.slack.", "io.kestra.plugin.email.", "io.kestra.plugin.dlt.",
    ]

    /// Known classes of the core plugin (`io.kestra.plugin.core.<name>`).
    static let coreTypes: Set<String> = [
        "log.Log", "log.Fetch", "log.PurgeLogs", "flow.Sleep", "flow.Pause", "flow.Parallel", "flow.Sequential",
        "flow.If", "flow.Switch", "flow.ForEach", "flow.ForEachItem", "flow.Subflow", "flow.EachSequential",
        "flow.EachParallel", "flow.WorkingDirectory", "flow.AllowFailure", "flow.Dag", "flow.LoopUntil",
        "flow.Template", "flow.ChildFlow", "execution.Fail", "execution.Exit", "execution.Labels",
        "execution.Count", "execution.Resume", "execution.PurgeExecutions", "execution.SetVariables",
        "execution.UnsetVariables", "execution.Assert", "debug.Return", "debug.Echo", "output.OutputValues",
        "http.Request", "http.Download", "http.Trigger", "http.SseRequest", "kv.Set", "kv.Get", "kv.Delete",
        "kv.GetKeys", "kv.PurgeKV", "namespace.UploadFiles", "namespace.DownloadFiles", "namespace.DeleteFiles",
        "namespace.PurgeFiles", "storage.Concat", "storage.Delete", "storage.DeduplicateItems", "storage.FilterItems",
        "storage.LocalFiles", "storage.Reverse", "storage.Size", "storage.Split", "storage.Write",
        "storage.PurgeCurrentExecutionFiles", "templating.TemplatedTask", "trigger.Schedule", "trigger.Flow",
        "trigger.Webhook", "trigger.ScheduleOnDates", "trigger.Toggle", "condition.ExecutionStatus",
        "condition.ExecutionFlow", "condition.ExecutionNamespace", "condition.DayWeek", "condition.TimeBetween",
        "condition.Expression", "condition.ExecutionLabels", "condition.Not", "condition.Or", "condition.Weekend",
        "condition.DateTimeBetween", "condition.DayWeekInMonth", "condition.PublicHoliday",
        "condition.ExecutionOutputs", "condition.FlowCondition", "condition.FlowNamespaceCondition",
        "condition.HasRetryAttempt", "condition.MultipleCondition",
    ]

    /// The properties core types cannot do without (Kestra's `@NotNull`/`@NotEmpty` annotations), by class name
    /// under `io.kestra.plugin.core.`. `Exit.state` is absent on purpose: it defaults to `SUCCESS`.
    static let requiredProperties: [String: [(String, PropertyRequirement)]] = [
        "log.Log": [("message", .notNull)],
        "flow.Sleep": [("duration", .notNull)],
        "flow.Subflow": [("namespace", .notEmpty), ("flowId", .notNull)],
        "flow.If": [("then", .notEmpty)],
        "execution.Labels": [("labels", .notNull)],
    ]

    /// The required properties of a task or trigger type (legacy names included).
    static func requiredProperties(of type: String) -> [(String, PropertyRequirement)] {
        let current = replacement(for: type) ?? type
        guard current.hasPrefix("io.kestra.plugin.core.") else { return [] }
        return requiredProperties[String(current.dropFirst("io.kestra.plugin.core.".count))] ?? []
    }

    /// The current name of a legacy core type (`io.kestra.core.tasks.log.Log` →
    /// `io.kestra.plugin.core.log.Log`), which Kestra still accepts but reports as deprecated.
    static func replacement(for type: String) -> String? {
        let legacyPrefix = "io.kestra.core.tasks."
        guard type.hasPrefix(legacyPrefix) else { return nil }
        let name = String(type.dropFirst(legacyPrefix.count))
        return coreTypes.contains(name) ? "io.kestra.plugin.core." + name : nil
    }

    /// Whether a `type` names a plugin the emulator knows.
    static func isKnown(_ type: String) -> Bool {
        if replacement(for: type) != nil { return true }
        if type.hasPrefix("io.kestra.plugin.core.") {
            return coreTypes.contains(String(type.dropFirst("io.kestra.plugin.core.".count)))
        }
        if type.hasPrefix("io.kestra.core.tasks.") || type.hasPrefix("io.kestra.core.models.") { return true }
        return acceptedPrefixes.contains { type.hasPrefix($0) }
    }
}
