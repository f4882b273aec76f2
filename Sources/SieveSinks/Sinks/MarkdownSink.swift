import SieveCore

/// `markdown`: each document as CommonMark with GFM tables, opened by YAML front matter (title, date,
/// authors, url and the other core fields), rendered by `MarkdownRenderer`. Several documents follow each
/// other in one stream, each starting at its own `---` front matter block; `-o DIR/` writes one `.md` file
/// per document instead.
///
/// Options: none.
/// Example: → `---\ntitle: "Hà Nội"\ndate: "2023-08-23"\nid: "seeds/000"\n---\n\n# Hà Nội\n\nNgày 23\-8…\n`
public struct MarkdownSink: RenderedDocumentSink {
    /// `markdown`.
    public static let name = "markdown"
    /// One line for `sieve stages`.
    public static let summary = "Markdown: CommonMark + GFM tables, YAML front matter per document"
    /// `md`.
    public static let fileExtension = "md"

    /// A blank line: each document starts with its own front matter.
    public static let separator: [UInt8] = [0x0A]
    /// Where the documents go.
    public var stream = RenderedStream()

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// One document's bytes.
    public static func render(_ document: Document) -> [UInt8] {
        MarkdownRenderer.render(document)
    }
}
