import SieveCore

/// `jsonl`: one document per line as compact JSON (schema `sieve-document/2`), the format for batches and
/// for piping into other tools.
///
/// Options: none.
/// Example: a document with id `seeds/000` → `{"id":"seeds/000","source":{…},"title":…}\n`
public struct JSONLinesSink: AppendableSink, JSONFormSink {
    /// `jsonl`.
    public static let name = "jsonl"
    /// One line for `sieve stages`.
    public static let summary = "JSON Lines: one compact JSON document per line"
    /// `jsonl`.
    public static let fileExtension = "jsonl"

    private var output: OutputChannel?

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Continues an interrupted output.
    public mutating func reopen(_ output: OutputChannel) {
        self.output = output
    }

    /// Writes one line.
    public mutating func write(_ document: Document) {
        var writer = JSONWriter()
        DocumentJSON.write(document, to: &writer)
        writer.bytes.append(0x0A)
        output?.write(writer.bytes)
    }

    /// Writes one line from a document's JSON form.
    public mutating func write(json: ArraySlice<UInt8>) {
        output?.write(json)
        output?.write(CollectionOfOne(0x0A))
    }

    /// Nothing to close for JSON Lines.
    public mutating func close() {}
}
