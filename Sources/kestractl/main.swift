import Commands
import Foundation

// Without arguments kestractl will open the interactive shell on a terminal (shell issue);
// until then, and never without a terminal, it prints usage and exits 2.
let arguments = Array(CommandLine.arguments.dropFirst())
let streams = OutputStreams.standard
if arguments.isEmpty {
    streams.stderr.write(Kestractl.helpMessage() + "\n")
    exit(KestractlExitCode.usage.rawValue)
}
// Ctrl-C cancels the command (exit 130, after it has said what keeps running).
let exitCode = await InterruptSignal.cancellingOnInterrupt {
    await CommandDispatcher.run(arguments: arguments, environment: ProcessEnvironment.current, streams: streams)
}
exit(exitCode)
