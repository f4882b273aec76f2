/// Writes documents out, streaming, from the one writer task of a run.
///
/// Contract: `open` is called once before any document, `write` once per document in output order, and
/// `close` once at the end (write the closing bracket). The `OutputChannel` given to `open` makes a
/// file appear only when the run completes.
public protocol SinkWriter: Stage {
    /// The file extension this sink writes, such as `jsonl`.
    static var fileExtension: String { get }
    /// Starts the output.
    mutating func open(_ output: OutputChannel) throws
    /// Writes one document.
    mutating func write(_ document: Document) throws
    /// Ends the output; the stream is closed by the caller.
    mutating func close() throws
}

extension SinkWriter {
    /// `.sink`.
    public static var role: StageRole { .sink }
}

/// A sink whose output is a plain concatenation of per-document records after an optional header, so an
/// interrupted run can be continued by appending (`--resume`).
public protocol AppendableSink: SinkWriter {
    /// Continues an output whose header (if any) was already written.
    mutating func reopen(_ output: OutputChannel) throws
}
