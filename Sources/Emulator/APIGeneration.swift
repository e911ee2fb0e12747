/// The Kestra REST API generation the emulator speaks.
public enum APIGeneration: Int, Sendable {
    /// Kestra 1.x routes and Micronaut error bodies (not implemented yet).
    case v1 = 1
    /// Kestra 2.x routes and RFC 9457 problem documents.
    case v2 = 2
}
