import Client

/// Renders one HTTP attempt for `--verbose` on stderr (headers arrive already masked by the client;
/// the caller masks secret values left in the text).
public enum HTTPTraceFormatter {
    /// The lines for one attempt: `> METHOD URL`, request headers, then `< STATUS (N ms)` and response headers.
    public static func format(_ event: HTTPTraceEvent) -> String {
        var text = "> \(event.method) \(event.url)\n"
        for header in event.requestHeaders.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            text += "> \(header.name): \(header.value)\n"
        }
        let milliseconds =
            event.duration.components.seconds * 1000
            + event.duration.components.attoseconds / 1_000_000_000_000_000
        if let status = event.status {
            text += "< \(status) (\(milliseconds) ms)\n"
            for header in event.responseHeaders.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
                text += "< \(header.name): \(header.value)\n"
            }
            // The body failed after the head arrived (a dropped connection, a truncated answer).
            if let error = event.error { text += "! response failed: \(error)\n" }
        } else {
            text += "! failed after \(milliseconds) ms: \(event.error ?? "no response")\n"
        }
        return text
    }
}
