import SieveCore

/// A sink that renders each document on its own to bytes and writes the documents one after another, a
/// separator between two (Markdown, plain text). It keeps only the output and whether a document was
/// written; `--resume` continues it by appending, after a separator when the output is not empty.
public protocol RenderedDocumentSink: AppendableSink {
    /// The bytes between two documents.
    static var separator: [UInt8] { get }
    /// One document's bytes.
    static func render(_ document: Document) -> [UInt8]
    /// Where the documents go, and how many went there.
    var stream: RenderedStream { get set }
}

/// The state of a `RenderedDocumentSink`: its output and whether a document is in it yet.
public struct RenderedStream {
    var output: OutputChannel?
    var started = false

    /// Nothing written yet.
    public init() {}
}

extension RenderedDocumentSink {
    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        stream = RenderedStream()
        stream.output = output
    }

    /// Continues an interrupted output: the next document follows a separator unless the output is empty.
    public mutating func reopen(_ output: OutputChannel) {
        stream = RenderedStream()
        stream.output = output
        stream.started = output.byteCount > 0
    }

    /// Writes one document, after the separator from the second on.
    public mutating func write(_ document: Document) {
        if stream.started { stream.output?.write(Self.separator) }
        stream.started = true
        stream.output?.write(Self.render(document))
    }

    /// Nothing to close: the documents carry no closing bracket.
    public mutating func close() {}
}
