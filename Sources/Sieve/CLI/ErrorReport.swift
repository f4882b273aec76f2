import SieveCore

/// The `--errors FILE` report: one JSON line per failed or dropped input or document, written atomically
/// (or resumably, next to a journaled output).
final class ErrorReport {
    private let channel: OutputChannel

    /// Opens the report; an unwritable path fails here, before any input is read.
    init(path: String) throws(OutputError) {
        channel = try OutputChannel(path: path)
    }

    /// Continues the report of an interrupted run from its checkpointed length.
    init(path: String, resumingAt length: Int) throws(OutputError) {
        channel = try OutputChannel(path: path, partialPath: path + ".partial", truncatingTo: length)
    }

    /// Bytes written so far.
    var byteCount: Int { channel.byteCount }

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
    func abort(keepingForResume: Bool) {
        if keepingForResume { channel.suspend() } else { channel.abort() }
    }
}
