import SieveCore

/// `clean-html`: one clean, safe HTML page holding every document as an `<article>` (see `HTMLRenderer` for the
/// tags, the attributes and the URL allow-list). The page's `<title>` is the first document's title.
///
/// Options: none.
/// Example: → `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Hà Nội</title>\n</head>\n<body>\n
/// <article>\n<h1>Hà Nội</h1>\n<dl>…</dl>\n<p>…</p>\n</article>\n</body>\n</html>\n`
public struct HTMLSink: SinkWriter {
    /// `clean-html` (`html` names the HTML reader; the CLI takes `--to html` for this sink too).
    public static let name = "clean-html"
    /// One line for `sieve stages`.
    public static let summary = "HTML: one clean page, an <article> per document; no script, style or unsafe URL"
    /// `html`.
    public static let fileExtension = "html"

    private var output: OutputChannel?
    private var started = false

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// Keeps the output; the page's head waits for the first document's title.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Writes one `<article>`, after the page's head for the first.
    public mutating func write(_ document: Document) {
        if !started {
            output?.write(HTMLRenderer.head(title: document.title))
            started = true
        }
        output?.write(HTMLRenderer.render(document))
    }

    /// Ends the page.
    public mutating func close() {
        if !started { output?.write(HTMLRenderer.head(title: nil)) }
        output?.write("</body>\n</html>\n")
    }
}
