import CEditline

/// Proves at build time that libedit compiles and links; the interactive shell replaces it.
enum LineEditorLink {
    /// Whether the libedit history API is callable from Swift.
    static func historyIsAvailable() -> Bool {
        guard let history = history_init() else { return false }
        defer { history_end(history) }
        return kctl_history_setsize(history, 10) == 0
    }
}
