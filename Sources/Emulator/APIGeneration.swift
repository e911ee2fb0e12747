/// The Kestra REST API generation the emulator speaks.
public enum APIGeneration: Int, Sendable {
    /// Kestra 1.x: actions without `/actions/`, Micronaut error bodies, `200 {count}` bulk answers, KV listed per
    /// namespace, `{abstractTrigger, triggerContext}` trigger items, an open `/api/v1/configs`.
    case v1 = 1
    /// Kestra 2.x: `/actions/` routes, RFC 9457 problem documents, asynchronous bulk answers, tenant-wide KV list.
    case v2 = 2
}
