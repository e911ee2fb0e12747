import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Receives one response for ``AsyncHTTPClientTransport`` through AsyncHTTPClient's delegate API:
/// resumes the caller when the response head arrives and hands the body on as an async sequence that
/// reads from the connection only as fast as it is consumed.
///
/// AsyncHTTPClient's `async` `execute` starts an unstructured task for every request (its
/// cancellation handler), which wakes a thread of the global executor each time; on this path a
/// request runs on the event loop alone (docs/performance.md, "Every script line"; kestractl has one
/// loop). Every delegate callback runs on `eventLoop`.
final class ResponseReceiver: HTTPClientResponseDelegate, Sendable {
    typealias Response = Void
    typealias Body = NIOThrowingAsyncSequenceProducer<
        ByteBuffer, any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, Demand
    >
    /// The response head and its body.
    typealias Received = (head: HTTPResponseHead, body: Body)

    private enum Phase {
        /// Before the head: the caller waits here.
        case waitingForHead(CheckedContinuation<Received, any Error>)
        /// The body streams to the consumer; `paused` holds back the connection while the consumer is behind.
        case streaming(Body.Source, paused: EventLoopPromise<Void>?)
        /// The request ended: the response was read, failed or was cancelled.
        case done
    }

    private struct State {
        var phase: Phase?
        var task: HTTPClient.Task<Void>?
        var cancelled = false
        var deadline: Scheduled<Void>?
    }

    let eventLoop: any EventLoop
    private let state = Mutex(State())

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Starts the request with `start` and waits for the response head; cancelling the calling task
    /// cancels the request. Past `deadline`, a request still without its head fails with
    /// `deadlineExceeded` (the body may take longer: a download streams for as long as it needs).
    func response(
        deadline: NIODeadline?, start: (ResponseReceiver) -> HTTPClient.Task<Void>
    ) async throws -> Received {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                state.withLock { $0.phase = .waitingForHead(continuation) }
                let task = start(self)
                // Failures found before the request starts (a client already shut down) reach only the
                // task's future, not the delegate.
                task.futureResult.whenFailure { [self] error in finish(with: error) }
                let scheduled = deadline.map { deadline in
                    eventLoop.scheduleTask(deadline: deadline) { task.fail(reason: HTTPClientError.deadlineExceeded) }
                }
                let cancelledAlready = state.withLock { state in
                    state.task = task
                    state.deadline = scheduled
                    return state.cancelled
                }
                if cancelledAlready { task.cancel() }
            }
        } onCancel: {
            let task = state.withLock { state in
                state.cancelled = true
                return state.task
            }
            task?.cancel()
        }
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let sequence = Body.makeSequence(
            elementType: ByteBuffer.self,
            backPressureStrategy: .init(lowWatermark: 1, highWatermark: 1),
            finishOnDeinit: false,
            delegate: Demand(receiver: self)
        )
        let (waiting, deadline) = state.withLock {
            state -> (CheckedContinuation<Received, any Error>?, Scheduled<Void>?) in
            defer { state.deadline = nil }
            guard case .waitingForHead(let continuation) = state.phase else { return (nil, state.deadline) }
            state.phase = .streaming(sequence.source, paused: nil)
            return (continuation, state.deadline)
        }
        deadline?.cancel()
        waiting?.resume(returning: (head, sequence.sequence))
        return eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let streaming = state.withLock { state -> Body.Source? in
            guard case .streaming(let source, _) = state.phase else { return nil }
            return source
        }
        // Outside the lock: the sequence may call its delegate (`Demand`) from `yield`.
        switch streaming?.yield(buffer) {
        case .stopProducing:
            let paused = eventLoop.makePromise(of: Void.self)
            let held = state.withLock { state in
                guard case .streaming(let source, _) = state.phase else { return false }
                state.phase = .streaming(source, paused: paused)
                return true
            }
            if !held { paused.succeed() }
            return paused.futureResult
        case .produceMore, .dropped, nil:
            // `.dropped`: the consumer is gone; `Demand.didTerminate` cancels the request.
            return eventLoop.makeSucceededVoidFuture()
        }
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        finish(with: error)
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        finish(with: nil)
    }

    /// Ends the request: the caller waiting for the head gets `error`; a streaming body ends, with
    /// `error` when there is one.
    private func finish(with error: (any Error)?) {
        let (phase, deadline) = state.withLock { state in
            defer {
                state.phase = .done
                state.deadline = nil
            }
            return (state.phase, state.deadline)
        }
        deadline?.cancel()
        switch phase {
        case .waitingForHead(let continuation):
            continuation.resume(throwing: error ?? HTTPClientError.remoteConnectionClosed)
        case .streaming(let source, let paused):
            if let error { source.finish(error) } else { source.finish() }
            paused?.succeed()
        case .done, nil:
            break
        }
    }

    /// The consumer read enough to take more: the connection resumes reading.
    fileprivate func resume() {
        eventLoop.execute { [self] in
            let paused = state.withLock { state -> EventLoopPromise<Void>? in
                guard case .streaming(let source, let paused) = state.phase else { return nil }
                state.phase = .streaming(source, paused: nil)
                return paused
            }
            paused?.succeed()
        }
    }

    /// The consumer stopped reading before the end (it was cancelled or dropped the body): the
    /// request is cancelled. After the end there is nothing to cancel.
    fileprivate func abandon() {
        let task = state.withLock { state -> HTTPClient.Task<Void>? in
            guard case .streaming = state.phase else { return nil }
            return state.task
        }
        task?.cancel()
    }

    /// Tells the receiver when the body's consumer wants more and when it has gone.
    struct Demand: NIOAsyncSequenceProducerDelegate {
        let receiver: ResponseReceiver

        func produceMore() { receiver.resume() }

        func didTerminate() { receiver.abandon() }
    }
}
