/// A reason the plugin cannot create its command.
struct BuildStampFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
