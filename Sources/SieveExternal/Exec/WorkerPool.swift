import Logging
import SieveCore
import Synchronization

/// The long-lived worker processes of one `exec` stage. A document checks a worker out, or starts one when none
/// is idle, so the pool grows to the number of documents served at once (one per job) and no further. A worker
/// that fails is not checked back in; the next document starts a fresh one.
final class WorkerPool: Sendable {
    /// What starting a worker needs.
    struct Launch: Sendable {
        var command: [String]
        var stage: String
        var config: [String: FieldValue]
        var timeout: Duration
    }

    let launch: Launch
    private let idle = Mutex<[Worker]>([])
    private let requests = Atomic<Int>(0)

    /// Creates an empty pool.
    init(_ launch: Launch) {
        self.launch = launch
    }

    /// A worker ready for one request: an idle one, or a new one past its handshake.
    func checkOut(logger: Logger) throws(WorkerFailure) -> Worker {
        if let worker = idle.withLock({ $0.popLast() }) {
            worker.stderr.use(logger)
            return worker
        }
        return try Worker.start(launch.command, stage: launch.stage, config: launch.config, timeout: launch.timeout,
                                logger: logger)
    }

    /// Returns a healthy worker to the pool.
    func checkIn(_ worker: Worker) {
        idle.withLock { $0.append(worker) }
    }

    /// A new request id, unique within the run.
    func nextRequestID() -> Int {
        requests.add(1, ordering: .relaxed).newValue
    }

    deinit {
        for worker in idle.withLock({ $0 }) { worker.shutdown() }
    }
}
