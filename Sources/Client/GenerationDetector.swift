import Synchronization

/// Remembers which API generation a server speaks: configured up front, or learnt once from
/// `GET /api/v1/configs` by the first request that needs it (concurrent callers share that one read).
final class GenerationDetector: Sendable {
    /// A generation and the server version it was read from (nil when configured or guessed).
    struct Finding: Sendable, Equatable {
        var generation: APIGeneration
        var serverVersion: String?
    }

    private enum Phase {
        case unknown
        case detecting(Task<Finding, any Error>)
        case known(Finding)
    }

    private let state: Mutex<(phase: Phase, redetected: Bool)>

    /// Starts from a configured generation, or unknown when `configured` is nil.
    init(configured: APIGeneration?) {
        state = Mutex((configured.map { .known(Finding(generation: $0, serverVersion: nil)) } ?? .unknown, false))
    }

    /// Keeps a finding read by someone else (e.g. `server info`) when nothing is known yet.
    func learn(_ finding: Finding) {
        state.withLock { state in
            if case .unknown = state.phase { state.phase = .known(finding) }
        }
    }

    /// The known finding, or the result of `detect`, run once however many callers wait for it; a
    /// failed or cancelled detection is forgotten so that the next request tries again.
    func finding(detect: @escaping @Sendable () async throws -> Finding) async throws -> Finding {
        let next: Phase = state.withLock { state in
            if case .unknown = state.phase { state.phase = .detecting(Task { try await detect() }) }
            return state.phase
        }
        let task: Task<Finding, any Error>
        switch next {
        case .known(let finding): return finding
        case .detecting(let running): task = running
        case .unknown: throw CancellationError()
        }
        do {
            let finding = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
            state.withLock { state in
                if case .detecting = state.phase { state.phase = .known(finding) }
            }
            return finding
        } catch {
            state.withLock { state in
                if case .detecting = state.phase { state.phase = .unknown }
            }
            throw error
        }
    }

    /// Reads the generation again with `detect` after an answer showed another one; at most once per
    /// client, so a server that keeps contradicting itself costs one extra request, never a loop. Returns
    /// the new finding, or nil when a re-detection already happened.
    func redetect(with detect: @Sendable () async throws -> Finding) async throws -> Finding? {
        let first = state.withLock { state in
            defer { state.redetected = true }
            return !state.redetected
        }
        guard first else { return nil }
        let finding = try await detect()
        state.withLock { $0.phase = .known(finding) }
        return finding
    }
}
