import SieveCore

/// The `--errors FILE` report: one JSON line per failed or dropped input or document, written atomically
/// (or resumably, next to a journaled output).
final class ErrorReport {
    private let channel: OutputChannel
    /// The report's path as the user typed it.
    let path: String
    /// The file a resumable report is written to until the run completes (kept with the journal when it stops early).
    private(set) var partialPath: String?

    /// Opens the report; an unwritable path fails here, before any input is read.
    init(path: String) throws(OutputError) {
        self.path = path
        channel = try OutputChannel(path: path)
    }

    /// Continues the report of an interrupted run from its checkpointed length (its `.partial` file sits
    /// beside the report's real file, through symbolic links).
    init(path: String, resumingAt length: Int) throws(OutputError) {
        self.path = path
        guard case .file(let final) = try OutputTarget.resolve(path) else {
            channel = try OutputChannel(path: path)
            return
        }
        partialPath = final + ".partial"
        channel = try OutputChannel(path: path, partialPath: final + ".partial", truncatingTo: length)
    }

    /// Bytes written so far.
    var byteCount: Int { channel.byteCount }

    /// The first write error, if any.
    var failure: OutputError? { channel.failure }

    /// Adds one record.
    func record(_ failure: Failure) {
        channel.write(failure.json)
        channel.write([0x0A])
    }

    /// Forces the report to disk (a checkpoint).
    func sync() throws(OutputError) {
        try channel.sync()
    }

    /// Moves the finished report into place.
    func commit() throws(OutputError) {
        try channel.commit()
    }

    /// Discards the report, or keeps it for a resume.
    func abort(keepingForResume: Bool) throws(OutputError) {
        if keepingForResume { try channel.suspend() } else { channel.abort() }
    }
}
