import Commands
import Foundation

/// `shell --check` (docs/scripts.md, "Checking a script"): validates every line of the scripts and
/// of those they include, sending nothing. Shell words go through the parse running uses
/// (`ShellInvocation`), commands through the dispatcher's own ArgumentParser parse: the whole
/// command path, options, arity and enum values. A value that cannot be known before running
/// (`${LAST_ID}`, a variable set from one, an unset environment variable) is opaque: the line
/// passes when a value would make it parse; a line whose command name is opaque is not checked.
struct ScriptChecker {
    /// What is known of the variables at one point of the script.
    struct Knowledge {
        /// Variables whose value is known.
        var values: [String: String]
        /// Variables that will have a value only known when running.
        var opaque: Set<String> = [
            ShellVariable.lastStatus, .lastExit, .lastError, .lastID, .context, .namespace,
        ].reduce(into: []) { $0.insert($1.rawValue) }
        /// After a `source` whose path is opaque any variable may have been set there.
        var anythingMayBeSet = false

        /// Knowledge starting from the invocation's `--var` values and settings.
        init(values: [String: String]) {
            self.values = values
        }

        /// Records that `name` now holds `value`, or a value known only when running (nil).
        mutating func remember(_ name: String, _ value: String?) {
            values[name] = value
            if value == nil { opaque.insert(name) } else { opaque.remove(name) }
        }
    }

    /// What `${env:NAME}` expands to.
    let environment: [String: String]

    /// A word as far as it is known: its pieces, nil where a value is opaque.
    private typealias Pieces = [String?]

    /// The diagnostics of every problem in `files`, run in order with `knowledge`; empty when none.
    func check(_ files: [ScriptFile], knowledge: Knowledge) async -> String {
        var knowledge = knowledge
        var diagnostics = ""
        for file in files { diagnostics += await check(file, &knowledge) }
        return diagnostics
    }

    private func check(_ file: ScriptFile, _ knowledge: inout Knowledge) async -> String {
        let including = (knowledge.values["SCRIPT_DIR"], knowledge.values["SCRIPT_FILE"])
        knowledge.values["SCRIPT_DIR"] = URL(fileURLWithPath: file.directory).standardizedFileURL.path
        knowledge.values["SCRIPT_FILE"] = file.name
        defer { (knowledge.values["SCRIPT_DIR"], knowledge.values["SCRIPT_FILE"]) = including }
        var diagnostics = ""
        for step in file.steps { diagnostics += await check(step, in: file, &knowledge) }
        return diagnostics
    }

    private func check(_ step: ScriptStep, in file: ScriptFile, _ knowledge: inout Knowledge) async -> String {
        let line = step.line
        var words: [Pieces] = []
        var undefined: ExpansionError?
        for word in line.words {
            do {
                words.append(try pieces(word, knowledge))
            } catch {
                // Reported once; the line is still learnt from, the undefined value opaque.
                undefined = undefined ?? error
                words.append(word.parts.map { if case .literal(let text) = $0 { text } else { nil } })
            }
        }
        if let undefined {
            let diagnostic = file.diagnostic(line: undefined.line, column: undefined.column, message: undefined.message)
            return diagnostic + (await learn(words, step: step, in: file, &knowledge))
        }
        if Self.commandNameIsOpaque(words) { return "" }
        if let problem = await firstProblem(Self.candidates(words)) {
            let word =
                problem.argumentIndex.flatMap { line.words.indices.contains($0) ? line.words[$0] : nil }
                ?? line.words[0]
            return file.diagnostic(line: word.line, column: word.column, message: problem.message, hint: problem.hint)
        }
        return await learn(words, step: step, in: file, &knowledge)
    }

    /// Learns from a line whose words are `words`, opaque where nil.
    private func learn(_ words: [Pieces], step: ScriptStep, in file: ScriptFile, _ knowledge: inout Knowledge)
        async -> String
    {
        let known = words.allSatisfy { !$0.contains(nil) }
        guard let invocation = try? ShellInvocation.parse(words.map { $0.map { $0 ?? "x" }.joined() }) else {
            return ""
        }
        return await learn(invocation, known: known, step: step, in: file, &knowledge)
    }

    /// Updates what is known after a line that parses: `set`, `unset`, `source`.
    private func learn(
        _ invocation: ShellInvocation, known: Bool, step: ScriptStep, in file: ScriptFile,
        _ knowledge: inout Knowledge
    ) async -> String {
        switch invocation {
        case .try(let inner, _):
            return await learn(inner, known: known, step: step, in: file, &knowledge)
        case .set(let name, let value):
            knowledge.remember(name, known ? value : nil)
        case .setting(let variable, nil):
            // `unset` puts a setting back to its default; OUTPUT has none.
            let initial: [ShellVariable: String] = [.onError: OnErrorMode.stop.rawValue, .echo: EchoMode.off.rawValue]
            knowledge.remember(variable.rawValue, initial[variable])
            if variable == .output { knowledge.opaque.remove(variable.rawValue) }
        case .setting(let variable, let value):
            knowledge.remember(variable.rawValue, known ? value : nil)
        case .unset(let name):
            knowledge.values[name] = nil
            knowledge.opaque.remove(name)
        case .source(let path):
            if let included = step.included { return await check(included, &knowledge) }
            guard known else {
                knowledge.anythingMayBeSet = true
                return ""
            }
            do {
                let included = try ScriptParser.include(
                    path, from: file, at: step.line.words[0], line: step.line.line, active: file.activeChain)
                return await check(included, &knowledge)
            } catch {
                return error.diagnostic
            }
        default:
            break
        }
        return ""
    }

    /// The first problem of a line tried with each combination of its opaque words' candidate
    /// values (at most 256): nil as soon as one combination parses.
    private func firstProblem(_ candidates: [[String]]) async -> CommandOutcome.Failure? {
        var choice = [Int](repeating: 0, count: candidates.count)
        var first: CommandOutcome.Failure?
        for _ in 0..<256 {
            let words = zip(candidates, choice).map { $0[$1] }
            guard let problem = await problem(words) else { return nil }
            first = first ?? problem
            // The next combination, the last word's candidates turning fastest.
            guard let position = choice.indices.last(where: { choice[$0] + 1 < candidates[$0].count }) else { break }
            choice[position] += 1
            for later in (position + 1)..<choice.count { choice[later] = 0 }
        }
        return first
    }

    /// The failure running `words` would start with, its `argumentIndex` a line word; nil when they parse.
    private func problem(_ words: [String]) async -> CommandOutcome.Failure? {
        do {
            return await problem(try ShellInvocation.parse(words))
        } catch {
            return CommandOutcome.Failure(message: error.message, hint: error.hint)
        }
    }

    private func problem(_ invocation: ShellInvocation) async -> CommandOutcome.Failure? {
        switch invocation {
        case .command(let arguments, let offset):
            return await CommandDispatcher.check(arguments: arguments, environment: environment)?.shifted(by: offset)
        case .help(let words) where !words.isEmpty:
            return await CommandDispatcher.check(arguments: words + ["--help"], environment: environment).map {
                CommandOutcome.Failure(message: $0.message, hint: $0.hint)
            }
        case .try(let inner, let offset):
            return await problem(inner)?.shifted(by: offset)
        default:
            return nil
        }
    }

    /// A word's pieces: literal text and known values, nil for opaque ones.
    private func pieces(_ word: ShellWord, _ knowledge: Knowledge) throws(ExpansionError) -> Pieces {
        var pieces: Pieces = []
        for part in word.parts {
            switch part {
            case .literal(let text):
                pieces.append(text)
            case .variable(let name, let fallback):
                if let value = knowledge.values[name] {
                    pieces.append(value)
                } else if knowledge.opaque.contains(name) || knowledge.anythingMayBeSet {
                    pieces.append(nil)
                } else if let fallback {
                    pieces.append(fallback)
                } else {
                    throw ExpansionError(message: "undefined variable '\(name)'", line: word.line, column: word.column)
                }
            case .environment(let name, let fallback):
                // The environment a script runs in may differ from the one it is checked in.
                pieces.append(environment[name] ?? fallback)
            }
        }
        return pieces
    }

    /// The values each word is tried with: its own when known; else, for its opaque pieces, the
    /// first allowed value of the option it belongs to (`-o ${format}`, `--state=${s}`), a number
    /// and a word.
    private static func candidates(_ words: [Pieces]) -> [[String]] {
        words.indices.map { index in
            let pieces = words[index]
            guard pieces.contains(nil) else { return [pieces.map { $0 ?? "" }.joined()] }
            var option: String?
            if let first = pieces.first ?? nil, first.hasPrefix("-"), let equals = first.firstIndex(of: "=") {
                option = String(first[..<equals])
            } else if index > 0, !words[index - 1].contains(nil) {
                option = words[index - 1].map { $0 ?? "" }.joined()
            }
            let samples = option.flatMap { enumSamples[$0] } ?? []
            return (samples + ["1", "x"]).map { value in pieces.map { $0 ?? value }.joined() }
        }
    }

    /// One allowed value of every enum option, by spelling (several when commands differ).
    private static let enumSamples: [String: [String]] = {
        var samples: [String: [String]] = [:]
        for option in allOptions {
            guard let sample = option.allowedValues.first else { continue }
            for name in option.names where samples[name]?.contains(sample) != true {
                samples[name, default: []].append(sample)
            }
        }
        return samples
    }()

    /// The spellings of options that take a value.
    private static let valueOptions: Set<String> = Set(allOptions.filter(\.takesValue).flatMap(\.names))

    private static var allOptions: [CommandTree.Option] {
        var pending = [CommandTree.kestractl]
        var options: [CommandTree.Option] = []
        while let node = pending.popLast() {
            options += node.options
            pending += node.subcommands
        }
        return options
    }

    /// Whether a line's command or subcommand name is opaque (`${verb} list`), so it cannot be checked.
    private static func commandNameIsOpaque(_ words: [Pieces]) -> Bool {
        func text(_ index: Int) -> String? { words[index].contains(nil) ? nil : words[index].map { $0 ?? "" }.joined() }
        var index = 0
        while index < words.count, let word = text(index), ["kestractl", "try", "help"].contains(word) { index += 1 }
        var node = CommandTree.kestractl
        while index < words.count, !node.subcommands.isEmpty {
            guard let word = text(index) else { return true }
            index += 1
            if word.hasPrefix("-") {
                if valueOptions.contains(word) { index += 1 }
                continue
            }
            guard let next = node.subcommand(word) else { return false }
            node = next
        }
        return false
    }
}
