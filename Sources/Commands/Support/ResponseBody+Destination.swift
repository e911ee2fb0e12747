import Client
import Foundation

extension ResponseBody {
    /// Streams the body to stdout (`-`) or to `path` through a temporary file renamed at the end, so a
    /// failed transfer leaves nothing behind; returns the size of the file written (nil for stdout).
    @discardableResult
    func deliver(to path: String, _ context: CommandContext) async throws -> Int64? {
        if path == "-" {
            for try await chunk in self { context.streams.stdout.write(bytes: chunk) }
            return nil
        }
        try await write(toFile: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value
    }
}
