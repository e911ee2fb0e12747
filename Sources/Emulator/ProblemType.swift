/// An entry of Kestra 2.x's problem type catalogue (slug, title and status).
struct ProblemType: Sendable, Equatable {
    var slug: String
    var title: String
    var status: Int

    static let invalidJSON = ProblemType(slug: "invalid-json", title: "Invalid JSON", status: 422)
    static let invalidPluginType = ProblemType(slug: "invalid-plugin-type", title: "Invalid plugin type", status: 422)
    static let invalidRequestBody = ProblemType(
        slug: "invalid-request-body", title: "Invalid request body", status: 422)
    static let invalidArgument = ProblemType(slug: "invalid-argument", title: "Invalid argument", status: 422)
    static let badRequest = ProblemType(slug: "bad-request", title: "Bad request", status: 400)
    static let invalidQueryParameter = ProblemType(
        slug: "invalid-query-parameter", title: "Invalid query parameter", status: 400)
    static let invalidQueryFilters = ProblemType(
        slug: "invalid-query-filters", title: "Invalid query filters", status: 400)
    static let validationFailed = ProblemType(slug: "validation-failed", title: "Validation failed", status: 422)
    static let invalidEntity = ProblemType(slug: "invalid-entity", title: "Invalid entity", status: 422)
    static let unauthenticated = ProblemType(slug: "unauthenticated", title: "Authentication required", status: 401)
    static let notFound = ProblemType(slug: "not-found", title: "Resource not found", status: 404)
    static let conflict = ProblemType(slug: "conflict", title: "Conflict", status: 409)
    static let entityAlreadyExists = ProblemType(
        slug: "entity-already-exists", title: "Entity already exists", status: 409)
    static let resourceExpired = ProblemType(slug: "resource-expired", title: "Resource has expired", status: 410)
    static let methodNotAllowed = ProblemType(slug: "method-not-allowed", title: "Method not allowed", status: 405)
    static let unsupportedMediaType = ProblemType(
        slug: "unsupported-media-type", title: "Unsupported media type", status: 415)
    static let payloadTooLarge = ProblemType(slug: "payload-too-large", title: "Payload too large", status: 413)
    static let internalError = ProblemType(slug: "internal-error", title: "Internal server error", status: 500)
    static let serviceUnavailable = ProblemType(
        slug: "service-unavailable", title: "Service unavailable", status: 503)
}
