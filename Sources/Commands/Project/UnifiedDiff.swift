/// The line differences between two texts, found with Myers' O(ND) algorithm and printed as a
/// unified diff (`---`/`+++` headers, `@@ -a,b +c,d @@` hunks with 3 lines of context, and
/// `\ No newline at end of file` where a text does not end in one).
enum UnifiedDiff {
    /// One line and whether a newline ends it (only the last line of a text may lack one).
    private struct Line: Equatable {
        var content: Substring
        var terminated: Bool
    }

    private enum Edit {
        case keep(old: Int, new: Int)
        case remove(old: Int)
        case insert(new: Int)

        var isChange: Bool {
            if case .keep = self { return false }
            return true
        }

        var isInsert: Bool {
            if case .insert = self { return true }
            return false
        }

        var isRemove: Bool {
            if case .remove = self { return true }
            return false
        }
    }

    /// The unified diff from `old` to `new`; empty when they are equal.
    static func text(from old: String, to new: String, oldLabel: String, newLabel: String, context: Int = 3)
        -> String
    {
        let (a, b) = (lines(old), lines(new))
        let edits = self.edits(a, b)
        guard edits.contains(where: \.isChange) else { return "" }
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        var oldLine = [Int](repeating: 0, count: edits.count + 1)
        var newLine = [Int](repeating: 0, count: edits.count + 1)
        for (index, edit) in edits.enumerated() {
            oldLine[index + 1] = oldLine[index] + (edit.isInsert ? 0 : 1)
            newLine[index + 1] = newLine[index] + (edit.isRemove ? 0 : 1)
        }
        for range in hunks(edits, context: context) {
            let oldCount = oldLine[range.upperBound] - oldLine[range.lowerBound]
            let newCount = newLine[range.upperBound] - newLine[range.lowerBound]
            text +=
                "@@ -\(span(oldLine[range.lowerBound], oldCount)) +\(span(newLine[range.lowerBound], newCount)) @@\n"
            for edit in edits[range] {
                switch edit {
                case .keep(let index, _): text += render(" ", a[index])
                case .remove(let index): text += render("-", a[index])
                case .insert(let index): text += render("+", b[index])
                }
            }
        }
        return text
    }

    private static func lines(_ text: String) -> [Line] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = parts.last == ""
        if terminated { parts.removeLast() }
        return parts.enumerated().map { index, content in
            Line(content: content, terminated: terminated || index < parts.count - 1)
        }
    }

    private static func render(_ sign: String, _ line: Line) -> String {
        sign + line.content + (line.terminated ? "\n" : "\n\\ No newline at end of file\n")
    }

    /// `start,count` of a hunk side (1-based; GNU diff leaves out a count of 1 and gives the line
    /// before an empty side).
    private static func span(_ before: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(before),0"
        case 1: return "\(before + 1)"
        default: return "\(before + 1),\(count)"
        }
    }

    /// Ranges of `edits` holding changes and up to `context` kept lines around them; changes closer
    /// than twice the context share a hunk.
    private static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        let changes = edits.indices.filter { edits[$0].isChange }
        var ranges: [Range<Int>] = []
        var start = changes[0]
        var end = changes[0]
        for change in changes.dropFirst() {
            if change - end - 1 > 2 * context {
                ranges.append(max(0, start - context)..<min(edits.count, end + context + 1))
                start = change
            }
            end = change
        }
        ranges.append(max(0, start - context)..<min(edits.count, end + context + 1))
        return ranges
    }

    /// A shortest edit script from `a` to `b` (Myers 1986, with the search trace kept to walk back).
    private static func edits(_ a: [Line], _ b: [Line]) -> [Edit] {
        let (n, m) = (a.count, b.count)
        let limit = n + m
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        let offset = limit + 1
        var trace: [[Int]] = []
        search: for depth in 0...limit {
            trace.append(Array(frontier[(offset - depth)...(offset + depth)]))
            for diagonal in stride(from: -depth, through: depth, by: 2) {
                var x =
                    diagonal == -depth
                        || (diagonal != depth && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                    ? frontier[offset + diagonal + 1] : frontier[offset + diagonal - 1] + 1
                var y = x - diagonal
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n && y >= m { break search }
            }
        }
        var result: [Edit] = []
        var (x, y) = (n, m)
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[depth]
            func reach(_ diagonal: Int) -> Int { saved[diagonal + depth] }
            let diagonal = x - y
            let previous =
                diagonal == -depth || (diagonal != depth && reach(diagonal - 1) < reach(diagonal + 1))
                ? diagonal + 1 : diagonal - 1
            let previousX = depth == 0 ? 0 : reach(previous)
            let previousY = depth == 0 ? 0 : previousX - previous
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                result.append(.keep(old: x, new: y))
            }
            if depth > 0 {
                if x == previousX {
                    result.append(.insert(new: y - 1))
                } else {
                    result.append(.remove(old: x - 1))
                }
            }
            (x, y) = (previousX, previousY)
        }
        return result.reversed()
    }
}
