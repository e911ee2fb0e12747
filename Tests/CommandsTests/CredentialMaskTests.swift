import Client
import Testing

@testable import Commands

@Suite struct CredentialMaskTests {
    @Test func everySpellingOfACredentialOptionIsMasked() {
        let mask = CredentialMask()
        #expect(
            mask.arguments([
                "server", "info", "--password", "pw-1111", "--token=tok-2222", "-t", "tok-3333", "-ttok-4444",
                "--username", "admin",
            ]) == [
                "server", "info", "--password", "[REDACTED]", "--token=[REDACTED]", "-t", "[REDACTED]", "-t[REDACTED]",
                "--username", "admin",
            ])
    }

    @Test func credentialHeadersAreMaskedByName() {
        let mask = CredentialMask()
        #expect(
            mask.arguments([
                "--header", "Authorization: Bearer abc-1", "--header=X-API-Key:abc-2", "--header", "Cookie:s=abc-3",
                "--header", "X-Session-Token: abc-4", "--header", "Proxy-Authorization: Basic abc-5",
                "--header", "X-Team: data",
            ]) == [
                "--header", "Authorization: [REDACTED]", "--header=X-API-Key: [REDACTED]", "--header",
                "Cookie: [REDACTED]", "--header", "X-Session-Token: [REDACTED]", "--header",
                "Proxy-Authorization: [REDACTED]", "--header", "X-Team: data",
            ])
        #expect(Redaction.isCredentialHeader("x-my-secret") && Redaction.isCredentialHeader("X-Auth-User"))
        #expect(!Redaction.isCredentialHeader("X-Trace") && !Redaction.isCredentialHeader("Accept"))
    }

    @Test func secretsFoundAnywhereAreMaskedEverywhere() {
        let mask = CredentialMask(
            arguments: ["--host", "http://admin:url-pw-77@k:8080", "--header", "X-API-Key: hdr-88", "-t", "tok-99"],
            environment: ["KESTRACTL_PASSWORD": "env-pw-66", "KESTRACTL_USERNAME": "admin"])
        #expect(mask.secrets == ["admin:url-pw-77", "url-pw-77", "hdr-88", "tok-99", "env-pw-66"])
        #expect(
            mask.text("GET http://other:x-1@k/api/v1/main/flows/ns/env-pw-66 → 404; hdr-88 tok-99 url-pw-77")
                == "GET http://[REDACTED]@k/api/v1/main/flows/ns/[REDACTED] → 404; [REDACTED] [REDACTED] [REDACTED]")
        #expect(mask.arguments(["echo", "say-env-pw-66"]) == ["echo", "say-[REDACTED]"])
    }

    @Test func aLineCarriesACredentialWhenAnythingIsMaskedOrReadFromStdin() {
        let mask = CredentialMask(environment: ["KESTRACTL_TOKEN": "env-tok-55"])
        #expect(mask.carriesCredential(["config", "add", "p", "http://k", "main", "--token-stdin"]))
        #expect(mask.carriesCredential(["flows", "list", "--header", "Cookie: a=1"]))
        #expect(mask.carriesCredential(["flows", "get", "ns", "env-tok-55"]))
        #expect(!mask.carriesCredential(["flows", "list", "--header", "X-Team: data", "-o", "json"]))
        #expect(!mask.carriesCredential(["flows", "list", "--tenant", "main"]))
    }

    @Test func shortSecretsAreOnlyMaskedAsAWholeValue() {
        var mask = CredentialMask()
        mask.add(secrets: ["pw"])
        #expect(mask.text("no password in this sentence") == "no password in this sentence")
        #expect(mask.text("pw") == "[REDACTED]")
        #expect(mask.arguments(["--password", "pw", "--no-color"]) == ["--password", "[REDACTED]", "--no-color"])
    }
}
