/// What a run loop needs to run an execution: the flow's tasks, where to start and how to render templates.
struct ExecutionPlan: Sendable {
    var tasks: [JSONValue]
    var startIndex: Int
    var inputs: [(String, JSONValue)]
    var flowId: String
    var namespace: String
    var executionId: String

    var renderer: TemplateRenderer {
        TemplateRenderer(inputs: inputs, flowId: flowId, namespace: namespace, executionId: executionId)
    }
}
