/// One logical line of a parsed script, with what it includes when it is a `source` with a
/// literal path (parsed ahead, like the rest of the script).
public struct ScriptStep: Sendable {
    /// The tokenised line.
    public var line: ShellLine
    /// The file a literal `source PATH` line includes, already parsed.
    public var included: ScriptFile?

    /// Creates a step.
    public init(line: ShellLine, included: ScriptFile? = nil) {
        self.line = line
        self.included = included
    }
}
