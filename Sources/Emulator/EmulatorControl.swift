import NIOCore
import Synchronization

/// The emulator's control plane: current fault settings and the journal of recorded exchanges.
final class EmulatorControl: Sendable {
    static let journalLimit = 10_000

    let configuredFaults: FaultSettings
    let observer: (@Sendable (RecordedExchange) -> Void)?
    private let faults: Mutex<FaultSettings>
    private let journal = Mutex<[RecordedExchange]>([])
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Remembers an open connection until it closes.
    func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let isNew = connections.withLock { open in
            guard open[key] == nil else { return false }
            open[key] = channel
            return true
        }
        if isNew {
            channel.closeFuture.whenComplete { [weak self] _ in
                _ = self?.connections.withLock { $0.removeValue(forKey: key) }
            }
        }
    }

    /// Closes every connection still open (idle keep-alive connections included).
    func closeConnections() {
        let open = connections.withLock { open in
            defer { open.removeAll() }
            return Array(open.values)
        }
        for channel in open { channel.close(promise: nil) }
    }

    init(faults: FaultSettings, observer: (@Sendable (RecordedExchange) -> Void)?) {
        self.configuredFaults = faults
        self.observer = observer
        self.faults = Mutex(faults)
    }

    var currentFaults: FaultSettings {
        faults.withLock { $0 }
    }

    func setFaults(_ settings: FaultSettings) {
        faults.withLock { $0 = settings }
    }

    func record(_ exchange: RecordedExchange) {
        journal.withLock { entries in
            entries.append(exchange)
            if entries.count > EmulatorControl.journalLimit + 1000 {
                entries.removeFirst(entries.count - EmulatorControl.journalLimit)
            }
        }
        observer?(exchange)
    }

    var recorded: [RecordedExchange] {
        journal.withLock { Array($0.suffix(EmulatorControl.journalLimit)) }
    }

    /// Forgets recorded exchanges and restores the configured faults.
    func reset() {
        journal.withLock { $0.removeAll() }
        faults.withLock { $0 = configuredFaults }
    }
}
