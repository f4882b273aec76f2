import SieveCore

/// `markdown`: each document as CommonMark with GFM tables, opened by YAML front matter (title, date,
/// authors, url and the other core fields), rendered by `MarkdownRenderer`. Several documents follow each
/// other in one stream, each starting at its own `---` front matter block; `-o DIR/` writes one `.md` file
/// per document instead.
///
/// Options: none.
/// Example: → `---\ntitle: "Hà Nội"\ndate: "2023-08-23"\nid: "seeds/000"\n---\n\n# Hà Nội\n\nNgày 23\-8…\n`
public struct MarkdownSink: AppendableSink {
    /// `markdown`.
    public static let name = "markdown"
    /// One line for `sieve stages`.
    public static let summary = "Markdown: CommonMark + GFM tables, YAML front matter per document"
    /// `md`.
    public static let fileExtension = "md"

    private var output: OutputChannel?
    private var count = 0

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Continues an interrupted output: the next document starts after a blank line unless it is the first.
    public mutating func reopen(_ output: OutputChannel) {
        self.output = output
        count = output.byteCount > 0 ? 1 : 0
    }

    /// Writes one document; from the second on, a blank line sets it apart from the one before.
    public mutating func write(_ document: Document) {
        if count > 0 { output?.write([0x0A]) }
        count += 1
        output?.write(MarkdownRenderer.render(document))
    }

    /// Nothing to close for Markdown.
    public mutating func close() {}
}
