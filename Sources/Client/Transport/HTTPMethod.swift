/// An HTTP request method.
public enum HTTPMethod: String, Sendable, Equatable {
    /// `GET`
    case get = "GET"
    /// `HEAD`
    case head = "HEAD"
    /// `POST`
    case post = "POST"
    /// `PUT`
    case put = "PUT"
    /// `DELETE`
    case delete = "DELETE"
    /// `PATCH`
    case patch = "PATCH"
}
