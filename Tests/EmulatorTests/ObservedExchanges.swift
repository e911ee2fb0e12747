import Emulator
import Synchronization

/// Collects exchanges reported to the observer callback.
final class ObservedExchanges: Sendable {
    private let storage = Mutex<[RecordedExchange]>([])

    func append(_ exchange: RecordedExchange) {
        storage.withLock { $0.append(exchange) }
    }

    var all: [RecordedExchange] { storage.withLock { $0 } }
}
