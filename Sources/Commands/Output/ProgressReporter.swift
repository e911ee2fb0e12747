import Synchronization

/// The one progress line of long transfers (`nsfiles upload|download`, `flows deploy`, `diff`,
/// `apply`): on stderr, only when stderr is a terminal, only once the work has run for a second,
/// redrawn in place at most ten times a second, and erased before the command prints anything else.
///
/// Items report `started` / `finished`; a ticker redraws while nothing finishes (one big file).
/// The clock is injected so tests drive the timing without sleeping.
public final class ProgressReporter: Sendable {
    /// How long work runs before the line appears.
    static let delay: Duration = .seconds(1)
    /// The shortest time between two redraws.
    static let interval: Duration = .milliseconds(100)
    /// The longest line drawn (a wrapped line could not be rewritten in place).
    static let width = 79

    private struct State {
        var label = ""
        var total = 0
        var done = 0
        var totalBytes: Int64 = 0
        var doneBytes: Int64 = 0
        var current: String?
        var origin: ContinuousClock.Instant?
        var running = false
        var drawn: ContinuousClock.Instant?
        var shownWidth = 0
    }

    private let output: (any TextOutput)?
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// A reporter writing to `output` when `enabled`; a disabled one writes nothing.
    init(
        output: any TextOutput, enabled: Bool,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.output = enabled ? output : nil
        self.now = now
    }

    /// The reporter of a command: on when stderr is a terminal, off with `--verbose` (the trace is
    /// the progress then, and its lines would tear the progress line).
    convenience init(context: CommandContext) {
        let verbose = (try? context.settings().verbose) ?? true
        self.init(output: context.streams.stderr, enabled: context.streams.stderr.isTerminal && !verbose)
    }

    /// Whether the line can appear at all.
    var isEnabled: Bool { output != nil }

    /// Starts counting a new batch of `total` items (`bytes` in all, when known) shown as `label`.
    func begin(_ label: String, total: Int, bytes: Int64 = 0) {
        state.withLock { state in
            state.label = label
            state.total = total
            state.done = 0
            state.totalBytes = bytes
            state.doneBytes = 0
            state.current = nil
        }
        refresh()
    }

    /// An item began; it is shown as the current one.
    func started(_ item: String) {
        state.withLock { $0.current = item }
        refresh()
    }

    /// An item ended after moving `bytes`.
    func finished(bytes: Int64 = 0) {
        state.withLock { state in
            state.done += 1
            state.doneBytes += bytes
        }
        refresh()
    }

    /// Draws the line when the work has run long enough and the last redraw is old enough.
    func refresh() {
        guard let output else { return }
        let now = now()
        state.withLock { state in
            guard state.running, let origin = state.origin, now - origin >= Self.delay else { return }
            if let drawn = state.drawn, now - drawn < Self.interval { return }
            let line = Self.line(state)
            let padding = String(repeating: " ", count: max(0, state.shownWidth - line.count))
            output.write("\r" + line + padding)
            state.shownWidth = line.count + padding.count
            state.drawn = now
        }
    }

    /// Erases the line, if one is shown.
    func clear() {
        guard let output else { return }
        state.withLock { state in
            if state.shownWidth > 0 {
                output.write("\r" + String(repeating: " ", count: state.shownWidth) + "\r")
            }
            state.shownWidth = 0
            state.drawn = nil
        }
    }

    /// Runs `body` with the line enabled (and a ticker redrawing it), erasing it at the end; the
    /// second counts from the first run (`apply` plans, then applies).
    func run<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        let started = now()
        state.withLock { state in
            state.origin = state.origin ?? started
            state.running = true
        }
        let ticker: Task<Void, Never>? =
            output == nil
            ? nil
            : Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.interval)
                    self?.refresh()
                }
            }
        defer {
            ticker?.cancel()
            state.withLock { $0.running = false }
            clear()
        }
        return try await body()
    }

    /// `jobs` with each operation reporting `started` (named by `name` of its placeholder result)
    /// and `finished` (with `bytes` of its result); counting starts as `label`.
    func track<Result: Sendable>(
        _ label: String, _ jobs: [ConcurrentJob<Result>], name: @escaping @Sendable (Result) -> String,
        bytes: @escaping @Sendable (Result) -> Int64? = { _ in nil }
    ) -> [ConcurrentJob<Result>] {
        var total = 0
        var totalBytes: Int64 = 0
        let tracked = jobs.map { job -> ConcurrentJob<Result> in
            guard case .run(let skipped, let operation) = job else { return job }
            total += 1
            totalBytes += bytes(skipped) ?? 0
            return .run(skipped: skipped) { [self] in
                started(name(skipped))
                let result = await operation()
                finished(bytes: bytes(result) ?? 0)
                return result
            }
        }
        begin(label, total: total, bytes: totalBytes)
        return tracked
    }

    /// `Uploading 12/200, 1.2 MiB/3.4 MiB scripts/etl.py`, cut to ``width``.
    private static func line(_ state: State) -> String {
        var counts = "\(state.label) \(state.done)/\(state.total)"
        if state.totalBytes > 0 { counts += ", \(size(state.doneBytes))/\(size(state.totalBytes))" }
        guard let current = state.current, !current.isEmpty else { return String(counts.prefix(width)) }
        let room = width - counts.count - 1
        guard room > 1 else { return String(counts.prefix(width)) }
        return counts + " " + (current.count <= room ? current : "…" + current.suffix(room - 1))
    }

    /// A byte count for people: `512 B`, `1.5 KiB`, `3.4 MiB`, `1.2 GiB`.
    static func size(_ bytes: Int64) -> String {
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" {
                let tenths = Int((value * 10).rounded())
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            value /= 1024
        }
        return "\(bytes) B"
    }
}
