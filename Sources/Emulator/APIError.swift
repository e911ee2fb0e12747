/// A failed API call: the problem type, the occurrence detail and per-field errors.
struct APIError: Error, Sendable {
    /// One field-level violation of a validation problem.
    struct FieldError: Sendable {
        var detail: String
        var path: String?
        var pointer: String?
        /// The path with list indexes (`tasks[0].message`) 1.x reports, when it differs from `path`.
        var propertyPath: String?
    }

    var type: ProblemType
    var detail: String
    var errors: [FieldError] = []

    static func notFound(_ detail: String) -> APIError { APIError(type: .notFound, detail: detail) }

    /// Whether this is the answer to a path no route matches (`notFound("Page Not Found")`).
    var isMissingRoute: Bool { type == .notFound && detail == "Page Not Found" }
    static func conflict(_ detail: String) -> APIError { APIError(type: .conflict, detail: detail) }
    static func invalidEntity(_ detail: String) -> APIError { APIError(type: .invalidEntity, detail: detail) }
    static func invalidArgument(_ detail: String) -> APIError { APIError(type: .invalidArgument, detail: detail) }
    static func badRequest(_ detail: String) -> APIError { APIError(type: .badRequest, detail: detail) }

    static func unsupportedMediaType(_ contentType: String?) -> APIError {
        APIError(
            type: .unsupportedMediaType,
            detail: "Content Type [\(contentType ?? "none")] not allowed")
    }

    /// A validation failure built from `path: message` constraint violations.
    static func validation(_ violations: [FlowViolation]) -> APIError {
        APIError(
            type: .validationFailed,
            detail: violations.map(\.text).joined(separator: ", "),
            errors: violations.map {
                FieldError(
                    detail: $0.message, path: $0.namedPath ?? $0.path,
                    pointer: $0.path.map(FlowViolation.pointer(for:)),
                    propertyPath: $0.path)
            })
    }
}
