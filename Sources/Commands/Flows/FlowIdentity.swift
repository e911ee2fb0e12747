import ArgumentParser

/// The `[NS] ID` positional pair of flow commands.
public struct FlowIdentity: ParsableArguments, Sendable {
    /// The namespace, or the flow id when only one value is given.
    @Argument(
        help: ArgumentHelp("Namespace (optional), then the flow id.", valueName: "namespace"),
        completion: ServerCompletion.namespaces
    )
    public var first: String
    /// The flow id when a namespace is given first.
    @Argument(help: ArgumentHelp("Flow id.", valueName: "id"), completion: ServerCompletion.flowIds)
    public var second: String?
    /// `-n, --namespace`.
    @OptionGroup public var namespaceOption: NamespaceOption

    /// Creates the arguments.
    public init() {}

    /// The namespace (the first argument, `-n`, or the session's namespace) and the flow id.
    func resolve(_ context: CommandContext) throws -> (namespace: String, id: String) {
        try Self.resolve(first: first, second: second, option: namespaceOption, context)
    }

    /// `[NS] ID` read from two positional words: one word is the id, two are the namespace and the id.
    static func resolve(first: String, second: String?, option: NamespaceOption, _ context: CommandContext) throws
        -> (namespace: String, id: String)
    {
        if let second { return (try context.namespace(positional: first, option: option), second) }
        return (try context.namespace(positional: nil, option: option), first)
    }
}
