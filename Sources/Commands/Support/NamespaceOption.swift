import ArgumentParser

/// `-n, --namespace NS`, accepted by every command that takes a namespace.
public struct NamespaceOption: ParsableArguments, Sendable {
    /// The namespace given with `-n`.
    @Option(
        name: [.customShort("n"), .long],
        help: "Namespace (else the shell session's, else the context's).",
        completion: ServerCompletion.namespaces
    )
    public var namespace: String?

    /// Creates the option group.
    public init() {}
}

extension CommandContext {
    /// The namespace a command works in: the positional value, then `-n`, then the shell session's
    /// (`use namespace`), then the context's `namespace`; a usage error says how to give one.
    public func namespace(positional: String?, option: NamespaceOption) throws -> String {
        if let positional, !positional.isEmpty { return positional }
        if let flag = option.namespace, !flag.isEmpty { return flag }
        if let session = session?.namespace, !session.isEmpty { return session }
        if let fromContext = try settings().namespace { return fromContext }
        throw UsageError(
            "no namespace given",
            hint:
                "pass it as an argument, with -n NAMESPACE, or set one for the context with 'kestractl config add … --namespace NS'"
        )
    }
}
