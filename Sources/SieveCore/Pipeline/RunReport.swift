/// What happened to the inputs of a run, for the summary line, the exit status and progress.
public struct RunReport: Sendable {
    /// Inputs taken from the command line or the walk.
    public var inputs = 0
    /// Bytes of input read (after decompression).
    public var bytes = 0
    /// Documents handed to the sink.
    public var written = 0
    /// Documents dropped by a transform, counted by stage.
    public var dropped: [String: Int] = [:]
    /// Records deliberately passed over (non-HTML WARC records…), counted by reason.
    public var skipped: [String: Int] = [:]
    /// Inputs or documents that failed (those of `resumedFailed` included).
    public var failed = 0
    /// Work items passed over because an interrupted run had completed them (`--resume`).
    public var resumed = 0
    /// Inputs or documents that failed in the resumed work items, when the interrupted run did them.
    public var resumedFailed = 0
    /// Why the run stopped early, if it did.
    public var stoppedEarly: String?
    /// CPU time by stage, when the run is profiled (`RunPolicy.profile`).
    public var profile: StageProfile?

    /// Creates an empty report.
    public init() {}

    /// The number of dropped documents.
    public var droppedCount: Int { dropped.values.reduce(0, +) }

    /// The number of skipped records.
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// One line: `5 read, 5 written, 0 skipped, 0 dropped, 0 failed`, with the reasons.
    public var summary: String {
        var line = "\(inputs) read, \(written) written, \(skippedCount) skipped, \(droppedCount) dropped, \(failed) failed"
        if resumed > 0 {
            line += ", \(resumed) already done (resumed\(resumedFailed > 0 ? "; \(resumedFailed) of the failures were among them" : ""))"
        }
        for (label, counts) in [("skipped", skipped), ("dropped", dropped)] where !counts.isEmpty {
            let reasons = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            line += "\n  \(label): \(reasons.joined(separator: "; "))"
        }
        if let stoppedEarly { line += "\n  \(stoppedEarly)" }
        return line
    }
}

/// One input or document that produced no output, with where and why: a failure, or a deliberate drop.
public struct Failure: Sendable, Hashable {
    /// Whether something went wrong or a stage chose to drop the document.
    public enum Kind: String, Sendable, Hashable { case failed, dropped }

    /// Failed or dropped.
    public var kind: Kind
    /// The input path.
    public var input: String
    /// Record offset inside a container input, if any.
    public var offset: Int?
    /// The document id, when a document had been read.
    public var id: String?
    /// The stage that failed (`input` when the bytes could not be read).
    public var stage: String
    /// What went wrong.
    public var reason: String

    /// Creates a failure record.
    public init(input: String, offset: Int? = nil, id: String? = nil, stage: String, reason: String, kind: Kind = .failed) {
        self.kind = kind
        self.input = input
        self.offset = offset
        self.id = id
        self.stage = stage
        self.reason = reason
    }

    /// A failure or drop of a document at a stage.
    init(_ document: Document, stage: String, reason: String, kind: Kind = .failed) {
        self.init(input: document.source.path, offset: document.source.offset, id: document.id, stage: stage,
                  reason: reason, kind: kind)
    }

    /// What a stage's error says: a `StageError`'s message without the stage name, else the error's description.
    static func reason(of error: any Error) -> String {
        (error as? StageError)?.message ?? "\(error)"
    }

    /// The failure as one JSON object (a line of the error report).
    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("input"); writer.string(input)
        if let offset { writer.raw(","); writer.key("offset"); writer.number(Double(offset)) }
        if let id { writer.raw(","); writer.key("id"); writer.string(id) }
        writer.raw(","); writer.key("stage"); writer.string(stage)
        writer.raw(","); writer.key("reason"); writer.string(reason)
        writer.raw(","); writer.key("kind"); writer.string(kind.rawValue)
        writer.raw("}")
        return writer.bytes
    }

    /// `PATH: stage STAGE: REASON`, for the terminal.
    public var message: String {
        let place = offset.map { "\(input) @\($0)" } ?? input
        return "\(place): \(stage): \(reason)"
    }
}
