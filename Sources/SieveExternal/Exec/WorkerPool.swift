import Logging
import SieveCore
import Synchronization

/// Long-lived worker processes: those of one `exec` stage, or the `sieve worker` processes of an isolated run.
/// A request checks a worker out, or starts one when none is idle, so the pool grows to the number of requests
/// served at once (one per job) and no further. A worker that fails is not checked back in; the next request
/// starts a fresh one.
final class WorkerPool: Sendable {
    /// What starting a worker needs.
    struct Launch: Sendable {
        /// The program and its arguments.
        var command: [String]
        /// The handshake line sent first (the worker answers `{"protocol":1,"ok":true,"name":...}`).
        var hello: [UInt8]
        /// Variables added to the inherited environment.
        var environment: [String: String]
        /// How long a worker may take per request before it is killed.
        var timeout: Duration
        /// Whether the worker is a `sieve worker`, whose log records cross its standard error as `WorkerLog` lines.
        var forwardsLog = false

        /// How long a new worker may take to start and answer the handshake: `timeout`, but at least a minute,
        /// since loading a model or an interpreter can take far longer than serving a document.
        var handshakeTimeout: Duration { max(timeout, .seconds(60)) }
    }

    let launch: Launch
    private let idle = Mutex<[Worker]>([])
    /// The logger of the latest request, through which idle workers' last lines are logged when the pool stops.
    private let lastLogger = Mutex<Logger?>(nil)
    private let requests = Atomic<Int>(0)

    /// Creates an empty pool.
    init(_ launch: Launch) {
        self.launch = launch
    }

    /// Starts `count` workers at once and waits for all their handshakes; any failure stops them all.
    func prestart(_ count: Int, logger: Logger) throws(WorkerFailure) {
        var spawned: [Worker] = []
        var ready: [Worker] = []
        do {
            for _ in 0..<max(1, count) { spawned.append(try Worker.spawn(launch, logger: logger)) }
            while !spawned.isEmpty { ready.append(try spawned.removeFirst().handshake(timeout: launch.handshakeTimeout)) }
        } catch {
            Self.stop(spawned + ready, releasing: false, logger: nil)
            throw error
        }
        idle.withLock { $0.append(contentsOf: ready) }
    }

    /// A worker ready for one request: an idle one, or a new one past its handshake.
    func checkOut(logger: Logger) throws(WorkerFailure) -> Worker {
        lastLogger.withLock { $0 = logger }
        if let worker = idle.withLock({ $0.popLast() }) {
            worker.stderr.use(logger)
            worker.stderr.hold()
            return worker
        }
        return try Worker.spawn(launch, logger: logger).handshake(timeout: launch.handshakeTimeout)
    }

    /// Returns a healthy worker to the pool, logging what it wrote to standard error while serving.
    func checkIn(_ worker: Worker) {
        worker.stderr.release()
        idle.withLock { $0.append(worker) }
    }

    /// A new request id, unique within the run.
    func nextRequestID() -> Int {
        requests.add(1, ordering: .relaxed).newValue
    }

    /// Closes every worker's input at once, then reaps them: well-behaved workers exit together. Their last
    /// lines of standard error are logged (through `logger`, the latest request's, when there was one), unless
    /// not `releasing`: a failed start already showed them.
    private static func stop(_ workers: [Worker], releasing: Bool, logger: Logger?) {
        for worker in workers { worker.process.closeInput() }
        for worker in workers { _ = worker.process.reap(grace: .seconds(2)) }
        guard releasing else { return }
        for worker in workers {
            if let logger { worker.stderr.use(logger) }
            worker.stderr.release(waiting: .milliseconds(200))
        }
    }

    deinit {
        Self.stop(idle.withLock { $0 }, releasing: true, logger: lastLogger.withLock { $0 })
    }
}
