import Client
import Foundation

/// How dates are shown in tables: ISO-8601 UTC with seconds.
public enum Timestamps {
    /// `2025-11-02T09:14:05Z`.
    public static func iso8601(_ date: Date) -> String {
        Timestamp.formatSeconds(date)
    }
}
