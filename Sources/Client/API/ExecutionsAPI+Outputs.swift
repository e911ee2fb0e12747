import Foundation

extension ExecutionsAPI {
    /// The flow outputs and each task run's outputs. 2.x keeps task outputs out of the execution:
    /// they are read from `/outputs/{id}` and then `/outputs/{id}/{taskRunId}` per task run listed;
    /// 1.x carries them in `taskRunList[].outputs`.
    public func outputs(id: String) async throws -> ExecutionOutputs {
        let execution = try await get(id: id)
        let taskRuns = execution.taskRunList ?? []
        switch try await executor.generation().generation {
        case .v1:
            let tasks = taskRuns.compactMap { run -> TaskRunOutputs? in
                guard let outputs = run.outputs, !outputs.isEmpty else { return nil }
                return TaskRunOutputs(taskId: run.taskId ?? "-", taskRunId: run.id, outputs: outputs)
            }
            return ExecutionOutputs(outputs: execution.outputs ?? [:], tasks: tasks)
        case .v2:
            let listed = try await executor.decode(
                [TaskOutputInformation].self, APIRequest(.get, routes.outputs(executionId: id)))
            var tasks: [TaskRunOutputs] = []
            for information in listed {
                let taskRunId = information.taskRunId
                let outputs = try await executor.decode(
                    [String: JSONValue].self,
                    APIRequest(.get, routes.outputs(executionId: id, taskRunId: taskRunId)))
                let taskId = information.taskId ?? taskRuns.first { $0.id == taskRunId }?.taskId ?? "-"
                tasks.append(TaskRunOutputs(taskId: taskId, taskRunId: taskRunId, outputs: outputs))
            }
            return ExecutionOutputs(outputs: execution.outputs ?? [:], tasks: tasks)
        }
    }

    /// Downloads a file of the execution's internal storage (a `kestra:///…` URI), streamed.
    public func downloadFile(id: String, uri: String) async throws -> ResponseBody {
        var query = QueryItems()
        query.add("path", uri)
        var request = APIRequest(.get, routes.executionFile(id: id), query: query)
        request.streaming = true
        return try await executor.download(request, accept: "application/octet-stream")
    }
}

/// One entry of `GET /outputs/{executionId}`: a task run that stored outputs.
private struct TaskOutputInformation: Decodable {
    var taskId: String?
    var taskRunId: String
}
