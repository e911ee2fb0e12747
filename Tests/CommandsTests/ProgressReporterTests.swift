import Synchronization
import Testing

@testable import Commands

/// The progress line's timing rules, driven by a manual clock (no sleeping).
@Suite struct ProgressReporterTests {
    /// A clock the test moves by hand.
    private final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
    }

    @Test func appearsAfterOneSecondAtMostTenTimesASecondAndIsErased() async {
        let clock = ManualClock()
        let output = CapturedOutput()
        let progress = ProgressReporter(output: output, enabled: true, now: { clock.now })
        await progress.run {
            progress.begin("Uploading", total: 3, bytes: 3072)
            progress.started("scripts/etl.py")
            clock.advance(.milliseconds(999))
            progress.finished(bytes: 1024)
            #expect(output.text == "", "nothing during the first second")
            clock.advance(.milliseconds(1))
            progress.refresh()
            #expect(output.text == "\rUploading 1/3, 1.0 KiB/3.0 KiB scripts/etl.py")
            clock.advance(.milliseconds(50))
            progress.started("a")
            progress.finished(bytes: 1024)
            #expect(output.text == "\rUploading 1/3, 1.0 KiB/3.0 KiB scripts/etl.py", "no redraw within 100 ms")
            clock.advance(.milliseconds(50))
            progress.refresh()
            #expect(output.text.hasSuffix("\rUploading 2/3, 2.0 KiB/3.0 KiB a" + String(repeating: " ", count: 13)))
        }
        let erased = "\r" + String(repeating: " ", count: 45) + "\r"
        #expect(output.text.hasSuffix(erased), "the line is erased when the work ends: \(output.text.debugDescription)")
        progress.finished()
        clock.advance(.seconds(5))
        progress.refresh()
        #expect(output.text.hasSuffix(erased), "nothing is drawn once the work has ended")
    }

    @Test func theSecondCountsFromTheFirstRun() async {
        let clock = ManualClock()
        let output = CapturedOutput()
        let progress = ProgressReporter(output: output, enabled: true, now: { clock.now })
        await progress.run {
            progress.begin("Comparing", total: 2)
            clock.advance(.milliseconds(700))
        }
        await progress.run {
            progress.begin("Deploying", total: 1)
            clock.advance(.milliseconds(300))
            progress.refresh()
        }
        #expect(output.text.hasPrefix("\rDeploying 0/1"), "planning then applying is one transfer: \(output.text)")
    }

    @Test func longNamesAreCutToOneLine() async {
        let clock = ManualClock()
        let output = CapturedOutput()
        let progress = ProgressReporter(output: output, enabled: true, now: { clock.now })
        await progress.run {
            progress.begin("Deploying", total: 500)
            progress.started("company.team/" + String(repeating: "x", count: 200) + "/end")
            clock.advance(.seconds(2))
            progress.refresh()
        }
        let line = output.text.split(separator: "\r").first.map(String.init) ?? ""
        #expect(line.count == ProgressReporter.width)
        #expect(line.hasPrefix("Deploying 0/500 …"))
        #expect(line.hasSuffix("xxx/end"))
    }

    @Test func aDisabledReporterWritesNothing() async {
        let clock = ManualClock()
        let output = CapturedOutput()
        let progress = ProgressReporter(output: output, enabled: false, now: { clock.now })
        await progress.run {
            progress.begin("Uploading", total: 1)
            clock.advance(.seconds(3))
            progress.started("a")
            progress.finished(bytes: 10)
        }
        #expect(output.text == "")
    }

    @Test func byteCountsForPeople() {
        #expect(ProgressReporter.size(512) == "512 B")
        #expect(ProgressReporter.size(1536) == "1.5 KiB")
        #expect(ProgressReporter.size(3 * 1024 * 1024 + 400 * 1024) == "3.4 MiB")
        #expect(ProgressReporter.size(5 * 1024 * 1024 * 1024) == "5.0 GiB")
    }

    @Test func onlyATerminalWithoutVerboseGetsTheLine() async {
        func enabled(_ arguments: [String], stderr: any TextOutput) async -> Bool {
            let context = CommandContext(
                globals: try! GlobalOptions.parse(arguments), environment: ["HOME": "/nonexistent"],
                streams: OutputStreams(stdout: CapturedOutput(), stderr: stderr))
            return ProgressReporter(context: context).isEnabled
        }
        #expect(await enabled([], stderr: CapturedTerminal()))
        #expect(await !enabled([], stderr: CapturedOutput()))
        #expect(await !enabled(["--verbose"], stderr: CapturedTerminal()))
    }
}
