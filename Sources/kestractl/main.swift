import Client
import Commands
import Foundation
import Shell

MemoryPolicy.returnLargeBuffersToTheSystem()
ClientEventLoop.useOneThread()
// Without arguments kestractl opens the interactive shell when stdin and stdout are terminals;
// otherwise it prints usage and exits 2.
var arguments = Array(CommandLine.arguments.dropFirst())
let streams = OutputStreams.standard
if arguments.isEmpty {
    guard isatty(0) == 1, isatty(1) == 1 else {
        streams.stderr.write(Kestractl.helpMessage() + "\n")
        exit(KestractlExitCode.usage.rawValue)
    }
    arguments = ["shell"]
}
// Ctrl-C cancels the command (exit 130, after it has said what keeps running). The interactive
// shell installs its own SIGINT handling while it runs (Ctrl-C cancels one command, not the shell).
// The command runs on the HTTP client's event loop thread: its requests and their answers need no
// hand-off between threads (docs/performance.md).
let commandLine = arguments
let exitCode = await InterruptSignal.cancellingOnInterrupt(on: ClientEventLoop.executor()) {
    await CommandDispatcher.run(
        arguments: commandLine, environment: ProcessEnvironment.current, streams: streams,
        shellLauncher: ShellEntry.launcher, processExitsNext: true
    ).exitCode
}
exit(exitCode)
