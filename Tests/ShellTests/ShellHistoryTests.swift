import Commands
import Foundation
import Testing

@testable import Shell

@Suite struct ShellHistoryTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kestractl-history-\(UUID())/history").path
    }

    @Test func skipsSpacesDuplicatesAndCredentials() throws {
        let path = temporaryPath()
        let history = ShellHistory(path: path)
        #expect(history.add("flows list") == "flows list")
        #expect(history.add("flows list") == nil)
        #expect(history.add(" secret thing") == nil)
        #expect(history.add("") == nil)
        #expect(history.add("config add prod https://k main --username me --password Hunter22") == nil)
        #expect(history.add("server info --token=abc") == nil)
        #expect(history.add("server info -t abc") == nil)
        #expect(history.add("server info -tabc") == nil)
        #expect(history.add("echo 'multi\nline' é") == "echo 'multi\nline' é")
        #expect(history.add("flows list") == "flows list")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("Hunter22") && !text.contains("abc"))
        #expect(text == "flows list\necho 'multi\\nline' é\nflows list\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(ShellHistory(path: path).all == ["flows list", "echo 'multi\nline' é", "flows list"])
    }

    /// History follows the one masking rule: a line with any credential is never stored.
    @Test func credentialHeadersURLUserInfoAndKnownSecretsKeepALineOut() throws {
        let path = temporaryPath()
        let history = ShellHistory(path: path, mask: CredentialMask(environment: ["KESTRACTL_TOKEN": "env-tok-4242"]))
        for line in [
            "flows list --header 'Authorization: Bearer hdr-1111'", "flows list --header=X-API-Key:hdr-2222",
            "flows list --header \"X-Client-Secret: hdr-3333\"", "flows list --header 'Cookie: s=hdr-4444'",
            "server info --host http://admin:url-5555@k:8080", "flows get company.team env-tok-4242",
            "config add p https://k main --username u --password-stdin",
        ] {
            #expect(history.add(line) == nil, "\(line)")
        }
        #expect(history.add("flows list --header 'X-Team: data'") == "flows list --header 'X-Team: data'")
        #expect(history.add("flows get company.team ${env:KESTRACTL_TOKEN}") != nil, "a variable is not its value")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for secret in ["hdr-", "url-5555", "env-tok-4242", "password-stdin"] { #expect(!text.contains(secret)) }
    }

    @Test func isCappedAtTheLimit() throws {
        let path = temporaryPath()
        let history = ShellHistory(path: path, limit: 5)
        for index in 1...8 { history.add("echo \(index)") }
        #expect(history.all == (4...8).map { "echo \($0)" })
        let reloaded = ShellHistory(path: path, limit: 5)
        #expect(reloaded.all == (4...8).map { "echo \($0)" })
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5, "the file is trimmed when loaded")
    }
}
