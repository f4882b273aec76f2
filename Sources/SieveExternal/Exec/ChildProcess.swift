import Foundation
import Glibc
import SieveCore
import Synchronization

/// A running child process with pipes on its standard input, output and error, read and written with
/// deadlines (`poll`), so a hung child never blocks the caller past its timeout.
struct ChildProcess: Sendable {
    /// The child's process id.
    let pid: pid_t
    /// Our end of the child's standard input (non-blocking).
    let input: Int32
    /// Our end of the child's standard output.
    let output: Int32
    /// Our end of the child's standard error; the `StderrPump` that drains it closes it at end of file.
    let errors: Int32

    /// Ignores SIGPIPE once, so a worker that dies mid-write gives EPIPE instead of killing Sieve.
    private static let ignoreBrokenPipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Held while pipes are made and a child spawned, so no child inherits another's pipe before it is marked
    /// close-on-exec (which would keep that pipe open and hide the other child's exit).
    private static let spawning = Mutex(())

    /// Starts `command` (looked up on PATH) with the current environment plus `extraEnvironment`.
    static func spawn(_ command: [String], extraEnvironment: [String: String]) throws(WorkerFailure) -> ChildProcess {
        _ = ignoreBrokenPipe
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extraEnvironment) { _, new in new }
        let result: Result<ChildProcess, WorkerFailure> = spawning.withLock { _ in
            do throws(WorkerFailure) { return .success(try spawnLocked(command, environment: environment)) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func spawnLocked(_ command: [String], environment: [String: String]) throws(WorkerFailure) -> ChildProcess {
        let stdinPipe = try makePipe()
        let stdoutPipe = try makePipe()
        let stderrPipe = try makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        // Its own process group, so a Ctrl-C at the terminal reaches only Sieve, which then finishes the
        // documents in flight (with the workers still alive) and closes their input.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let status = posix_spawnp(&pid, command[0], &actions, &attributes, argv, envp)
        for fd in [stdinPipe.read, stdoutPipe.write, stderrPipe.write] { close(fd) }
        guard status == 0 else {
            for fd in [stdinPipe.write, stdoutPipe.read, stderrPipe.read] { close(fd) }
            throw WorkerFailure(.spawn, "cannot start '\(command[0])': \(String(cString: strerror(status)))")
        }
        _ = fcntl(stdinPipe.write, F_SETFL, fcntl(stdinPipe.write, F_GETFL) | O_NONBLOCK)
        // Pipes of 1 MiB (the unprivileged maximum) instead of 64 KiB: a page or a document crosses in one write.
        for fd in [stdinPipe.write, stdoutPipe.read] { _ = fcntl(fd, Self.setPipeSize, Int32(1 << 20)) }
        return ChildProcess(pid: pid, input: stdinPipe.write, output: stdoutPipe.read, errors: stderrPipe.read)
    }

    /// `F_SETPIPE_SZ` (Linux), which Glibc's Swift module does not export.
    private static let setPipeSize: Int32 = 1031

    private static func makePipe() throws(WorkerFailure) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw WorkerFailure(.spawn, "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Writes all of `bytes` to the child's standard input before `deadline` (or until `stop` is raised).
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) {
        try write([bytes], deadline: deadline, stop: stop)
    }

    /// Writes `parts` one after the other (gathered by `writev`, so a large part is not copied into a message
    /// first) before `deadline` (or until `stop` is raised).
    func write(_ parts: [[UInt8]], deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) {
        let total = parts.reduce(0) { $0 + $1.count }
        var offset = 0
        while offset < total {
            let written = Self.withBuffers(parts[...], []) { buffers in
                var skip = offset
                var vectors: [iovec] = []
                for buffer in buffers {
                    if skip >= buffer.count {
                        skip -= buffer.count
                        continue
                    }
                    vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: buffer.baseAddress! + skip), iov_len: buffer.count - skip))
                    skip = 0
                }
                return writev(input, vectors, Int32(vectors.count))
            }
            if written > 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN: try wait(for: input, events: Int16(POLLOUT), deadline: deadline, stop: stop)
            case EPIPE: throw WorkerFailure(.exited, "the worker closed its standard input")
            default: throw WorkerFailure(.exited, "cannot write to the worker: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Calls `body` with the bytes of every part of `parts`, after those of `collected`.
    private static func withBuffers<Result>(_ parts: ArraySlice<[UInt8]>, _ collected: [UnsafeRawBufferPointer],
                                            _ body: ([UnsafeRawBufferPointer]) -> Result) -> Result {
        guard let first = parts.first else { return body(collected) }
        if first.isEmpty { return withBuffers(parts.dropFirst(), collected, body) }
        return first.withUnsafeBytes { withBuffers(parts.dropFirst(), collected + [$0], body) }
    }

    /// Reads what the child wrote to standard output onto the end of `buffer`, through `chunk` (whose size is the
    /// most read at once), waiting until `deadline` (or until `stop` is raised); false at end of file.
    func read(into buffer: inout [UInt8], through chunk: inout [UInt8], deadline: ContinuousClock.Instant,
              stop: StopFlag? = nil) throws(WorkerFailure) -> Bool {
        let count = try chunk.withUnsafeMutableBytes { raw in
            Result { () throws(WorkerFailure) in try read(into: raw, deadline: deadline, stop: stop) }
        }.get()
        buffer.append(contentsOf: chunk[0..<count])
        return count > 0
    }

    /// Reads what the child wrote to standard output straight into `raw` (at most its size), waiting until
    /// `deadline` (or until `stop` is raised); 0 at end of file.
    func read(into raw: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant, stop: StopFlag? = nil) throws(WorkerFailure) -> Int {
        try wait(for: output, events: Int16(POLLIN), deadline: deadline, stop: stop)
        while true {
            let count = Glibc.read(output, raw.baseAddress, raw.count)
            if count >= 0 { return count }
            if errno != EINTR {
                throw WorkerFailure(.exited, "cannot read from the worker: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// How often a wait looks at its stop flag: the most a stop request waits for a busy worker.
    private static let stopCheck = Duration.milliseconds(100)

    private func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant, stop: StopFlag?) throws(WorkerFailure) {
        while true {
            if stop?.isRaised == true { throw WorkerFailure(.stopped, "the run was stopped") }
            var remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw WorkerFailure(.timedOut, "the worker did not answer in time") }
            if stop != nil { remaining = min(remaining, Self.stopCheck) }
            let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(clamping: milliseconds))
            if ready > 0 { return }
            if ready < 0, errno != EINTR {
                throw WorkerFailure(.exited, "cannot wait for the worker: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Closes standard input, gives the child `grace` to exit, then kills it; returns how it ended.
    func finish(grace: Duration) -> String {
        closeInput()
        return reap(grace: grace)
    }

    /// Closes the child's standard input: a worker's signal to exit.
    func closeInput() {
        close(input)
    }

    /// Waits up to `grace` for the child to exit (killing it after that), closes our end of its output, and
    /// says how it ended. Call after `closeInput`.
    func reap(grace: Duration) -> String {
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now >= deadline {
                Glibc.kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(1_000)
        }
        close(output)
        return Self.describe(status)
    }

    /// Kills the child at once and reaps it.
    func kill() {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(input)
        close(output)
    }

    /// `exited with status 3`, or `was killed by signal 11 (Segmentation fault)`.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "was killed by signal \(signal) (\(strsignal(signal).map { String(cString: $0) } ?? "unknown signal"))"
    }
}
