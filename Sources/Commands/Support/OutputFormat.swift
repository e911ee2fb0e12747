import ArgumentParser

/// How results are printed on stdout.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns or a details block.
    case table
    /// One pretty-printed JSON document.
    case json
    /// The same object as YAML.
    case yaml
}
