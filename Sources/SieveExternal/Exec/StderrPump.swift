import Foundation
import Logging
import Synchronization

/// Drains a worker's standard error on its own thread: each line goes to the log, tagged with the stage and
/// worker names, and the last lines are kept for error messages (a failed handshake, a crash).
final class StderrPump: Sendable {
    private struct State {
        var logger: Logger
        var worker: String
        var tail: [String] = []
    }

    private static let tailLength = 20
    private let state: Mutex<State>
    private let drained = DispatchSemaphore(value: 0)

    /// Starts draining `fd` (and closes it at end of file); lines are logged through `logger` with `stage` metadata.
    init(fd: Int32, logger: Logger, worker: String) {
        state = Mutex(State(logger: logger, worker: worker))
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

    /// The last lines the worker wrote to standard error, waiting up to `wait` for it to close the stream.
    func tail(waiting wait: Duration = .zero) -> [String] {
        if wait > .zero {
            let milliseconds = Int(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
            if drained.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { drained.signal() }
        }
        return state.withLock { $0.tail }
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

    private func emit(_ line: String) {
        let (logger, worker) = state.withLock { state in
            state.tail.append(line)
            if state.tail.count > Self.tailLength { state.tail.removeFirst() }
            return (state.logger, state.worker)
        }
        logger.info("\(line)", metadata: ["worker": "\(worker)"])
    }
}
