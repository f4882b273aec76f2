/// What happened to the inputs of a run, for the summary line, the exit status and progress.
public struct RunReport: Sendable {
    /// Inputs taken from the command line or the walk.
    public var inputs = 0
    /// Bytes of input read (after decompression).
    public var bytes = 0
    /// Documents handed to the sink.
    public var written = 0
    /// Documents dropped by a transform, counted by reason.
    public var dropped: [String: Int] = [:]
    /// Inputs or documents that failed.
    public var failed = 0
    /// Whether the run stopped early (fail-fast).
    public var stoppedEarly = false

    /// Creates an empty report.
    public init() {}

    /// The number of dropped documents.
    public var droppedCount: Int { dropped.values.reduce(0, +) }

    /// One line: `5 inputs, 5 written, 0 dropped, 0 failed`.
    public var summary: String {
        var line = "\(inputs) input\(inputs == 1 ? "" : "s"), \(written) written, \(droppedCount) dropped, \(failed) failed"
        if !dropped.isEmpty {
            let reasons = dropped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            line += " (dropped: \(reasons.joined(separator: "; ")))"
        }
        if stoppedEarly { line += "; stopped at the first failure (--fail-fast)" }
        return line
    }
}

/// One input or document that produced no output, with where and why.
public struct Failure: Sendable, Hashable {
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
    public init(input: String, offset: Int? = nil, id: String? = nil, stage: String, reason: String) {
        self.input = input
        self.offset = offset
        self.id = id
        self.stage = stage
        self.reason = reason
    }

    /// The failure as one JSON object (a line of the error report).
    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("input"); writer.string(input)
        if let offset { writer.raw(","); writer.key("offset"); writer.number(Double(offset)) }
        if let id { writer.raw(","); writer.key("id"); writer.string(id) }
        writer.raw(","); writer.key("stage"); writer.string(stage)
        writer.raw(","); writer.key("reason"); writer.string(reason)
        writer.raw("}")
        return writer.bytes
    }

    /// `PATH: stage STAGE: REASON`, for the terminal.
    public var message: String {
        let place = offset.map { "\(input) @\($0)" } ?? input
        return "\(place): \(stage): \(reason)"
    }
}
