extension RequestExecutor {
    /// The server's generation: configured, already known, or read once from `GET /api/v1/configs`.
    func generation() async throws -> GenerationDetector.Finding {
        try await detector.finding { [self] in try await readGeneration(fallback: .v2) }
    }

    /// Runs `send` for the server's generation, for a request whose route, query or body differs
    /// between generations (requests that are the same on both never pay for a detection).
    ///
    /// When the answer shows the other generation (a 2.x problem document, or a 1.x error body on a
    /// route the server does not know), the generation is read again, once per client, and `send`
    /// runs once more if it changed.
    func generationSpecific<Value>(_ send: (APIGeneration) async throws -> Value) async throws -> Value {
        let assumed = try await generation().generation
        do {
            return try await send(assumed)
        } catch let error as KestraError {
            guard let shown = error.shownGeneration, shown != assumed else { throw error }
            let reread: @Sendable () async throws -> GenerationDetector.Finding = { [self] in
                try await readGeneration(fallback: shown)
            }
            guard let corrected = try await detector.redetect(with: reread), corrected.generation != assumed else {
                throw error
            }
            return try await send(corrected.generation)
        }
    }

    /// Reads the version from `GET /api/v1/configs`. Only 2.x protects that route, so a 401 or 403 means 2.x;
    /// a version without a major number (development builds) or another HTTP error gives `fallback`.
    private func readGeneration(fallback: APIGeneration) async throws -> GenerationDetector.Finding {
        let configuration: ServerConfiguration
        do {
            configuration = try await decode(ServerConfiguration.self, APIRequest(.get, routes.configs))
        } catch KestraError.http(let status, _, _) where status == 401 || status == 403 {
            return GenerationDetector.Finding(generation: .v2, serverVersion: nil)
        } catch KestraError.http, KestraError.decoding {
            return GenerationDetector.Finding(generation: fallback, serverVersion: nil)
        }
        let version = configuration.version
        return GenerationDetector.Finding(
            generation: version.flatMap(APIGeneration.init(knownVersion:)) ?? fallback, serverVersion: version)
    }
}

extension KestraError {
    /// The generation an error answer belongs to, when its body tells: a problem document is 2.x; a
    /// Micronaut error on an unknown route or method (404, 405) is 1.x (2.x answers those with a problem).
    var shownGeneration: APIGeneration? {
        guard case .http(let status, _, let body) = self else { return nil }
        switch body {
        case .problem: return .v2
        case .legacy where status == 404 || status == 405: return .v1
        default: return nil
        }
    }
}

extension RequestExecutor {
    /// Refuses, before anything is sent, a feature the server's generation lacks: one clear error naming the
    /// server version instead of the 404 its missing route would answer.
    func require(_ generation: APIGeneration, for feature: String) async throws {
        let finding = try await self.generation()
        guard finding.generation.rawValue < generation.rawValue else { return }
        var version = finding.serverVersion
        if version == nil {
            version = try? await decode(ServerConfiguration.self, APIRequest(.get, routes.configs)).version
        }
        throw KestraError.unsupportedByServer(feature: feature, needs: generation, serverVersion: version)
    }
}
