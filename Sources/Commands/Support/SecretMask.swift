/// Decides what must never be shown: credential-bearing header values.
public enum SecretMask {
    /// The text shown instead of a secret.
    public static let redacted = "[REDACTED]"

    /// Whether a header carries credentials (`Authorization`, cookies, or a name with token/secret/password/key).
    public static func isSecretHeader(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if ["authorization", "proxy-authorization", "cookie", "set-cookie"].contains(lowered) { return true }
        return ["token", "secret", "password", "key"].contains { lowered.contains($0) }
    }

    /// The value as it may be shown.
    public static func headerValue(name: String, value: String) -> String {
        isSecretHeader(name) ? redacted : value
    }
}
