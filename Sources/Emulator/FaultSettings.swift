/// Faults the emulator injects into `/api` exchanges for reliability tests.
public struct FaultSettings: Sendable, Equatable, Codable {
    /// Probability of answering 503 service-unavailable instead of handling the request.
    public var faultRate: Double
    /// Delay added before every faultable request is handled.
    public var latencyMilliseconds: Int
    /// Probability of closing the connection in the middle of the response body.
    public var dropRate: Double
    /// Regular expression on the request path; faults only apply to matching paths (nil means every `/api` path).
    public var routes: String?

    /// Settings that inject no fault at all.
    public static let none = FaultSettings()

    /// Creates fault settings.
    public init(faultRate: Double = 0, latencyMilliseconds: Int = 0, dropRate: Double = 0, routes: String? = nil) {
        self.faultRate = faultRate
        self.latencyMilliseconds = latencyMilliseconds
        self.dropRate = dropRate
        self.routes = routes
    }

    private enum CodingKeys: String, CodingKey {
        case faultRate, latencyMilliseconds, dropRate, routes
    }

    /// Decodes settings, treating every missing key as its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        faultRate = try container.decodeIfPresent(Double.self, forKey: .faultRate) ?? 0
        latencyMilliseconds = try container.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0
        dropRate = try container.decodeIfPresent(Double.self, forKey: .dropRate) ?? 0
        routes = try container.decodeIfPresent(String.self, forKey: .routes)
    }
}
