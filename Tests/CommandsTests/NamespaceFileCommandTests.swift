import Client
import Emulator
import Foundation
import TestSupport
import Testing

@testable import Commands

@Suite struct NamespaceFileCommandTests {
    /// A local tree: `tree/a.txt`, `tree/sub/b.sql`, hidden `tree/.secret` and `tree/.git/config`.
    private func writeTree(_ workspace: FlowTestWorkspace) throws -> String {
        try workspace.write("tree/a.txt", "alpha\n")
        try workspace.write("tree/sub/b.sql", "select 1;\n")
        try workspace.write("tree/.secret", "hidden\n")
        try workspace.write("tree/.git/config", "hidden\n")
        return workspace.directory + "/tree"
    }

    @Test func directoryLandsUnderItsNameOrDirectlyWithNoRoot() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let tree = try writeTree(workspace)
            let upload = await workspace.run(["nsfiles", "upload", "company.team", tree, "/scripts/"])
            #expect(upload.exitCode == 0)
            #expect(upload.stderr == "")
            let lines = upload.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: " ").joined(separator: " ") }
            #expect(
                lines == [
                    "SOURCE DESTINATION SIZE STATUS ERROR", "\(tree)/a.txt /scripts/tree/a.txt 6 CREATED -",
                    "\(tree)/sub/b.sql /scripts/tree/sub/b.sql 10 CREATED -", "", "2 uploaded, 0 failed", "",
                ])
            let noRoot = await workspace.run([
                "nsfiles", "upload", "company.team", tree, "flat", "--no-root", "-o", "json",
            ])
            #expect(noRoot.exitCode == 0)
            let rows = try JSONSerialization.jsonObject(with: Data(noRoot.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.map { $0["destination"] as? String } == ["/flat/a.txt", "/flat/sub/b.sql"])
            #expect(rows.map { $0["status"] as? String } == ["CREATED", "CREATED"])

            let list = await workspace.run(["nsfiles", "list", "company.team", "--recursive", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(
                entries.map { $0["path"] as? String } == [
                    "/flat", "/flat/a.txt", "/flat/sub", "/flat/sub/b.sql", "/scripts", "/scripts/tree",
                    "/scripts/tree/a.txt", "/scripts/tree/sub", "/scripts/tree/sub/b.sql",
                ])
            let table = await workspace.run(["nsfiles", "ls", "company.team", "scripts/tree"])
            let listed = table.stdout.split(separator: "\n").map {
                $0.split(separator: " ", omittingEmptySubsequences: true)
            }
            #expect(
                listed.map { $0.prefix(3).joined(separator: " ") } == [
                    "PATH TYPE SIZE", "/scripts/tree/a.txt File 6", "/scripts/tree/sub Directory -",
                ])
            let file = await workspace.run(["nsfiles", "get", "company.team", "/scripts/tree/sub/b.sql"])
            #expect(file == CommandRun(stdout: "select 1;\n", stderr: "", exitCode: 0))
            let directory = await workspace.run(["nsfiles", "cat", "company.team", "scripts/tree/"])
            #expect(
                directory
                    == CommandRun(
                        stdout: "",
                        stderr:
                            "Error: '/scripts/tree' is a directory\n  hint: list it with 'kestractl nsfiles list company.team /scripts/tree'\n",
                        exitCode: 2))
        }
    }

    @Test func overrideIsOneOverwriteAndExistingFilesFailWithoutIt() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let local = try workspace.write("config.json", "{\"v\":1}\n")
            #expect(await workspace.run(["nsfiles", "upload", "company.team", local, "config/app.json"]).exitCode == 0)
            try workspace.write("config.json", "{\"v\":2}\n")
            let refused = await workspace.run(["nsfiles", "upload", "company.team", local, "config/app.json"])
            #expect(refused.exitCode == 5)
            #expect(
                refused.stdout.contains("FAILED  file already exists at '/config/app.json'; use --override to replace"))
            #expect(refused.stdout.hasSuffix("\n0 uploaded, 1 failed\n"))
            #expect(refused.stderr == "Error: 1 of 1 file failed\n")
            #expect(await workspace.run(["nsfiles", "get", "company.team", "config/app.json"]).stdout == "{\"v\":1}\n")

            await emulator.reset()
            let local2 = try workspace.write("config.json", "{\"v\":2}\n")
            #expect(
                await workspace.run(["nsfiles", "upload", "company.team", local2, "config/app.json"]).exitCode == 0)
            try workspace.write("config.json", "{\"v\":3}\n")
            let before = await emulator.recordedRequests().count
            let override = await workspace.run([
                "nsfiles", "upload", "company.team", local2, "config/app.json", "--override",
            ])
            #expect(override.exitCode == 0)
            #expect(override.stdout.contains("OVERWRITTEN"))
            let writes = await emulator.recordedRequests().dropFirst(before).filter { $0.method != "GET" }
            #expect(writes.map(\.method) == ["POST"], "one overwrite request, never delete-then-create")
            #expect(await workspace.run(["nsfiles", "get", "company.team", "config/app.json"]).stdout == "{\"v\":3}\n")
            let revision = await workspace.run(["nsfiles", "get", "company.team", "config/app.json", "--revision", "1"])
            #expect(revision.stdout == "{\"v\":2}\n")
        }
    }

    @Test func dryRunWritesNothing() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let tree = try writeTree(workspace)
            #expect(await workspace.run(["nsfiles", "upload", "company.team", tree + "/a.txt", "a.txt"]).exitCode == 0)
            let before = await emulator.recordedRequests().count
            let dry = await workspace.run(
                ["nsfiles", "upload", "company.team", tree, "/", "--no-root", "--dry-run", "--override", "-o", "json"])
            #expect(dry.exitCode == 0)
            let rows = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.map { $0["status"] as? String } == ["OVERWRITE", "CREATE"])
            let requests = await emulator.recordedRequests().dropFirst(before)
            #expect(!requests.isEmpty)
            #expect(requests.allSatisfy { $0.method == "GET" })
            let table = await workspace.run(["nsfiles", "upload", "company.team", tree, "/", "--no-root", "--dry-run"])
            #expect(table.stdout.hasSuffix("\n1 to upload, 1 failed\n"))
            #expect(table.exitCode == 5)
        }
    }

    @Test func badLocalInputIsReportedPerFile() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let tree = try writeTree(workspace)
            try FileManager.default.createSymbolicLink(atPath: tree + "/sub/loop", withDestinationPath: tree)
            try FileManager.default.createSymbolicLink(atPath: tree + "/self", withDestinationPath: tree + "/self")
            try FileManager.default.createSymbolicLink(
                atPath: tree + "/dangling", withDestinationPath: tree + "/nowhere")
            #expect(mkfifo(tree + "/pipe", 0o600) == 0)
            let upload = await workspace.run([
                "nsfiles", "upload", "company.team", tree, "/", "--no-root", "-o", "json",
            ])
            #expect(upload.exitCode == 5)
            #expect(upload.stderr == "Error: 4 of 6 files failed\n")
            let rows = try JSONSerialization.jsonObject(with: Data(upload.stdout.utf8)) as? [[String: Any]] ?? []
            let outcome = rows.map {
                "\($0["destination"] as? String ?? "") \($0["status"] as? String ?? "") \($0["error"] as? String ?? "-")"
            }
            #expect(
                outcome == [
                    "/a.txt CREATED -", "/dangling FAILED broken symbolic link", "/pipe FAILED not a regular file",
                    "/self FAILED symbolic link loop", "/sub/b.sql CREATED -",
                    "/sub/loop FAILED symbolic link loop: it leads back to '\(URL(fileURLWithPath: tree).resolvingSymlinksInPath().path)'",
                ])
            let uploaded = await emulator.recordedRequests().filter { $0.method == "POST" }
            #expect(uploaded.count == 2)

            let missing = await workspace.run(["nsfiles", "upload", "company.team", workspace.directory + "/nope", "x"])
            #expect(missing.exitCode == 5)
            #expect(missing.stdout.contains("FAILED  no such file or directory"))

            // The destination is a directory.
            let single = try workspace.write("one.txt", "1")
            let onDirectory = await workspace.run(["nsfiles", "upload", "company.team", single, "sub"])
            #expect(onDirectory.exitCode == 5)
            #expect(onDirectory.stdout.contains("FAILED  destination '/sub' is a directory"))
        }
    }

    @Test func failFastSkipsTheRest() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let tree = try writeTree(workspace)
            #expect(await workspace.run(["nsfiles", "upload", "company.team", tree, "/", "--no-root"]).exitCode == 0)
            let again = await workspace.run(
                [
                    "nsfiles", "upload", "company.team", tree, "/", "--no-root", "--fail-fast", "--concurrency", "1",
                    "-o", "json",
                ])
            #expect(again.exitCode == 5)
            let rows = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.map { $0["status"] as? String } == ["FAILED", "SKIPPED"])
        }
    }

    @Test func downloadNeverClobbersWithoutOverride() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let tree = try writeTree(workspace)
            #expect(await workspace.run(["nsfiles", "upload", "company.team", tree, "data"]).exitCode == 0)
            let target = workspace.directory + "/copy"
            let download = await workspace.run(["nsfiles", "download", "company.team", "data/tree", target, "-r"])
            #expect(download.exitCode == 0, "\(download)")
            #expect(download.stdout.hasSuffix("\n2 downloaded, 0 failed\n"))
            #expect(try String(contentsOfFile: target + "/sub/b.sql", encoding: .utf8) == "select 1;\n")

            try "local edit\n".write(toFile: target + "/a.txt", atomically: false, encoding: .utf8)
            let again = await workspace.run(["nsfiles", "download", "company.team", "data/tree", target, "--recursive"])
            #expect(again.exitCode == 5)
            #expect(again.stdout.contains("local file '\(target)/a.txt' already exists; use --override to replace"))
            #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "local edit\n")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: target).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)

            let overridden = await workspace.run(
                ["nsfiles", "download", "company.team", "data/tree", target, "--recursive", "--override"])
            #expect(overridden.exitCode == 0)
            #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "alpha\n")

            let directoryWithoutFlag = await workspace.run(["nsfiles", "download", "company.team", "data", target])
            #expect(
                directoryWithoutFlag
                    == CommandRun(
                        stdout: "",
                        stderr:
                            "Error: '/data' is a directory\n  hint: pass --recursive to download it with everything in it\n",
                        exitCode: 2))

            let intoDirectory = await workspace.run([
                "nsfiles", "download", "company.team", "data/tree/a.txt", workspace.directory,
            ])
            #expect(intoDirectory.exitCode == 0)
            #expect(try String(contentsOfFile: workspace.directory + "/a.txt", encoding: .utf8) == "alpha\n")
            let onDirectory = await workspace.run(
                ["nsfiles", "download", "company.team", "data/tree/a.txt", target + "/sub/", "--override"])
            #expect(onDirectory.exitCode == 0)
            let clash = workspace.directory + "/clash"
            try FileManager.default.createDirectory(atPath: clash + "/a.txt", withIntermediateDirectories: true)
            let isDirectory = await workspace.run(
                ["nsfiles", "download", "company.team", "data/tree", clash, "-r", "--override"])
            #expect(isDirectory.exitCode == 5)
            #expect(isDirectory.stdout.contains("local path '\(clash)/a.txt' is a directory"))
        }
    }

    @Test func deleteMoveAndPaths() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let tree = try writeTree(workspace)
            #expect(await workspace.run(["nsfiles", "upload", "company.team", tree, "."]).exitCode == 0)
            let refused = await workspace.run(["nsfiles", "delete", "company.team", "/tree/"])
            #expect(
                refused
                    == CommandRun(
                        stdout: "",
                        stderr:
                            "Error: '/tree' is a directory\n  hint: pass --recursive to delete it with everything in it\n",
                        exitCode: 2))
            let noYes = await workspace.run(["nsfiles", "rm", "company.team", "tree/a.txt"])
            #expect(noYes.exitCode == 2)
            #expect(
                noYes.stderr.hasPrefix(
                    "Error: refusing to delete file '/tree/a.txt' in namespace 'company.team' without confirmation\n"))

            let moved = await workspace.run(["nsfiles", "mv", "company.team", "tree/a.txt", "/archive/a.txt"])
            #expect(
                moved
                    == CommandRun(
                        stdout: "Moved '/tree/a.txt' to '/archive/a.txt' in namespace 'company.team'.\n", stderr: "",
                        exitCode: 0))
            #expect(await workspace.run(["nsfiles", "get", "company.team", "archive/a.txt"]).stdout == "alpha\n")

            let deleted = await workspace.run(["nsfiles", "delete", "company.team", "tree", "--recursive", "--yes"])
            #expect(
                deleted
                    == CommandRun(stdout: "Deleted '/tree' from namespace 'company.team'.\n", stderr: "", exitCode: 0))
            let list = await workspace.run(["nsfiles", "list", "company.team", "/", "-r", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["path"] as? String } == ["/archive", "/archive/a.txt"])
            let root = await workspace.run(["nsfiles", "delete", "company.team", "/", "--recursive", "--yes"])
            #expect(root.exitCode == 2)
        }
    }

    @Test func aFileThatVanishesBeforeItsUploadFailsAloneAndWritesNothing() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let path = try workspace.write("gone.txt", "soon gone\n")
            let entry = try #require(LocalFileTree.files(under: path).first)
            try FileManager.default.removeItem(atPath: path)
            var configuration = ClientConfiguration(baseURL: emulator.url)
            configuration.authentication = .basic(
                username: EmulatorFixture.username, password: EmulatorFixture.password)
            let client = try KestraClient(configuration: configuration)
            let result = await NamespaceFileUpload.upload(
                entry, to: "gone.txt", client: client, namespace: "company.team", override: false, dryRun: false)
            try await client.shutdown()
            #expect(result.status == .failed)
            #expect(result.error == "\(path): no such file or not readable")
            #expect(await emulator.recordedRequests().filter { $0.method == "POST" }.isEmpty)
            #expect(await workspace.run(["nsfiles", "get", "company.team", "gone.txt"]).exitCode == 4)
        }
    }

    @Test func aBrokenDownloadLeavesNoLocalFile() async throws {
        try await FlowTestWorkspace.with { workspace, emulator in
            let body = String(repeating: "0123456789", count: 200_000)
            let path = try workspace.write("big.txt", body)
            #expect(await workspace.run(["nsfiles", "upload", "company.team", path, "big.txt"]).exitCode == 0)
            await emulator.setFaults(FaultSettings(dropRate: 1, routes: "/files$"))
            let target = workspace.directory + "/out"
            let download = await workspace.run(["nsfiles", "download", "company.team", "big.txt", target + "/big.txt"])
            #expect(download.exitCode == 5)
            #expect(download.stdout.contains("FAILED"))
            #expect(!FileManager.default.fileExists(atPath: target + "/big.txt"))
            #expect((try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty ?? true)
        }
    }

    @Test func aZipFileIsStoredAsItIsNotExtracted() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let bytes = "PK\u{03}\u{04} not really an archive"
            let path = try workspace.write("bundle.zip", bytes)
            let upload = await workspace.run(["nsfiles", "upload", "company.team", path, "/"])
            #expect(upload.exitCode == 0)
            #expect(await workspace.run(["nsfiles", "get", "company.team", "bundle.zip"]).stdout == bytes)
            let list = await workspace.run(["nsfiles", "list", "company.team", "-o", "json"])
            let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(entries.map { $0["path"] as? String } == ["/bundle.zip"])
        }
    }

    @Test func pathsAreNormalised() {
        for root in ["", "/", ".", " / ", "//"] { #expect(NamespaceFilePath.normalize(root) == "") }
        #expect(NamespaceFilePath.normalize("/scripts/etl.py") == "scripts/etl.py")
        #expect(NamespaceFilePath.normalize("scripts/") == "scripts")
        #expect(NamespaceFilePath.normalize(" /a/b/ ") == "a/b")
        #expect(NamespaceFilePath.join("", "a") == "a")
        #expect(NamespaceFilePath.join("a", "b/c") == "a/b/c")
        #expect(NamespaceFilePath.display("") == "/")
    }

    /// The namespace-file acceptance scenarios of the Go kestractl's end-to-end tests.
    @Test func goToolScenarios() async throws {
        try await FlowTestWorkspace.with { workspace, _ in
            let missing = await workspace.run(["nsfiles", "get", "company", "unknown-file.txt"])
            #expect(missing.exitCode == 4)
            #expect(missing.stderr.contains("File '/unknown-file.txt' was not found in namespace 'company'"))

            let readme = try workspace.write("README.md", "# e2e tests\n")
            let path = "e2e-\(UUID().uuidString.prefix(8)).md"
            #expect(await workspace.run(["nsfiles", "get", "system", path]).exitCode == 4)
            let upload = await workspace.run(["nsfiles", "upload", "system", readme, path])
            #expect(upload.exitCode == 0)
            #expect(upload.stderr == "")
            #expect(await workspace.run(["nsfiles", "get", "system", path]).stdout.contains("e2e tests"))
            #expect(await workspace.run(["nsfiles", "delete", "system", path, "--yes"]).exitCode == 0)
            #expect(await workspace.run(["nsfiles", "get", "system", path]).exitCode == 4)

            // Item 13 (skipped in the Go suite): a directory uploaded to the root with --override.
            let tree = try writeTree(workspace)
            for _ in 0..<2 {
                let again = await workspace.run(["nsfiles", "upload", "system", tree + "/", "./", "--override"])
                #expect(again.exitCode == 0)
                #expect(again.stderr == "")
            }
            #expect(await workspace.run(["nsfiles", "get", "system", "tree/a.txt"]).stdout == "alpha\n")
        }
    }
}
