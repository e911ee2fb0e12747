import ArgumentParser
import Client

/// `kestractl kv set NS TYPE KEY VALUE [--ttl DUR]` or `… KEY --value-stdin`.
public struct KVSet: KestraCommand, NamespacedArguments {
    /// Name, alias, abstract and examples.
    public static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Create or replace a typed value, checked before anything is sent.",
        discussion: """
            TYPE is one of STRING NUMBER BOOLEAN DATETIME DATE DURATION JSON. The value is checked \
            for its type (exit 2 when it does not fit); --ttl (30m, 1h, 2d or ISO-8601) makes the \
            key expire. --value-stdin reads the value from standard input (one trailing newline \
            stripped), for large or secret values.

            Examples:
              kestractl kv set company.team STRING greeting "hello world" --ttl 1h
              kestractl kv set company.team JSON config '{"retries":3,"big":1725000000000000001}'
              cat query.sql | kestractl kv set company.team STRING query --value-stdin
              kestractl kv set -n company.team NUMBER retries 3
            """,
        aliases: ["put"]
    )

    /// Namespace (or `-n`).
    @Argument(help: "Namespace (or -n).") public var namespace: String?
    @Argument(help: "STRING, NUMBER, BOOLEAN, DATETIME, DATE, DURATION or JSON.") public var type: String?
    @Argument(help: "Key.") public var key: String?
    @Argument(help: "Value (or --value-stdin).") public var value: String?
    /// `-n NS`.
    @OptionGroup public var namespaceOption: NamespaceArgumentOption
    /// The positional words, the namespace's slot first.
    public var positionalWords: [String?] { [namespace, type, key, value] }
    /// The arguments after the namespace.
    public static let requiredArguments = ["TYPE", "KEY"]
    /// More may follow.
    public static let optionalArguments = 1
    /// Read the value from stdin.
    @Flag(name: .customLong("value-stdin"), help: "Read the value from standard input.") public var valueStdin = false
    /// Time to live.
    @Option(name: .long, help: "Expire the key after this duration (30m, 1h, 2d, PT1H).") public var ttl: String?
    /// Global options.
    @OptionGroup public var globals: GlobalOptions

    /// Creates the command.
    public init() {}

    /// Validates, writes and reports.
    public func run(_ context: CommandContext) async throws {
        let (namespace, rest) = try namespaceAndArguments()
        let (type, key, value) = (rest[0], rest[1], rest.count > 2 ? rest[2] : nil)
        if value != nil && valueStdin { throw UsageError("give the value as an argument or --value-stdin, not both") }
        if value == nil && !valueStdin { throw UsageError("missing VALUE (or --value-stdin)") }
        let kvType = try KVValueInput.type(type)
        let text = try value ?? context.readSecret(option: "--value-stdin")
        let jsonText = try KVValueInput.jsonText(type: kvType, value: text)
        let ttl = try self.ttl.map { HumanDuration.iso8601(try HumanDuration.parse($0, option: "--ttl")) }
        try await context.client().kv.put(namespace: namespace, key: key, jsonText: jsonText, ttl: ttl)
        context.produce(.key(namespace: namespace, key: key))
        let expiry = ttl.map { " (expires after \($0))" } ?? ""
        var fields: [String: StatusValue] = [
            "namespace": .text(namespace), "key": .text(key), "type": .text(kvType.rawValue), "status": .text("set"),
        ]
        if let ttl { fields["ttl"] = .text(ttl) }
        try context.printer().printStatus(
            "Key '\(key)' set in namespace '\(namespace)' as \(kvType.rawValue)\(expiry).", fields)
    }
}
