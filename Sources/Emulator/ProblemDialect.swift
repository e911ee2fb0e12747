/// Kestra 2.x's dialect: RFC 9457 problem documents and `/actions/` routes.
struct ProblemDialect: ErrorDialect {
    var executionActionPrefix: [String] { ["actions"] }
    var openPaths: Set<String> { ["/api/v1/configs/login"] }
    var serverVersion: String { "2.0.3" }
    var generation: APIGeneration { .v2 }

    func response(for error: APIError, instance: String) -> EmulatorResponse {
        var members: [(String, JSONValue)] = [
            ("type", .string("https://kestra.io/docs/api-reference/problems/\(error.type.slug)")),
            ("title", .string(error.type.title)),
            ("status", .int(error.type.status)),
            ("detail", .string(error.detail.isEmpty ? error.type.title : error.detail)),
            ("instance", .string(instance)),
        ]
        if !error.errors.isEmpty {
            members.append(
                (
                    "errors",
                    .array(
                        error.errors.map { field in
                            var item: [(String, JSONValue)] = [("detail", .string(field.detail))]
                            if let pointer = field.pointer { item.append(("pointer", .string(pointer))) }
                            if let path = field.path { item.append(("path", .string(path))) }
                            return .object(item)
                        })
                ))
        }
        if error.type.status >= 500 && error.type.status != 503 {
            members.append(("traceId", .string(FriendlyID.make())))
        }
        var response = EmulatorResponse(status: error.type.status, json: .object(members))
        response.contentType = "application/problem+json"
        if error.type.status == 404 {
            response.headers.append(("X-Kestra-Edition", "OSS"))
        }
        return response
    }

    func unauthenticated(instance: String) -> EmulatorResponse {
        var response = self.response(
            for: APIError(type: .unauthenticated, detail: "Authentication required"), instance: instance)
        response.headers.append(("WWW-Authenticate", "Basic"))
        return response
    }
}
