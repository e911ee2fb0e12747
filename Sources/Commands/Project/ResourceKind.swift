/// What a plan item is about.
enum ResourceKind: String, Sendable, Encodable, Comparable {
    case flow
    /// A namespace file.
    case file
    /// A KV key.
    case kv

    /// Flows, then files, then keys: the order of a plan's deletes.
    static func < (left: ResourceKind, right: ResourceKind) -> Bool {
        let order: [ResourceKind] = [.flow, .file, .kv]
        return order.firstIndex(of: left)! < order.firstIndex(of: right)!
    }
}
