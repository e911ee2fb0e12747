import Emulator
import Foundation

/// Reads what an emulator was sent since a point in its record: the requests that change something, and the
/// `filters[…]` a request carried.
struct RecordedTraffic {
    let exchanges: [RecordedExchange]

    /// The exchanges recorded after the first `before` ones.
    static func since(_ before: Int, _ emulator: KestraEmulator) async -> RecordedTraffic {
        RecordedTraffic(exchanges: Array(await emulator.recordedRequests().dropFirst(before)))
    }

    /// `METHOD path` of every request that is not a GET.
    var mutations: [String] {
        exchanges.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    /// The first exchange whose `METHOD path` ends with `suffix`.
    func first(_ method: String, _ suffix: String) -> RecordedExchange? {
        exchanges.first { $0.method == method && $0.path.hasSuffix(suffix) }
    }

    /// The decoded `filters[…]=value` pairs of an exchange's query, in order.
    static func filters(_ exchange: RecordedExchange?) -> [String] {
        (exchange?.query ?? "").split(separator: "&").map { pair in
            String(pair).removingPercentEncoding ?? String(pair)
        }.filter { $0.hasPrefix("filters[") }
    }

    /// Table rows with their columns collapsed to single spaces.
    static func rows(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }
}
