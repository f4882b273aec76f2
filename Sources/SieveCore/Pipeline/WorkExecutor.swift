import Logging

/// Does the work of one item somewhere other than the calling task: the pipeline hands it each work item and
/// writes what it answers. The CLI's executor runs a pool of `sieve` worker processes, so a document that
/// crashes or stalls its worker fails alone (the worker is killed and replaced) and a stop request never waits
/// for a stalled document.
///
/// Contract: never throw; answer every problem as a failure of the item (naming the input, the offset and what
/// happened, such as "the worker crashed (signal 11)"); answer an outcome with `interrupted` set, promptly,
/// once `stop` is raised while the item is still running.
public protocol WorkExecutor: Sendable {
    /// The outcome of one input (`WorkInput`: loaded here, or a regular file the executor's process reads itself)
    /// run through the pipeline's unordered transforms: what `Pipeline.process(_:index:logger:)` answers for it in
    /// this process. Its kept documents come back as `form` asks: as values in `documents`, or in their JSON form
    /// in `json`.
    func outcome(of input: WorkInput, index: Int, form: DocumentForm, stop: StopFlag?, logger: Logger) -> InputOutcome
}

/// One input as the pipeline hands it to a `WorkExecutor`.
public enum WorkInput: Sendable {
    /// Bytes loaded in this process (a record cut from a container, standard input, a FIFO, a file whose name is not
    /// UTF-8), with the reader they ask for (nil: chosen by path and content).
    case loaded(Input, reader: String?)
    /// A regular file, for the executor's process to read (and gunzip) itself, so its bytes need not cross to it:
    /// the path to open (as the walk found it, UTF-8) and the id of the document read from it.
    case file(path: String, id: String)

    /// The path the input comes from.
    public var path: String {
        switch self {
        case .loaded(let input, _): input.path
        case .file(let path, _): path
        }
    }
}

/// How a `WorkExecutor` hands back the documents it kept.
public enum DocumentForm: Sendable {
    /// As `Document` values (`InputOutcome.documents`), for a run whose writer task needs them.
    case value
    /// In their JSON form only (`InputOutcome.json`: the bytes `DocumentJSON.encode` gives, text included), for
    /// a run whose writer task only writes them out (see `Pipeline.run`'s `writeJSON`): nothing decodes them.
    case json
}

/// Hears when each work item starts and finishes (items numbered from the first of the whole run, resumed ones
/// included), so that a run which dies can tell afterwards which items were in flight.
public protocol InFlightLog {
    /// Item `item` was handed to a worker.
    func started(_ item: Int)
    /// Item `item` came back from its worker (it may wait for earlier ones before it is written).
    func finished(_ item: Int)
}

/// A transform that already runs its work in processes of its own (the `exec` stage). Worker processes would
/// each start their own set of those, so a pipeline holding one runs in-process unless isolation is asked for.
public protocol SelfIsolatingStage: Transform {}

extension Pipeline {
    /// Whether a transform of the pipeline runs its own processes (see `SelfIsolatingStage`).
    public var hasSelfIsolatingStages: Bool {
        transforms.contains { $0.stage is any SelfIsolatingStage }
    }
}
