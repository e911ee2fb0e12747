/// What a run loop needs to run an execution: the flow's tasks, where to start and how to render templates.
struct ExecutionPlan: Sendable {
    var tasks: [JSONValue]
    var startIndex: Int
    var inputs: [(String, JSONValue)]
    var flowId: String
    var namespace: String
    var executionId: String
    /// The outputs of the task runs already done (restart, replay), by task id.
    var outputs: [(String, JSONValue)] = []
    /// The flow's declared outputs (`id`, `type`, `value`).
    var flowOutputs: [JSONValue] = []

    var renderer: TemplateRenderer {
        TemplateRenderer(
            inputs: inputs, flowId: flowId, namespace: namespace, executionId: executionId, outputs: outputs)
    }
}
