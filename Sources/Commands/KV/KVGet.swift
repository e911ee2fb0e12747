import ArgumentParser
import Client

/// `kestractl kv get NS KEY`.
public struct KVGet: KestraCommand, NamespacedArguments {
    /// Name, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a key's type and exact value.",
        discussion: """
            Numbers are printed with all their digits (never through a floating-point value); JSON \
            values are printed compactly.

            Examples:
              kestractl kv get company.team threshold
              kestractl kv get company.team config -o json
              kestractl kv get -n company.team threshold
            """,
        aliases: ["show"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    @Argument(help: "Key.") public var key: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, key] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["KEY"]
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Prints the value.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let key = rest[0]
        let value = try await context.client().kv.get(namespace: namespace, key: key)
        let details = KVDetails(namespace: namespace, key: key, type: value.type, value: value.value)
        try context.printer().printDetails(
            details,
            rows: [
                ("Namespace", namespace), ("Key", key), ("Type", value.type.rawValue),
                ("Value", try KVDetails.text(of: value.value)),
            ])
    }
}
