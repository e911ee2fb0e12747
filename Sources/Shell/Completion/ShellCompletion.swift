/// What Tab offers for a partial line: the word being completed and the full words that fit.
public struct ShellCompletion: Sendable, Equatable {
    /// The partial word before the cursor, as the tokenizer reads it (quotes and escapes removed).
    public var word: String
    /// Complete words starting with `word`, sorted, without duplicates; a directory ends in `/`.
    public var candidates: [String]

    /// Creates a completion.
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// The longest prefix all candidates share.
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
