import ArgumentParser

/// `kestractl kv …`: read and write a namespace's key-value store.
public struct KVCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "kv",
        abstract: "List, read, write and delete typed key-value pairs of a namespace.",
        discussion: """
            Examples:
              kestractl kv list company.team
              kestractl kv set company.team NUMBER threshold 1725000000000000001
              kestractl kv get company.team threshold -o json
            """,
        subcommands: [KVList.self, KVGet.self, KVSet.self, KVDelete.self]
    )

    /// Creates the command.
    public init() {}
}
