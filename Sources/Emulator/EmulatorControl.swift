import Synchronization

/// The emulator's control plane: current fault settings and the journal of recorded exchanges.
final class EmulatorControl: Sendable {
    static let journalLimit = 10_000

    let configuredFaults: FaultSettings
    let observer: (@Sendable (RecordedExchange) -> Void)?
    private let faults: Mutex<FaultSettings>
    private let journal = Mutex<[RecordedExchange]>([])

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
