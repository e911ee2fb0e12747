import Foundation
import NIOCore

/// All emulated server state (flows, executions, logs, files, KV, triggers) and the live subscribers, in one actor.
actor EmulatorState {
    /// A live log follower with its filters.
    struct LogFollower {
        var continuation: AsyncStream<ServerSentEvent>.Continuation
        var minimumLevel: LogLevel
        var taskId: String?
    }

    /// The user-set part of a trigger's state.
    struct TriggerOverride {
        var disabled: Bool?
        var updatedAt: Date
        /// Held by an execution (set through ``KestraEmulator/lockTrigger(namespace:flowId:triggerId:)``).
        var locked = false
        /// The execution holding the lock, which 1.x reports instead of `locked`.
        var lockingExecutionId: String?
    }

    static let maximumLogsPerExecution = 10_000

    let timeScale: Double
    let seedDirectory: String?
    /// The API generation whose shapes responses take.
    let generation: APIGeneration
    var baseURL = ""

    var flows: [String: FlowRecord] = [:]
    var executions: [String: ExecutionRecord] = [:]
    var logs: [String: [LogRecord]] = [:]
    var files: [String: NamespaceFileTree] = [:]
    var executionFiles: [String: ByteBuffer] = [:]
    var keyValues: [String: [String: KVRecord]] = [:]
    var touchedNamespaces: Set<String> = []
    var triggerOverrides: [String: TriggerOverride] = [:]
    var runners: [String: Task<Void, Never>] = [:]
    var executionFollowers: [String: [UUID: AsyncStream<ServerSentEvent>.Continuation]] = [:]
    var logFollowers: [String: [UUID: LogFollower]] = [:]
    var isShutDown = false

    init(timeScale: Double, seedDirectory: String?, generation: APIGeneration) {
        self.timeScale = timeScale
        self.seedDirectory = seedDirectory
        self.generation = generation
    }

    /// The shape of execution JSON for this generation: 1.x always sends the full `Execution`.
    func shape(_ wanted: ExecutionRecord.Shape) -> ExecutionRecord.Shape {
        generation == .v1 ? .full : wanted
    }

    /// An asynchronous bulk operation's answer: 2.x `202 {operationId, totalItems}`, 1.x `200 {count}`.
    func bulkAnswer(count: Int) -> EmulatorResponse {
        guard generation == .v2 else { return .json(.object([("count", .int(count))])) }
        return EmulatorResponse(
            status: 202, json: .object([("operationId", .string(UUID().uuidString)), ("totalItems", .int(count))]))
    }

    func setBaseURL(_ url: String) {
        baseURL = url
    }

    static func flowKey(_ namespace: String, _ id: String) -> String { "\(namespace)\u{0}\(id)" }

    /// Drops every piece of state, ends every stream and reloads the seed.
    func reset() throws {
        for runner in runners.values { runner.cancel() }
        runners = [:]
        finishAllStreams()
        flows = [:]
        executions = [:]
        logs = [:]
        files = [:]
        executionFiles = [:]
        keyValues = [:]
        touchedNamespaces = []
        triggerOverrides = [:]
        try loadSeed()
    }

    /// Stops run loops and ends every stream (server shutdown).
    func shutdown() {
        isShutDown = true
        for runner in runners.values { runner.cancel() }
        runners = [:]
        finishAllStreams()
    }

    private func finishAllStreams() {
        for followers in executionFollowers.values {
            for continuation in followers.values { continuation.finish() }
        }
        for followers in logFollowers.values {
            for follower in followers.values { follower.continuation.finish() }
        }
        executionFollowers = [:]
        logFollowers = [:]
    }

    /// Loads `flows/**/*.y{a,}ml`, `files/<namespace>/**` and `kv/<namespace>.y{a,}ml` from the seed directory.
    func loadSeed() throws {
        guard let seedDirectory else { return }
        let seed = try SeedDirectory.load(seedDirectory)
        for source in seed.flowSources {
            if let definition = try? FlowDefinition.parse(source) {
                storeNewRevision(source: source, definition: definition)
            }
        }
        for (namespace, path, contents) in seed.files {
            var tree = files[namespace] ?? NamespaceFileTree()
            try? tree.write(path, contents: contents)
            files[namespace] = tree
            touchedNamespaces.insert(namespace)
        }
        let now = Date()
        for (namespace, key, type, value) in seed.keyValues {
            keyValues[namespace, default: [:]][key] = KVRecord(
                type: type, value: value, revision: 1, creationDate: now, updateDate: now)
            touchedNamespaces.insert(namespace)
        }
    }
}
