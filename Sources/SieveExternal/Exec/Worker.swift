import Logging
import SieveCore

/// One worker process of an `exec` stage, past its handshake. Used by one document at a time: the pool hands
/// it out and takes it back.
struct Worker: Sendable {
    /// The running process.
    let process: ChildProcess
    /// The name the worker gave in its handshake.
    let name: String
    /// The drain of its standard error.
    let stderr: StderrPump
    private var pending: [UInt8] = []
    private var scanned = 0

    private init(process: ChildProcess, name: String, stderr: StderrPump) {
        self.process = process
        self.name = name
        self.stderr = stderr
    }

    /// Starts `command` and completes the handshake before `timeout`; a failure names the command and shows the
    /// worker's standard error.
    static func start(_ command: [String], stage: String, config: [String: FieldValue], timeout: Duration,
                      logger: Logger) throws(WorkerFailure) -> Worker {
        let process = try ChildProcess.spawn(command, extraEnvironment: ["SIEVE_PROTOCOL": String(ExecProtocol.version)])
        let pump = StderrPump(fd: process.errors, logger: logger, worker: command.joined(separator: " "))
        var worker = Worker(process: process, name: command[0], stderr: pump)
        do {
            let line = try worker.exchange(ExecProtocol.hello(stage: stage, config: config), timeout: timeout)
            let name = try ExecProtocol.welcome(line)
            pump.rename(name)
            worker = Worker(process: process, name: name, stderr: pump)
            return worker
        } catch {
            let ending: String
            if error.kind == .timedOut {
                process.kill()
                ending = "was killed after \(timeout)"
            } else {
                ending = process.finish(grace: .seconds(1))
            }
            throw WorkerFailure(error.kind, "worker '\(command.joined(separator: " "))' failed the handshake: "
                + "\(error.message) (it \(ending))" + Self.show(pump.tail(waiting: .seconds(1))))
        }
    }

    /// Sends one line and reads one answer line, both before `timeout`.
    mutating func exchange(_ line: [UInt8], timeout: Duration) throws(WorkerFailure) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        try process.write(line, deadline: deadline)
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let answer = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                scanned = 0
                return answer
            }
            scanned = pending.count
            guard try process.read(into: &pending, deadline: deadline) else {
                throw WorkerFailure(.exited, "the worker closed its standard output")
            }
        }
    }

    /// Explains a failure of this worker, after killing it (a hang) or reaping it (an exit), with its last stderr lines.
    func retire(after failure: WorkerFailure, timeout: Duration) -> String {
        switch failure.kind {
        case .timedOut:
            process.kill()
            return "worker '\(name)' did not answer within \(timeout) and was killed; it will be restarted"
        case .exited, .spawn, .protocolError:
            let ending = process.finish(grace: .milliseconds(500))
            let what = failure.kind == .protocolError ? "broke the protocol: \(failure.message)" : failure.message
            return "worker '\(name)' \(what) (it \(ending)); it will be restarted" + Self.show(stderr.tail(waiting: .milliseconds(200)))
        }
    }

    /// Ends a worker at the end of the run: closes its input and waits a moment for it to exit.
    func shutdown() {
        _ = process.finish(grace: .seconds(2))
    }

    private static func show(_ lines: [String]) -> String {
        lines.isEmpty ? "; it wrote nothing to standard error"
            : "; its standard error ends with:\n    " + lines.joined(separator: "\n    ")
    }
}
