import Logging

/// A built pipeline: readers, ordered transforms and a sink, run over many inputs in parallel.
///
/// ```
///  inputs ──▶ [worker 1..jobs] ───────────────────────────────────────────▶ reorder ──▶ sink
///              load bytes (gunzip, size limit)                              buffer      (one writer)
///              └▶ reader ──▶ doc ──▶ transform 1 ──▶ … ──▶ transform n ──▶ ▲
///                                        │ drop / throw                     │
///                                        └──────────▶ error report ◀────────┘ failures
/// ```
///
/// Rules:
/// - Every stage is built, and every option checked, before the first input is read.
/// - At most `jobs` inputs are processed at once, and at most `maxInFlight` inputs are between being started
///   and being written: that cap is the memory bound.
/// - With `ordered` (the default) documents reach the sink in input order; an input's documents stay together.
/// - A failure fails one input or one document; it is recorded with its reason and the run goes on, unless
///   `failFast` is set.
/// - Attachments (the parsed HTML tree) are dropped before documents leave the worker.
/// - The workers are tasks of this process, or, given a `WorkExecutor`, worker processes: then the executor's
///   process reads and transforms the input, so a document that crashes or stalls its worker fails alone (see
///   `WorkExecutor`); a regular file it loads itself, other inputs (records cut from containers, standard
///   input) are loaded by the task and handed over; with one job the run's own task hands them over and waits
///   (no child task per item, so no thread hand-off per page). Ordered transforms always run here.
/// - Documents from worker processes reach the writer task in their JSON form, undecoded, when the caller takes
///   them so (`writeJSON`) and no ordered transform needs them; otherwise they are decoded into `Document`s.
/// - An `InFlightLog` hears when each item starts and finishes, so a run that dies can say what was in flight;
///   `setAside` items are failed with their reason without being processed (`--resume` after such a death).
/// - With `policy.profile`, every piece of work above is timed with the thread CPU clock (worker processes send
///   their times back with each outcome) and the run's report carries the sums (`StageProfile`).
public struct Pipeline: Sendable {
    /// The built transforms, in order, with their names.
    public let transforms: [(name: String, stage: any Transform)]
    /// The transforms that run in the workers, and those that run in output order in the writer task.
    private let parallel: StageChain
    private let ordered: StageChain
    /// The run policy.
    public let policy: RunPolicy
    private let selector: ReaderSelector
    private let loader: InputLoader
    private let sinkName: String
    /// Whether the first transform replaces the blocks, so readers need not build them.
    private let blocksReplaced: Bool
    private let treeAttributes: TreeAttributes

    /// Builds every stage of `spec` from `registry`; reports every configuration problem at once.
    public init(_ spec: PipelineSpec, registry: StageRegistry) throws(ConfigurationError) {
        var problems: [String] = []
        var readers: [(name: String, reader: any SourceReader)] = []
        if let readerSpec = spec.reader {
            do { readers = [(readerSpec.name, try registry.makeReader(readerSpec))] } catch { problems += error.messages }
        } else {
            for name in registry.names(of: .reader) {
                do { readers.append((name, try registry.makeReader(StageSpec(name: name)))) } catch {
                    problems += error.messages
                }
            }
        }
        var transforms: [(name: String, stage: any Transform)] = []
        for transformSpec in spec.transforms {
            do { transforms.append((transformSpec.name, try registry.makeTransform(transformSpec))) } catch {
                problems += error.messages
            }
        }
        do { _ = try registry.makeSink(spec.sink) } catch { problems += error.messages }
        guard problems.isEmpty else { throw ConfigurationError(messages: problems) }
        self.transforms = transforms
        self.parallel = StageChain(stages: transforms.filter { !($0.stage is any OrderedTransform) },
                                   budget: spec.policy.documentTimeout)
        self.ordered = StageChain(stages: transforms.filter { $0.stage is any OrderedTransform }, budget: nil)
        self.policy = spec.policy
        self.selector = ReaderSelector(readers: readers, forced: spec.reader != nil)
        self.loader = InputLoader(maxBytes: spec.policy.maxBytes)
        self.sinkName = spec.sink.name
        self.blocksReplaced = parallel.stages.first.map { type(of: $0.stage).replacesBlocks } ?? false
        self.treeAttributes = TreeAttributes.needed(by: transforms.map(\.stage))
    }

    /// An empty profile listing every transform and the sink (readers and parts join as they run).
    private var emptyProfile: StageProfile {
        var profile = StageProfile()
        profile.add("input", .input, 0)
        for (name, _) in parallel.stages { profile.add(name, .transform, 0) }
        for (name, _) in ordered.stages { profile.add(name, .ordered, 0) }
        profile.add(sinkName, .sink, 0)
        return profile
    }

    /// Runs every work item through the pipeline, handing kept documents to `write` in output order,
    /// failures and drops to `onFailure`, and the running totals to `onProgress` after each item. Given `writeJSON`,
    /// documents an `executor` returns are handed to it instead, in their JSON form (`DocumentJSON.encode`'s bytes)
    /// without being decoded, unless an ordered transform needs them (`DocumentForm`). `resumeAfter` items
    /// are passed over without processing (they were completed by an interrupted run); items whose number (counted
    /// from the first, resumed ones included) is in `setAside` fail with the given reason unprocessed. Each item is
    /// processed by `executor`, or in this process when it is nil. Raising `stop` ends the run once the items in
    /// flight are written, or at once for items an executor abandons.
    public func run(
        _ items: some Sequence<WorkItem>,
        resumeAfter: Int = 0,
        setAside: [Int: String] = [:],
        executor: (any WorkExecutor)? = nil,
        inFlight: (any InFlightLog)? = nil,
        stop: StopFlag? = nil,
        logger: Logger,
        write: (Document) throws -> Void,
        writeJSON: ((ArraySlice<UInt8>) throws -> Void)? = nil,
        onFailure: (Failure) -> Void = { _ in },
        onProgress: (RunReport) -> Void = { _ in }
    ) async throws -> RunReport {
        var report = RunReport()
        if policy.profile { report.profile = emptyProfile }
        var iterator = items.makeIterator()
        for _ in 0..<resumeAfter where iterator.next() != nil { report.resumed += 1 }
        var nextIndex = 0
        var nextToWrite = 0
        var running = 0
        var finished: [Int: InputOutcome] = [:]
        var exhausted = false
        let form: DocumentForm = writeJSON != nil && ordered.stages.isEmpty ? .json : .value
        // One job with worker processes: the item's exchange runs in this task, not a child task, so no thread
        // hand-off wakes a sleeping thread twice a page (the worker's answer is awaited either way).
        let inline = executor != nil && policy.jobs == 1
        try await withThrowingTaskGroup(of: InputOutcome.self) { group in
            while true {
                var done: InputOutcome?
                while done == nil, !exhausted, running < policy.jobs, nextIndex - nextToWrite < policy.maxInFlight {
                    guard let item = iterator.next() else {
                        exhausted = true
                        break
                    }
                    let index = nextIndex
                    let reason = setAside[resumeAfter + index]
                    inFlight?.started(resumeAfter + index)
                    let job: @Sendable () -> InputOutcome = {
                        if let reason { return InputOutcome(setAside: item, index: index, reason: reason) }
                        guard let executor else { return self.process(item, index: index, logger: logger) }
                        var outcome = InputOutcome(index: index)
                        let loading = policy.profile ? ThreadCPUClock.now() : 0
                        let work: WorkInput
                        if case .file(let ref) = item, let path = ref.reopenablePath {
                            work = .file(path: path, id: ref.id)
                        } else {
                            guard let (input, reader) = self.load(item, into: &outcome) else { return outcome }
                            work = .loaded(input, reader: reader)
                        }
                        let loaded = policy.profile ? ThreadCPUClock.now() : 0
                        outcome = executor.outcome(of: work, index: index, form: form, stop: stop, logger: logger)
                        if policy.profile {
                            var profile = outcome.profile ?? StageProfile()
                            profile.add("input", .input, loaded - loading)
                            profile.add("isolation", .isolation, ThreadCPUClock.now() - loaded)
                            outcome.profile = profile
                        }
                        return outcome
                    }
                    nextIndex += 1
                    if inline {
                        done = job()
                    } else {
                        group.addTask(operation: job)
                        running += 1
                    }
                }
                let outcome: InputOutcome
                if let done {
                    outcome = done
                } else {
                    guard let next = try await group.next() else { break }
                    running -= 1
                    outcome = next
                }
                if outcome.interrupted {
                    report.stoppedEarly = "interrupted"
                    group.cancelAll()
                    return
                }
                inFlight?.finished(resumeAfter + outcome.index)
                finished[outcome.index] = outcome
                while let ready = policy.ordered ? finished.removeValue(forKey: nextToWrite) : finished.popFirst()?.value {
                    nextToWrite += 1
                    var ready = ready
                    ready.apply(ordered, logger: logger, profiled: policy.profile)
                    try deliver(ready, write: write, writeJSON: writeJSON, report: &report, onFailure: onFailure)
                    onProgress(report)
                    if let reason = stopReason(after: ready, report: report, stop: stop) {
                        report.stoppedEarly = reason
                        group.cancelAll()
                        return
                    }
                }
            }
        }
        return report
    }

    private func stopReason(after outcome: InputOutcome, report: RunReport, stop: StopFlag?) -> String? {
        if stop?.isRaised == true { return "interrupted" }
        if policy.failFast, !outcome.failures.isEmpty { return "stopped at the first failure (--fail-fast)" }
        if let limit = policy.maxErrors, report.failed > limit { return "stopped after more than \(limit) failures (--max-errors)" }
        return nil
    }

    private func deliver(_ outcome: InputOutcome, write: (Document) throws -> Void, writeJSON: ((ArraySlice<UInt8>) throws -> Void)?,
                         report: inout RunReport, onFailure: (Failure) -> Void) throws {
        report.inputs += 1
        report.bytes += outcome.bytes
        let writing = report.profile == nil ? 0 : ThreadCPUClock.now()
        for document in outcome.documents {
            try write(document)
            report.written += 1
        }
        if let writeJSON {
            for json in outcome.json {
                try writeJSON(json)
                report.written += 1
            }
        }
        if report.profile != nil {
            report.profile!.add(sinkName, .sink, ThreadCPUClock.now() - writing)
            report.profile!.merge(outcome.profile ?? StageProfile())
            report.profile!.inputs += 1
        }
        for drop in outcome.drops {
            report.dropped[drop.stage, default: 0] += 1
            onFailure(drop)
        }
        for reason in outcome.skips { report.skipped[reason, default: 0] += 1 }
        for failure in outcome.failures {
            report.failed += 1
            onFailure(failure)
        }
    }

    /// Reads and transforms one input handed to a `WorkExecutor`, in this process (the part a worker process does
    /// for an isolated run): a file is loaded first.
    public func process(_ input: WorkInput, index: Int, logger: Logger) -> InputOutcome {
        switch input {
        case .loaded(let input, let reader): process(input, reader: reader, index: index, logger: logger)
        case .file(let path, let id): process(WorkItem.file(InputRef(.file, name: FileName(path), id: id)), index: index, logger: logger)
        }
    }

    /// Loads, reads and transforms one work item in this process; never throws, every problem becomes a `Failure`.
    /// Documents keep no attachments; ordered transforms have not run yet.
    public func process(_ item: WorkItem, index: Int, logger: Logger) -> InputOutcome {
        var outcome = InputOutcome(index: index)
        let loading = policy.profile ? ThreadCPUClock.now() : 0
        guard let (input, readerName) = load(item, into: &outcome) else { return outcome }
        let loaded = policy.profile ? ThreadCPUClock.now() : 0
        outcome = process(input, reader: readerName, index: index, logger: logger)
        outcome.profile?.add("input", .input, loaded - loading)
        return outcome
    }

    /// The bytes of a work item (a file is read and decompressed here), with the reader it asks for; nil when
    /// the item fails or is skipped, which `outcome` then records.
    func load(_ item: WorkItem, into outcome: inout InputOutcome) -> (Input, String?)? {
        let input: Input
        var readerName: String?
        switch item {
        case .failed(let failure):
            outcome.failures.append(failure)
            return nil
        case .skipped(let reason):
            outcome.skips.append(reason)
            return nil
        case .record(let record, let reader):
            input = record
            readerName = reader
        case .file(let ref):
            do {
                input = Input(path: ref.path, bytes: try loader.load(ref), id: ref.id)
            } catch {
                outcome.failures.append(Failure(input: ref.path, stage: "input", reason: error.reason))
                return nil
            }
        }
        return (input, readerName)
    }

    /// Reads and transforms one loaded input in this process (the part a worker process does for an isolated run).
    public func process(_ input: Input, reader readerName: String?, index: Int, logger: Logger) -> InputOutcome {
        var outcome = InputOutcome(index: index)
        outcome.bytes = input.bytes.count
        guard !input.bytes.isEmpty else {
            outcome.failures.append(Failure(input: input.path, offset: input.offset, stage: "input", reason: "empty input"))
            return outcome
        }
        guard let (name, reader) = selector.select(path: input.path, bytes: input.bytes, preferred: readerName) else {
            outcome.failures.append(Failure(input: input.path, offset: input.offset, stage: "input",
                                            reason: Self.unrecognized(input.bytes)))
            return outcome
        }
        let timer = policy.profile ? StageTimer() : nil
        if policy.profile { outcome.profile = StageProfile() }
        let reading = policy.profile ? ThreadCPUClock.now() : 0
        var readerContext = StageContext(stageName: name, logger: logger, timer: timer)
        readerContext.blocksReplaced = blocksReplaced
        readerContext.treeAttributes = treeAttributes
        do {
            try reader.read(input, context: readerContext) { document in
                var document = document
                document.source.offset = document.source.offset ?? input.offset
                document.source.url = document.source.url ?? input.url
                document.url = document.url ?? input.url
                document.source.fetched = document.source.fetched ?? input.date
                transform(document, logger: logger, into: &outcome)
            }
        } catch {
            outcome.failures.append(Failure(input: input.path, offset: input.offset, stage: name, reason: Failure.reason(of: error)))
        }
        if let timer {
            // The reader's own row: its time less the transforms it handed documents to and the parts it timed.
            outcome.profile!.addReader(name, spent: ThreadCPUClock.now() - reading, inner: outcome.profile!.total, parts: timer.take())
        }
        return outcome
    }

    /// Applies the parallel transforms to one document and files it as kept, dropped or failed.
    func transform(_ document: Document, logger: Logger, into outcome: inout InputOutcome) {
        var document = document
        if let problem = parallel.run(&document, logger: logger, profile: &outcome.profile) {
            outcome.record(problem)
            return
        }
        document.attachments.removeAll()
        outcome.documents.append(document)
    }

    private static func unrecognized(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "empty input" }
        return "unrecognized format: looks like binary data, not text or HTML (use --from to force a reader)"
    }
}

/// The result of one work item: its documents, drop reasons, skip reasons and failures.
public struct InputOutcome: Sendable {
    /// The item's number in this run (from 0, resumed items not counted).
    public let index: Int
    /// Bytes of input read (after decompression).
    public var bytes = 0
    /// The kept documents, in reading order.
    public var documents: [Document] = []
    /// The kept documents in their JSON form, in reading order, instead of `documents` when a `WorkExecutor` was
    /// asked for that form (`DocumentForm.json`).
    public var json: [ArraySlice<UInt8>] = []
    /// Documents a stage dropped on purpose.
    public var drops: [Failure] = []
    /// Reasons the item's records were passed over.
    public var skips: [String] = []
    /// What failed: the input, or some of its documents.
    public var failures: [Failure] = []
    /// Set when the run was stopped before the item finished: nothing of it is written.
    public var interrupted = false
    /// CPU time by stage for this item, when the run is profiled.
    public var profile: StageProfile?

    /// An empty outcome for item `index`.
    public init(index: Int) {
        self.index = index
    }

    /// An item failed unprocessed: `reason` says why it was set aside.
    init(setAside item: WorkItem, index: Int, reason: String) {
        self.index = index
        failures = [Failure(input: item.path, offset: item.recordOffset, stage: "resume", reason: reason)]
    }

    /// Files a drop or a failure.
    mutating func record(_ problem: Failure) {
        if problem.kind == .dropped { drops.append(problem) } else { failures.append(problem) }
    }

    /// Runs a chain over the documents, moving the ones it drops or fails out of them.
    mutating func apply(_ chain: StageChain, logger: Logger, profiled: Bool) {
        guard !chain.stages.isEmpty else { return }
        var kept: [Document] = []
        var profile = profiled ? StageProfile() : nil
        for var document in documents {
            if let problem = chain.run(&document, logger: logger, profile: &profile, place: .ordered) { record(problem) } else {
                kept.append(document)
            }
        }
        if let profile { self.profile = (self.profile ?? StageProfile()).merging(profile) }
        documents = kept
    }
}

extension WorkItem {
    /// The offset of a record inside its container, nil for a whole file.
    var recordOffset: Int? {
        switch self {
        case .record(let input, _): input.offset
        case .failed(let failure): failure.offset
        default: nil
        }
    }
}
