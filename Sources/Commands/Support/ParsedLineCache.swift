import Synchronization

/// The commands a session has parsed, by their words: parsing is a pure function of the words
/// (ArgumentParser builds each command's option table by reflection, most of a warm script line's
/// CPU; docs/performance.md), so a line a session runs again reuses the parsed command. Commands are
/// values and `run(_:)` does not mutate them. Only successful parses are kept, at most `capacity`.
public final class ParsedLineCache: Sendable {
    private struct State {
        var commands: [[String]: any KestraCommand] = [:]
        var order: [[String]] = []
        var hits = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    /// An empty cache keeping at most `capacity` lines (the oldest goes first).
    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The command parsed earlier from exactly these words.
    func command(for words: [String]) -> (any KestraCommand)? {
        state.withLock { state in
            guard let command = state.commands[words] else { return nil }
            state.hits += 1
            return command
        }
    }

    /// Keeps the command parsed from these words.
    func store(_ command: any KestraCommand, for words: [String]) {
        state.withLock { state in
            if state.commands.updateValue(command, forKey: words) != nil { return }
            state.order.append(words)
            if state.order.count > capacity { state.commands[state.order.removeFirst()] = nil }
        }
    }

    /// How many lines were answered from the cache.
    public var hits: Int {
        state.withLock { $0.hits }
    }
}
