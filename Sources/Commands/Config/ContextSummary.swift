import Client

/// A context as `config list` shows it: no secrets.
struct ContextSummary: TableRepresentable, Equatable {
    var current: Bool
    var name: String
    var host: String
    var tenant: String
    var auth: String
    var namespace: String?

    static let columns: [TableColumn<ContextSummary>] = [
        TableColumn("current") { $0.current ? "*" : "" },
        TableColumn("name") { $0.name },
        TableColumn("host") { $0.host },
        TableColumn("tenant") { $0.tenant },
        TableColumn("auth") { $0.auth },
        TableColumn("namespace") { $0.namespace },
    ]

    init(name: String, context: KestraContext, current: Bool) {
        self.current = current
        self.name = name
        host = Redaction.userInfo(in: context.host)
        tenant = context.tenant
        if context.token != nil {
            auth = "token"
        } else if let username = context.username {
            auth = "basic (\(username))"
        } else {
            auth = "none"
        }
        namespace = context.namespace
    }
}
