import Foundation
import Logging
import SieveCore

/// Runs the work items of an isolated run in a pool of `sieve worker` processes (the hidden `worker` subcommand
/// of the running executable), one item per worker at a time, over the exec route's machinery (`WorkerPool`,
/// `ChildProcess`) and `PipelineWire`.
///
/// ```
///  parent: walk, split containers, load records ──▶ request ──▶ [sieve worker]: load files, read, transforms
///          write in order, ordered stages ◀──────── answer (documents as JSON lines) ◀──────────┘
/// ```
/// A worker that crashes, exits or breaks the protocol fails only the item it was serving ("the worker was
/// killed by signal 11 (Segmentation fault)"); one that takes longer than `timeout` is killed ("timed out after
/// 60 s"); both are replaced by a fresh worker for the next item. Once the run's stop flag is raised, a worker
/// still busy is killed within a tenth of a second and its item answered as interrupted.
public final class PipelineWorkers: WorkExecutor {
    /// The hard time limit per item when the run sets none: a normal page takes milliseconds.
    public static let defaultTimeout = Duration.seconds(60)

    private let pool: WorkerPool

    /// Starts `count` workers of `executable` (plus `arguments`, such as a hidden debug flag) for `spec`, and
    /// waits for their handshakes, so a worker that cannot build the pipeline fails the run before any input is read.
    public init(spec: PipelineSpec, executable: String, arguments: [String] = [], count: Int, timeout: Duration,
                logger: Logger) throws(ConfigurationError) {
        var environment: [String: String] = [:]
        // Swift's crash reporter would keep a crashed worker alive for seconds while it symbolicates.
        if ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        pool = WorkerPool(.init(command: [executable, "worker"] + arguments, hello: PipelineWire.hello(spec),
                                environment: environment, timeout: timeout, forwardsLog: true))
        do { try pool.prestart(count, logger: logger) } catch {
            throw ConfigurationError("cannot start the worker processes: \(error.message)")
        }
    }

    /// The path of the running executable, which serves as the worker program.
    public static var currentExecutable: String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
        return path.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
    }

    /// Sends the input to a worker and reads back its outcome, its documents in `form`; a worker failure fails
    /// the input alone.
    public func outcome(of input: WorkInput, index: Int, form: DocumentForm, stop: StopFlag?, logger: Logger) -> InputOutcome {
        let id = pool.nextRequestID()
        var worker: Worker
        do { worker = try pool.checkOut(logger: logger) } catch {
            return failed(input, index: index, reason: "cannot start a worker: \(error.message)")
        }
        let deadline = ContinuousClock.now + pool.launch.timeout
        let header: PipelineWire.AnswerHeader
        let body: [UInt8]
        do throws(WorkerFailure) {
            let line = try worker.exchange(PipelineWire.request(id: id, input: input, form: form), deadline: deadline, stop: stop)
            do { header = try PipelineWire.answerHeader(line, id: id, index: index) } catch {
                throw WorkerFailure(.protocolError, "its answer is malformed (\(error))")
            }
            body = try worker.readBytes(header.bodyCount, deadline: deadline, stop: stop)
        } catch {
            if error.kind == .stopped {
                worker.process.kill()
                var outcome = InputOutcome(index: index)
                outcome.interrupted = true
                return outcome
            }
            return failed(input, index: index, reason: explain(error, worker: worker))
        }
        do {
            let outcome = try PipelineWire.outcome(header, body: body, form: form, path: input.path)
            pool.checkIn(worker)
            return outcome
        } catch {
            let failure = WorkerFailure(.protocolError, "its answer is malformed (\(error))")
            return failed(input, index: index, reason: explain(failure, worker: worker))
        }
    }

    /// What happened to the worker, after killing or reaping it, with the end of its standard error.
    private func explain(_ failure: WorkerFailure, worker: Worker) -> String {
        switch failure.kind {
        case .timedOut:
            worker.process.kill()
            worker.stderr.release()
            return "timed out after \(pool.launch.timeout) (--timeout); its worker process was killed and replaced"
        case .exited, .spawn, .protocolError, .stopped:
            let ending = worker.process.finish(grace: .milliseconds(500))
            let what = failure.kind == .protocolError ? "broke the protocol: \(failure.message); it" : "the worker process"
            let tail = Array(worker.stderr.claim(waiting: .milliseconds(200)).suffix(5))
            return "\(what) \(ending) while converting this input (a new worker took its place)" + (tail.isEmpty ? "" : Worker.show(tail))
        }
    }

    private func failed(_ input: WorkInput, index: Int, reason: String) -> InputOutcome {
        var outcome = InputOutcome(index: index)
        var offset: Int?
        if case .loaded(let input, _) = input {
            outcome.bytes = input.bytes.count
            offset = input.offset
        }
        outcome.failures = [Failure(input: input.path, offset: offset, stage: "worker", reason: reason)]
        return outcome
    }
}
