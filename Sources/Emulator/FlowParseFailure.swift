/// The violations that make a flow source invalid.
struct FlowParseFailure: Error, Sendable {
    var violations: [FlowViolation]

    /// The joined `path: message` text Kestra reports as `constraints` or as the problem detail.
    var constraints: String {
        violations.map(\.text).joined(separator: ", ")
    }

    /// The API error for create/update: an invalid plugin type or a validation failure.
    var apiError: APIError {
        if let typeViolation = violations.first(where: \.isInvalidType), violations.count == 1 {
            return APIError(type: .invalidPluginType, detail: typeViolation.message)
        }
        return APIError.validation(violations)
    }
}
