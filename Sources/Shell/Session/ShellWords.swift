/// The words the shell handles itself instead of the command tree (docs/scripts.md, "Shell words").
public enum ShellWords {
    /// Every shell word; no CLI command may be named like one of them.
    public static let all: [String] = [
        "use", "set", "unset", "echo", "history", "help", "exit", "quit", "source", "try", "assert",
    ]

    /// One-line descriptions, in `help` order.
    static let descriptions: [(String, String)] = [
        ("use context NAME", "switch this session's context (the config file's default is untouched)"),
        ("use namespace NS, use NS", "session namespace, used by every [NS] argument"),
        ("set [NAME VALUE…]", "set a variable (no arguments: list them), used as ${NAME}"),
        ("unset NAME", "remove a variable"),
        ("echo WORDS…", "print the words"),
        ("history", "print the command history"),
        ("source PATH", "run a script in this session (PATH relative to the including script)"),
        ("try COMMAND…", "run; a failure is reported and recorded but does not stop a script"),
        ("assert A == B [\"message\"]", "fail with exit 7 unless true (also !=, or A alone: not empty)"),
        ("help [COMMAND…]", "this help, or a command's"),
        ("exit [CODE], quit", "leave the shell (Ctrl-D on an empty line too)"),
    ]
}
