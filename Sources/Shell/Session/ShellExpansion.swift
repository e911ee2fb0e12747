import Commands

/// Turns a line's words into the argv it runs with: `${name}`, `${name:-default}` and
/// `${env:NAME}` substituted once, never re-split (docs/scripts.md, "Expansion").
struct ShellExpansion: Sendable {
    /// The session whose variables `${name}` and `${env:NAME}` expand to.
    let session: ShellSession

    /// The expansion of a session as it is now.
    init(_ session: ShellSession) {
        self.session = session
    }

    /// The words of `line` with every expansion substituted. The shell's variables are looked up
    /// only for a line that refers to one (`${CONTEXT}` resolves the settings).
    func expand(_ line: ShellLine) throws(ExpansionError) -> [String] {
        let refersToVariables = line.words.contains { word in
            word.parts.contains { if case .variable = $0 { true } else { false } }
        }
        let values = refersToVariables ? variables() : [:]
        var words: [String] = []
        for word in line.words {
            words.append(try word.expand(variables: values, environment: session.environment))
        }
        return words
    }

    /// What `${name}` expands to: the user's variables, then the shell's own.
    private func variables() -> [String: String] {
        let state = session.current
        let effective = session.effectiveContext()
        var values = state.variables
        for variable in ShellVariable.allCases {
            if let value = Self.value(of: variable, in: state, effective: effective) {
                values[variable.rawValue] = value
            }
        }
        return values
    }

    /// A shell variable's value, nil while it has none (`LAST_ID` before any id, `SCRIPT_DIR` at the prompt).
    private static func value(
        of variable: ShellVariable, in state: ShellSession.State, effective: (context: String?, namespace: String?)
    ) -> String? {
        switch variable {
        case .lastStatus: return state.last.map { $0.succeeded ? "ok" : "error" }
        case .lastExit: return state.last.map { String($0.exitCode) }
        case .lastError:
            return state.last.map { last in
                if last.succeeded { return "" }
                return last.failure?.message ?? "exit code \(last.exitCode)"
            }
        case .lastID: return state.lastIdentifier
        case .context: return effective.context
        case .namespace: return effective.namespace
        case .scriptDirectory: return state.script?.directory
        case .scriptFile: return state.script?.file
        case .onError: return state.settings.onError.rawValue
        case .echo: return state.settings.echo.rawValue
        case .output: return state.command.output?.rawValue
        }
    }
}
