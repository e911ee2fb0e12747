import Foundation

/// The one rule for what is a credential in headers, URLs and text, so `--verbose`, error
/// messages, `config view`, history, `--echo` and `--report` mask the same things.
public enum Redaction {
    /// What a masked value is replaced with.
    public static let placeholder = "[REDACTED]"

    /// Whether a header's value is a credential: `Authorization`, `Proxy-Authorization`, `Cookie`,
    /// `Set-Cookie`, `X-API-Key`, and any name containing `token`, `secret`, `key`, `auth` or
    /// `password` (compared case-insensitively).
    public static func isCredentialHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["cookie", "set-cookie"].contains(lower)
            || ["token", "secret", "key", "auth", "password"].contains(where: lower.contains)
    }

    /// The headers with the values of credential headers replaced by ``placeholder``.
    public static func headers(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        headers.map { isCredentialHeader($0.name) ? HTTPHeader(name: $0.name, value: placeholder) : $0 }
    }

    /// `text` with the user-info of every URL in it masked: `https://u:p@host` → `https://[REDACTED]@host`.
    public static func userInfo(in text: String) -> String {
        var result = ""
        var start = text.startIndex
        for range in userInfoRanges(in: text) {
            result += text[start..<range.lowerBound] + placeholder
            start = range.upperBound
        }
        return result + text[start...]
    }

    /// The user-info parts (`user:password`) of the URLs in `text`.
    public static func userInfos(in text: String) -> [String] {
        userInfoRanges(in: text).map { String(text[$0]) }
    }

    /// `text` with every occurrence of each secret replaced by ``placeholder``; secrets shorter
    /// than 4 characters are only replaced when they are the whole text (masking every `a` of a
    /// message would hide more than the secret).
    public static func secrets(_ secrets: some Sequence<String>, in text: String) -> String {
        var result = text
        for secret in Set(secrets).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            if secret.count >= 4 {
                result = result.replacingOccurrences(of: secret, with: placeholder)
            } else if result == secret {
                result = placeholder
            }
        }
        return result
    }

    /// Where user-info sits in `text`: between `://` and the last `@` of the authority.
    private static func userInfoRanges(in text: String) -> [Range<String.Index>] {
        guard text.contains("@" as Character) else { return [] }
        var ranges: [Range<String.Index>] = []
        var rest = text[...]
        while let separator = rest.firstRange(of: "://") {
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex(where: { "/?#'\" \t\n".contains($0) }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                ranges.append(rest.startIndex..<at)
                rest = rest[at...]
            }
        }
        return ranges
    }
}
