import Logging
import SieveCore

/// `exec`: runs each document through an external program, any language, over JSON Lines (protocol in
/// `docs/exec-protocol.md`). Long-lived workers, one per parallel job: `workers` of them start together when
/// the stage is created and must pass the handshake before any input is read; more start on demand.
///
/// Options: `command` (the program and its arguments; `|`-separated on the command line, a list in a pipeline
/// file), `timeout` (seconds a worker may take per document; default 30; the handshake may take at least 60),
/// `config` (an object passed to the worker in the handshake; pipeline files only), `workers` (started before
/// the run; default 0, one per core).
/// A worker that crashes, breaks the protocol or hangs past `timeout` fails only the document it was serving
/// and is replaced. Its standard error goes to the log, tagged with the stage and worker names.
/// Example: `--stage exec:command=python3|samples/exec-stage-python/wordcount.py` on a 3-paragraph article
/// → the same document with `fields.word_count` set by the Python worker.
public struct ExecStage: Extractor, SelfIsolatingStage {
    /// Options of the exec stage.
    public struct Options: StageOptions {
        /// The program to run and its arguments.
        public var command: [String] = []
        /// Seconds a worker may take to answer one request (the handshake may take this, or 60 if longer).
        public var timeout: Double = 30
        /// Settings handed to the worker in the handshake.
        public var config: [String: FieldValue] = [:]
        /// Workers started (and handshaken) before the run; 0 means one per core. More start on demand.
        public var workers = 0
        /// The defaults: no command (one must be given).
        public init() {}
        /// `command`, `timeout`, `config`, `workers`.
        public static let declared: [OptionSpec<Options>] = [
            .option("command", \.command, "the program and its arguments", check: {
                ($0.first ?? "").isEmpty ? "is required: the program to run, such as command=python3|stage.py" : nil
            }),
            .option("timeout", \.timeout, "seconds a worker may take per document before it is killed and restarted",
                    check: { $0 > 0 ? nil : "must be a positive number of seconds, not \($0)" }),
            .option("config", \.config, "an object handed to the worker in the handshake"),
            .option("workers", \.workers, "workers started before the run, 0 = one per core; more start on demand",
                    check: { $0 >= 0 ? nil : "must be 0 (one per core) or more, not \($0)" }),
        ]
    }

    /// `exec`.
    public static let name = "exec"
    /// One line for `sieve stages`.
    public static let summary = "run documents through an external program (any language) speaking JSON Lines"
    /// The program sees the document as JSON, never the HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let pool: WorkerPool

    /// Starts the first workers from checked options; each must pass the handshake.
    public init(options: Options) throws {
        let timeout = Duration.milliseconds(Int64(options.timeout * 1000))
        pool = WorkerPool(.init(command: options.command, hello: ExecProtocol.hello(stage: Self.name, config: options.config),
                                environment: ["SIEVE_PROTOCOL": String(ExecProtocol.version)], timeout: timeout))
        let logger = Logger(label: "sieve") { StreamLogHandler.standardError(label: $0) }
        do {
            try pool.prestart(options.workers == 0 ? RunPolicy.coreCount : options.workers,
                              logger: Self.tagged(logger, stage: Self.name))
        } catch {
            throw ExternalStageError(error.message)
        }
    }

    /// Sends the document to a worker and applies its answer.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let logger = Self.tagged(context.logger, stage: context.stageName)
        var worker: Worker
        do { worker = try pool.checkOut(logger: logger) } catch {
            throw StageError(stage: context.stageName, "cannot restart the worker: \(error.message)")
        }
        let id = pool.nextRequestID()
        let outcome: ExecProtocol.Outcome
        do {
            let line = try worker.exchange([ExecProtocol.request(id: id, document: document)], deadline: .now + pool.launch.timeout)
            outcome = try ExecProtocol.outcome(of: line, id: id, document: document)
        } catch {
            throw StageError(stage: context.stageName, worker.retire(after: error, timeout: pool.launch.timeout))
        }
        pool.checkIn(worker)
        switch outcome {
        case .keep(let answer):
            document = answer
            return .keep
        case .drop(let reason):
            return .drop(reason: reason)
        case .error(let message):
            throw StageError(stage: context.stageName, "worker '\(worker.name)': \(message)")
        }
    }

    private static func tagged(_ logger: Logger, stage: String) -> Logger {
        var logger = logger
        logger[metadataKey: "stage"] = "\(stage)"
        return logger
    }
}
