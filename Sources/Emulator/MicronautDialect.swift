/// Kestra 1.x's dialect: Micronaut `JsonError` bodies (`message` prefixed by the reason, `_links.self`,
/// `_embedded.errors`), empty-bodied 401s, actions directly under `/executions/{id}/` and an open `/api/v1/configs`.
struct MicronautDialect: ErrorDialect {
    var executionActionPrefix: [String] { [] }
    var openPaths: Set<String> { ["/api/v1/configs"] }
    var serverVersion: String { "1.3.5" }
    var generation: APIGeneration { .v1 }

    func response(for error: APIError, instance: String) -> EmulatorResponse {
        let (status, message) = Self.statusAndMessage(error)
        var members: [(String, JSONValue)] = [
            ("message", .string(message)),
            ("_links", .object([("self", .object([("href", .string(instance)), ("templated", .bool(false))]))])),
        ]
        let errors: [JSONValue] = error.errors.map { field in
            var item: [(String, JSONValue)] = [("message", .string(field.detail))]
            if let path = field.propertyPath ?? field.path { item.append(("path", .string(path))) }
            return .object(item)
        }
        members.append(("_embedded", .object(errors.isEmpty ? [] : [("errors", .array(errors))])))
        return EmulatorResponse(status: status, json: .object(members))
    }

    /// The 1.x authentication filter answers before any controller: no body at all.
    func unauthenticated(instance: String) -> EmulatorResponse {
        var response = EmulatorResponse(status: 401)
        response.headers.append(("WWW-Authenticate", "Basic"))
        return response
    }

    /// The status and `message` Kestra 1.x's ErrorController writes for an error: the reason of the exception
    /// class, then its message.
    private static func statusAndMessage(_ error: APIError) -> (Int, String) {
        let detail = error.detail
        switch error.type {
        case .notFound:
            return (404, error.isMissingRoute ? "Not Found" : "Not Found: \(detail)")
        case .conflict:
            return (409, "Illegal state: \(detail)")
        case .entityAlreadyExists:
            // 1.x reports a duplicate as a constraint violation of the entity.
            let violations = error.errors.map { "\($0.path ?? ""): \($0.detail)" }.joined(separator: ", ")
            return (422, "Invalid entity: \(violations.isEmpty ? detail : violations)")
        case .validationFailed, .invalidEntity:
            return (422, "Invalid entity: \(detail)")
        case .invalidArgument:
            return (422, "Illegal argument: \(detail)")
        case .invalidPluginType:
            return (422, detail.hasPrefix("Invalid type") ? detail : "Invalid type: \(detail)")
        case .invalidJSON, .invalidRequestBody:
            return (422, "Invalid json: \(detail)")
        case .badRequest, .invalidQueryParameter:
            return (400, "Bad Request: \(detail)")
        case .resourceExpired:
            return (410, "Resource has expired: \(detail)")
        case .unsupportedMediaType:
            return (415, detail)
        case .internalError:
            return (500, "Internal server error: \(detail)")
        default:
            return (error.type.status, detail.isEmpty ? error.type.title : detail)
        }
    }
}
