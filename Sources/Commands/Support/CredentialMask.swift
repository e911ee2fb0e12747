import Client

/// The command-line side of the one masking rule (headers and URLs follow the client's
/// `Redaction`): what history, `--echo`, `--report`, `--verbose`, error messages and
/// `config view` never show.
///
/// Credentials are the values of `--token`/`-t` and `--password`, the values of credential
/// headers given with `--header`, the user-info of URLs, and the values of `KESTRACTL_TOKEN` and
/// `KESTRACTL_PASSWORD`. Every value found is also masked wherever else it appears (a secret
/// expanded from a variable into another word, or echoed back in a server message).
public struct CredentialMask: Sendable, Equatable {
    /// The secret values masked wherever they appear.
    public private(set) var secrets: Set<String> = []

    /// Options whose value is a credential.
    static let secretOptions: Set<String> = ["--token", "-t", "--password"]
    /// Options that read a credential from stdin: a line with one is a credential line for history.
    static let secretInputOptions: Set<String> = ["--token-stdin", "--password-stdin"]

    /// Collects the secrets of `arguments` and of the environment's `KESTRACTL_TOKEN` and `KESTRACTL_PASSWORD`.
    public init(arguments: [String] = [], environment: [String: String] = [:]) {
        for name in ["KESTRACTL_TOKEN", "KESTRACTL_PASSWORD"] {
            if let value = environment[name], !value.isEmpty { secrets.insert(value) }
        }
        add(arguments: arguments)
    }

    /// Adds the secrets `arguments` carry.
    public mutating func add(arguments: [String]) {
        for (index, argument) in arguments.enumerated() {
            let previous = index > 0 ? arguments[index - 1] : nil
            if let value = Self.secretValue(argument, after: previous) { secrets.insert(value) }
            for userInfo in Redaction.userInfos(in: argument) {
                secrets.insert(userInfo)
                // The password alone too, where it appears without its user name.
                if let colon = userInfo.firstIndex(of: ":") {
                    secrets.insert(String(userInfo[userInfo.index(after: colon)...]))
                }
            }
        }
    }

    /// Adds secret values known otherwise (a password or token from the config file).
    public mutating func add(secrets values: [String]) {
        secrets.formUnion(values.filter { !$0.isEmpty })
    }

    /// `arguments` as they may be shown: option values and credential header values replaced by
    /// `[REDACTED]` (`--password [REDACTED]`, `--token=[REDACTED]`, `-t[REDACTED]`,
    /// `--header 'Authorization: [REDACTED]'`), URL user-info and every known secret masked.
    public func arguments(_ arguments: [String]) -> [String] {
        let placeholder = Redaction.placeholder
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            let previous = index > 0 ? arguments[index - 1] : nil
            let shown: String
            if let previous, Self.secretOptions.contains(previous) {
                shown = placeholder
            } else if let previous, previous == "--header", let header = Self.maskedHeader(argument) {
                shown = header
            } else if let (name, value) = Self.split(argument), Self.secretOptions.contains(name) {
                shown = value.isEmpty ? argument : name + "=" + placeholder
            } else if let (name, value) = Self.split(argument), name == "--header",
                let header = Self.maskedHeader(value)
            {
                shown = name + "=" + header
            } else if argument.hasPrefix("-t"), !argument.hasPrefix("--"), argument.count > 2 {
                shown = "-t" + placeholder
            } else {
                shown = argument
            }
            result.append(text(shown))
        }
        return result
    }

    /// `text` with URL user-info and every known secret value masked.
    public func text(_ text: String) -> String {
        Redaction.secrets(secrets, in: Redaction.userInfo(in: text))
    }

    /// Whether `arguments` carry a credential (shown masked, or read with `--*-stdin`).
    public func carriesCredential(_ arguments: [String]) -> Bool {
        arguments.contains { Self.secretInputOptions.contains(Self.split($0)?.name ?? $0) }
            || self.arguments(arguments) != arguments
    }

    /// The secret an argument holds, given the argument before it.
    private static func secretValue(_ argument: String, after previous: String?) -> String? {
        if let previous, secretOptions.contains(previous) { return argument }
        if previous == "--header" { return headerSecret(argument) }
        if let (name, value) = split(argument) {
            if secretOptions.contains(name) { return value }
            if name == "--header" { return headerSecret(value) }
        }
        if argument.hasPrefix("-t"), !argument.hasPrefix("--"), argument.count > 2 {
            return String(argument.dropFirst(2))
        }
        return nil
    }

    /// `--name=value` split at its first `=`, for options only.
    private static func split(_ argument: String) -> (name: String, value: String)? {
        guard argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") else { return nil }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The value of a `Key: Value` header when the key names a credential.
    private static func headerSecret(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard Redaction.isCredentialHeader(name), !value.isEmpty else { return nil }
        return value
    }

    /// `Key: [REDACTED]` for a credential header line, nil for any other line.
    private static func maskedHeader(_ line: String) -> String? {
        guard headerSecret(line) != nil, let colon = line.firstIndex(of: ":") else { return nil }
        return line[...colon] + " " + Redaction.placeholder
    }
}
