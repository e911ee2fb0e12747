import Foundation
import TestSupport
import Testing

/// `docs/commands.md` is generated from the command tree; this test fails when it is stale.
/// `make docs` regenerates it (it runs this test with `KESTRACTL_UPDATE_DOCS=1`).
@Suite struct CommandReferenceTests {
    @Test func commandsReferenceIsUpToDate() throws {
        let path = EmulatorFixture.repositoryRoot.appendingPathComponent("docs/commands.md").path
        let expected = CommandReference.markdown()
        if ProcessInfo.processInfo.environment["KESTRACTL_UPDATE_DOCS"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let current = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard current != expected else { return }
        let (old, new) = (
            current.split(separator: "\n", omittingEmptySubsequences: false),
            expected.split(separator: "\n", omittingEmptySubsequences: false)
        )
        let line =
            zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let found = line < old.count ? String(old[line]) : "(end of file)"
        let wanted = line < new.count ? String(new[line]) : "(end of file)"
        Issue.record(
            """
            docs/commands.md is stale: the command tree changed. Run `make docs` and commit docs/commands.md.
            First difference, line \(line + 1):
              file:      \(found)
              generated: \(wanted)
            """)
    }
}
