/// A username and password accepted through HTTP Basic authentication.
public struct BasicCredentials: Sendable, Equatable {
    /// The user name, usually an e-mail address.
    public var username: String
    public var password: String

    /// Creates credentials from a user name and a password.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
