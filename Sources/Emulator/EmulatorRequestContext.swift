import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus the connection, so the emulator can close it on stop.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
