import ArgumentParser
import Foundation
import Glibc
import Logging
import SieveCore
import SieveExternal

/// `sieve worker` (hidden): one worker process of an isolated run. Reads the pipeline from the handshake on
/// standard input, then answers each input (a file to read, or loaded bytes and their source information) with
/// its outcome, until its input ends (`PipelineWire` has the messages). Its parent kills it when an item
/// crashes or stalls it, and it dies with its parent. Its log records go to its parent (`WorkerLog`), which logs them.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Serve an isolated run's work items over standard input and output (started by sieve itself).",
        shouldDisplay: false
    )

    @Flag(help: .private)
    var debugFaults = false

    func run() throws {
        Self.exitWithParent()
        let logger = Logger(label: "sieve") { _ in WorkerLog.Handler() }
        var input = FrameReader(fd: STDIN_FILENO)
        guard let hello = try input.line() else { return }
        let pipeline: Pipeline
        do {
            let registry = debugFaults ? SieveCommand.registry.with(DebugFaultStage.self) : SieveCommand.registry
            pipeline = try Pipeline(try PipelineWire.spec(fromHello: hello), registry: registry)
        } catch {
            try Self.send(PipelineWire.welcome(refusal: "\(error)"))
            return
        }
        try Self.send(PipelineWire.welcome(refusal: nil))
        // The thread CPU clock is a system call: read only in a profiled run.
        let profiled = pipeline.policy.profile
        while true {
            let reading = profiled ? ThreadCPUClock.now() : 0
            guard let (id, item, text) = try PipelineWire.readRequest(from: &input) else { break }
            let read = profiled ? ThreadCPUClock.now() - reading : 0
            var outcome = pipeline.process(item, index: 0, logger: logger)
            outcome.profile?.add("isolation", .isolation, read)
            try Self.send(PipelineWire.answer(id: id, outcome: outcome, text: text))
        }
    }

    /// Ends this process soon after its parent dies (even by SIGKILL, even while a document stalls the main
    /// thread): a thread watches the parent process id, which changes when the worker is orphaned.
    private static func exitWithParent() {
        let parent = getppid()
        let watcher = Thread {
            while getppid() == parent { usleep(100_000) }
            _exit(1)
        }
        watcher.name = "sieve-worker-parent-watch"
        watcher.start()
    }

    private static func send(_ bytes: [UInt8]) throws {
        guard WorkerOutput.write(bytes, to: STDOUT_FILENO) else { throw ExitCode(1) }
    }
}
