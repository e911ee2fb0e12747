/// A flow document checked and ready to send: its id, its namespace after the rewrite, and the
/// exact text (the file's own bytes plus the spliced namespace and `disabled: true` edits).
struct PreparedFlow: Sendable, Equatable {
    /// The flow id.
    var id: String
    /// The namespace the flow is sent to.
    var namespace: String
    /// The YAML text sent.
    var text: String

    /// Checks the document's identity and applies `rewrite` and, when asked, `--disable-triggers`.
    init(_ document: FlowDocument, rewrite: NamespaceRewrite, disableTriggers: Bool = false) throws(FlowSourceError) {
        if let problem = document.problem { throw FlowSourceError(problem) }
        guard let id = document.id, let original = document.namespace else { throw FlowSourceError("missing id") }
        guard FlowIdentifier.isValid(id) else {
            throw FlowSourceError(
                "invalid flow id '\(id)': use letters, digits, '.', '_' and '-', starting with a letter or digit")
        }
        let namespace = rewrite.apply(to: original)
        guard NamespaceName.isValid(namespace) else { throw FlowSourceError("invalid namespace '\(namespace)'") }
        do {
            var text = namespace == original ? document.text : try document.replacingNamespace(with: namespace)
            if disableTriggers {
                text = try FlowDocument(index: document.index, firstLine: document.firstLine, text: text)
                    .disablingTriggers()
            }
            self.id = id
            self.namespace = namespace
            self.text = text
        } catch let error as FlowSourceError {
            throw error
        } catch {
            throw FlowSourceError("\(error)")
        }
    }
}
