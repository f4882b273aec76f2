import Foundation
import Logging
import Synchronization

/// Drains a worker's standard error on its own thread. Lines written while the worker serves a request (or
/// starts) are held; when the request succeeds they go to the log, tagged with the stage and worker names
/// (`release`); when it fails they go into the failure message instead (`claim`), so a traceback is shown
/// once, not in the log and again in the error. Lines written while the worker is idle are logged at once.
/// The lines of a `sieve worker` that carry its own log records (`WorkerLog`) are logged as those records, with
/// their level and metadata, not as text under this worker's name.
///
/// ```
///  spawn ─hold─▶ handshake ─▶ checkOut ─hold─▶ request ─ok─▶ checkIn: release (log)
///                    └─failed: claim (message)       └─failed: claim (message), or release on a timeout
/// ```
final class StderrPump: Sendable {
    /// A line of the worker's standard error: plain text, or one of a `sieve worker`'s log records.
    private enum Line {
        case text(String)
        case record(WorkerLog.Record)

        var text: String {
            switch self {
            case .text(let text): text
            case .record(let record): record.text
            }
        }
    }

    private struct State {
        var logger: Logger
        var worker: String
        var holding = true
        var held: [Line] = []
    }

    /// Most lines held for one request; older ones are logged to make room.
    private static let heldLimit = 1_000
    private let state: Mutex<State>
    private let drained = DispatchSemaphore(value: 0)
    /// Whether the worker is a `sieve worker`, whose log records cross as `WorkerLog` lines.
    private let forwardsLog: Bool

    /// Starts draining `fd` (and closes it at end of file), holding lines until the first `release`; lines are
    /// logged through `logger` with `worker` metadata (a `forwardsLog` worker's records with their own).
    init(fd: Int32, logger: Logger, worker: String, forwardsLog: Bool = false) {
        state = Mutex(State(logger: logger, worker: worker))
        self.forwardsLog = forwardsLog
        let thread = Thread { [self] in
            self.drain(fd)
        }
        thread.name = "sieve-exec-stderr"
        thread.start()
    }

    /// Logs later lines through this logger (the one of the document being served).
    func use(_ logger: Logger) {
        state.withLock { $0.logger = logger }
    }

    /// Names the worker in later log lines (once the handshake told its name).
    func rename(_ worker: String) {
        state.withLock { $0.worker = worker }
    }

    /// Holds the lines of the request about to be served.
    func hold() {
        state.withLock { $0.holding = true }
    }

    /// Logs the held lines (the request succeeded, or the worker is being stopped) and logs later lines at once;
    /// a stopping worker gets up to `wait` to close its standard error first.
    func release(waiting wait: Duration = .zero) {
        awaitDrain(wait)
        let (lines, logger, worker) = state.withLock { state in
            defer { state.held = []; state.holding = false }
            return (state.held, state.logger, state.worker)
        }
        for line in lines { Self.log(line, to: logger, worker: worker) }
    }

    /// Takes the held lines for a failure message, without logging them, after waiting up to `wait` for the
    /// worker to close its standard error (so the lines it wrote as it died are in).
    func claim(waiting wait: Duration = .zero) -> [String] {
        awaitDrain(wait)
        return state.withLock { state in
            defer { state.held = [] }
            return state.held.map(\.text)
        }
    }

    private func awaitDrain(_ wait: Duration) {
        guard wait > .zero else { return }
        let milliseconds = Int(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
        if drained.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { drained.signal() }
    }

    private func drain(_ fd: Int32) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                emit(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { emit(String(decoding: pending, as: UTF8.self)) }
        close(fd)
        drained.signal()
    }

    private func emit(_ text: String) {
        let line = forwardsLog ? WorkerLog.record(text).map(Line.record) ?? .text(text) : .text(text)
        let (logged, logger, worker) = state.withLock { state -> (Line?, Logger, String) in
            guard state.holding else { return (line, state.logger, state.worker) }
            state.held.append(line)
            let overflow = state.held.count > Self.heldLimit ? state.held.removeFirst() : nil
            return (overflow, state.logger, state.worker)
        }
        if let logged { Self.log(logged, to: logger, worker: worker) }
    }

    private static func log(_ line: Line, to logger: Logger, worker: String) {
        switch line {
        case .text(let text):
            logger.info("\(text)", metadata: ["worker": "\(worker)"])
        case .record(let record):
            logger.log(level: record.level, "\(record.message)", metadata: record.metadata.mapValues { .string($0) }, source: record.source)
        }
    }
}
