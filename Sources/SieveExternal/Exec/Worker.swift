import Logging
import SieveCore

/// One worker process (of an `exec` stage, or a `sieve worker`): spawned by `spawn`, ready once `handshake()`
/// returns. Serves one request at a time: the pool hands it out and takes it back.
struct Worker: Sendable {
    /// The running process.
    let process: ChildProcess
    /// The name the worker gave in its handshake (its command line before that).
    let name: String
    /// The drain of its standard error.
    let stderr: StderrPump
    private var pending: [UInt8] = []
    private var scanned = 0
    /// Where each read of the worker's output lands, made once.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    private init(process: ChildProcess, name: String, stderr: StderrPump) {
        self.process = process
        self.name = name
        self.stderr = stderr
    }

    /// Starts the worker's process and sends the handshake; `handshake()` then reads the answer. Starting
    /// several workers before reading any answer lets their start-up times overlap.
    static func spawn(_ launch: WorkerPool.Launch, logger: Logger) throws(WorkerFailure) -> Worker {
        let process = try ChildProcess.spawn(launch.command, extraEnvironment: launch.environment)
        let command = launch.command.joined(separator: " ")
        let stderr = StderrPump(fd: process.errors, logger: logger, worker: command, forwardsLog: launch.forwardsLog)
        let worker = Worker(process: process, name: command, stderr: stderr)
        do {
            try process.write(launch.hello, deadline: ContinuousClock.now + launch.handshakeTimeout)
        } catch {
            throw worker.handshakeFailure(error, timeout: launch.handshakeTimeout)
        }
        return worker
    }

    /// Reads the worker's answer to the handshake before `timeout`; a failure kills the worker and shows its
    /// standard error.
    func handshake(timeout: Duration) throws(WorkerFailure) -> Worker {
        var worker = self
        do {
            let line = try worker.readLine(deadline: ContinuousClock.now + timeout)
            let name = try ExecProtocol.welcome(line)
            stderr.rename(name)
            var ready = Worker(process: process, name: name, stderr: stderr)
            ready.pending = worker.pending
            return ready
        } catch {
            throw handshakeFailure(error, timeout: timeout)
        }
    }

    private func handshakeFailure(_ error: WorkerFailure, timeout: Duration) -> WorkerFailure {
        let ending: String
        if error.kind == .timedOut {
            process.kill()
            ending = "was killed after \(timeout)"
        } else {
            ending = process.finish(grace: .seconds(1))
        }
        return WorkerFailure(error.kind, "worker '\(name)' failed the handshake: \(error.message) (it \(ending))"
            + Self.show(stderr.claim(waiting: .seconds(1))))
    }

    /// Sends one request (its parts written one after the other, see `ChildProcess.write`) and reads one answer
    /// line, both before `deadline`; gives up early (`.stopped`) once `stop` is raised. An answer with more after
    /// its line goes on with `readBytes` under the same deadline.
    mutating func exchange(_ request: [[UInt8]], deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) -> [UInt8] {
        try process.write(request, deadline: deadline, stop: stop)
        return try readLine(deadline: deadline, stop: stop)
    }

    /// The next line the worker writes, without its newline, read before `deadline` (or until `stop` is raised).
    private mutating func readLine(deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) -> [UInt8] {
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let answer = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                scanned = 0
                return answer
            }
            scanned = pending.count
            guard try process.read(into: &pending, through: &chunk, deadline: deadline, stop: stop) else {
                throw WorkerFailure(.exited, "the worker closed its standard output")
            }
        }
    }

    /// The next `count` bytes the worker writes, read before `deadline` (or until `stop` is raised): those already
    /// buffered, then read straight into the result.
    mutating func readBytes(_ count: Int, deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) -> [UInt8] {
        let buffered = min(count, pending.count)
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBufferPointer { _ = $0.initialize(from: pending[..<buffered]) }
        pending.removeSubrange(..<buffered)
        scanned = 0
        var filled = buffered
        while filled < count {
            let got = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(WorkerFailure) in
                    try process.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]), deadline: deadline, stop: stop)
                }
            }.get()
            guard got > 0 else { throw WorkerFailure(.exited, "the worker closed its standard output inside an answer") }
            filled += got
        }
        return bytes
    }

    /// Explains a failure of this worker, after killing it (a hang) or reaping it (an exit), with its last stderr lines.
    func retire(after failure: WorkerFailure, timeout: Duration) -> String {
        switch failure.kind {
        case .stopped:
            process.kill()
            stderr.release()
            return "worker '\(name)' was stopped (the run was interrupted)"
        case .timedOut:
            process.kill()
            stderr.release()
            return "worker '\(name)' did not answer within \(timeout) and was killed; it will be restarted"
        case .exited, .spawn, .protocolError:
            let ending = process.finish(grace: .milliseconds(500))
            let what = failure.kind == .protocolError ? "broke the protocol: \(failure.message)" : failure.message
            return "worker '\(name)' \(what) (it \(ending)); it will be restarted" + Self.show(stderr.claim(waiting: .milliseconds(200)))
        }
    }

    /// `; its standard error ends with: ...` (its last 20 lines; or says it wrote nothing), for failure messages.
    static func show(_ lines: [String]) -> String {
        lines.isEmpty ? "; it wrote nothing to standard error"
            : "; its standard error ends with:\n    " + lines.suffix(20).joined(separator: "\n    ")
    }
}
