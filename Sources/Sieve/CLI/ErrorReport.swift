import SieveCore

/// The `--errors FILE` report: one JSON line per failed input or document, written atomically.
final class ErrorReport {
    private let channel: OutputChannel

    /// Opens the report; an unwritable path fails here, before any input is read.
    init(path: String) throws(OutputError) {
        channel = try OutputChannel(path: path)
    }

    /// Adds one failure.
    func record(_ failure: Failure) {
        channel.write(failure.json)
        channel.write([0x0A])
    }

    /// Moves the finished report into place.
    func commit() throws(OutputError) {
        try channel.commit()
    }

    /// Discards the report.
    func abort() {
        channel.abort()
    }
}
