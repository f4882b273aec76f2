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

/// A sink that writes a document from its JSON form (`DocumentJSON.encode`'s bytes) exactly as it writes the
/// document itself, so an isolated run passes the JSON its worker processes encoded straight to the output,
/// without decoding it (see `DocumentForm`).
public protocol JSONFormSink: SinkWriter {
    /// Writes the document whose JSON form is `json`, byte for byte as `write(_:)` writes that document.
    mutating func write(json: ArraySlice<UInt8>) throws
}

/// A sink whose output is a plain concatenation of per-document records after an optional header, so an
/// interrupted run can be continued by appending (`--resume`).
public protocol AppendableSink: SinkWriter {
    /// Continues an output whose header (if any) was already written.
    mutating func reopen(_ output: OutputChannel) throws
}

/// A sink that keeps a database file up to date in place instead of writing a byte stream: documents
/// already in it stay, and a document whose id is already there replaces it (an upsert), so a re-run never
/// duplicates rows.
///
/// Contract: the run calls `open(database:)` (instead of `open(_:)`) once with the file's path after
/// symbolic links, `write` per document, then `close()` to commit the rest and close the file, or
/// `abandon()` after a failure, which rolls back the work not yet committed and closes the file.
public protocol DatabaseSink: SinkWriter {
    /// Opens the database at `path`, creating it and its tables when missing.
    mutating func open(database path: String) throws
    /// Rolls back what is not yet committed and closes the database; never throws.
    mutating func abandon()
}

extension DatabaseSink {
    /// A database cannot be written as a stream: refused with a message naming the fix.
    public mutating func open(_ output: OutputChannel) throws {
        throw StageError(stage: Self.name, "writes a database file, not a stream: name it with -o FILE.\(Self.fileExtension)")
    }
}
