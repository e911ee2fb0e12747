import ArgumentParser

/// The arguments of a command whose first argument is a namespace that `-n` may give instead
/// (`kv get NS KEY` ≡ `kv get -n NS KEY`). Parsing checks them (`validate()`), so a missing or extra
/// argument is a usage error before anything runs, and `shell --check` reports it.
public protocol NamespacedArguments: ParsableArguments {
    /// `-n NS`.
    var namespaceOption: NamespaceArgumentOption { get }
    /// The positional words as parsed, the namespace's slot first (unused trailing slots nil).
    var positionalWords: [String?] { get }
    /// The names of the arguments after the namespace that must be there.
    static var requiredArguments: [String] { get }
    /// How many more may follow them.
    static var optionalArguments: Int { get }
}

extension NamespacedArguments {
    /// None beyond the required ones.
    public static var optionalArguments: Int { 0 }

    /// The namespace and the other arguments, whichever way the namespace was given.
    public func namespaceAndArguments() throws -> (namespace: String, rest: [String]) {
        try namespaceOption.split(positionalWords, required: Self.requiredArguments, optional: Self.optionalArguments)
    }

    /// Checks the arguments while parsing.
    public mutating func validate() throws {
        _ = try namespaceAndArguments()
    }
}
