import ArgumentParser

/// `--flow ID`, with the Go tool's spelling `--flow-id ID` accepted but hidden from help.
public struct FlowFilterOption: ParsableArguments, Sendable {
    /// The flow id.
    @Option(name: .long, help: ArgumentHelp("Only this flow.", valueName: "id"), completion: ServerCompletion.flowIds)
    public var flow: String?
    /// The Go tool's spelling of `--flow`.
    @Option(name: .customLong("flow-id"), help: .hidden) public var flowId: String?

    /// Creates the option group.
    public init() {}

    /// Folds `--flow-id` into `--flow`; two different values are a usage error.
    public mutating func validate() throws {
        guard let flowId else { return }
        if let flow, flow != flowId { throw ValidationError("--flow and --flow-id name different flows") }
        flow = flowId
    }
}
