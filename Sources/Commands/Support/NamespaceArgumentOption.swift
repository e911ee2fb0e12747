import ArgumentParser

/// `-n, --namespace NS` of the commands whose first argument is a namespace (`kv get NS KEY`): the
/// namespace given this way is left out of the arguments. It is never taken from the shell session
/// or the context.
public struct NamespaceArgumentOption: ParsableArguments, Sendable {
    /// The namespace given with `-n`.
    @Option(
        name: [.customShort("n"), .long], help: "The namespace, instead of the first argument.",
        completion: ServerCompletion.namespaces)
    public var namespace: String?

    /// Creates the option group.
    public init() {}

    /// The namespace and the other arguments, from the positional `words` as parsed (the first slot is
    /// the namespace's; unused trailing slots are nil): with `-n` every word is one of the others.
    /// `required` names the other arguments that must be there; `optional` more may follow.
    func split(_ words: [String?], required: [String], optional: Int = 0) throws -> (namespace: String, rest: [String])
    {
        let given = words.compactMap { $0 }
        let namespace: String
        let rest: [String]
        if let flag = self.namespace {
            (namespace, rest) = (flag, given)
            if rest.count > required.count + optional {
                throw UsageError(
                    "too many arguments: '\(rest[required.count + optional])' (with -n the namespace is not given "
                        + "again as the first argument)")
            }
        } else {
            guard let first = given.first else {
                throw UsageError("missing NAMESPACE: give it as the first argument or with -n")
            }
            (namespace, rest) = (first, Array(given.dropFirst()))
        }
        if rest.count < required.count { throw UsageError("missing \(required[rest.count])") }
        return (namespace, rest)
    }
}
