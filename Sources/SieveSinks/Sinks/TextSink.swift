import SieveCore

/// `txt`: plain text a person reads. The title; `name: value` lines for every other member of
/// `DocumentSchema` the document has, in the schema's order (`source`, `fields` and `diagnostics` as
/// JSON); a blank line; the article's blocks as paragraphs separated by blank lines (list items one per
/// line after `- ` or `N. `, indented by depth; table rows one per line with tab-separated cells; code
/// verbatim between ``` fences naming its language; a link as its text and `<address>`; a picture as
/// `[image: alt <address>]`); then the comments after a `Comments` line. A leading headline that repeats
/// the title is not written twice. Documents are separated by a line of 72 `=` between blank lines.
///
/// Options: none.
/// Example: → `Hà Nội mùa thu\nid: seeds/000\n…\n\nĐoạn một, xem <https://a.vn/1>.\n\n- mục một\n\n====…`
public struct TextSink: RenderedDocumentSink {
    /// `txt` (`text` names the plain-text reader; the CLI takes `--to text` for this sink too).
    public static let name = "txt"
    /// One line for `sieve stages`.
    public static let summary = "Plain text: title, fields as name: value lines, then paragraphs separated by blank lines"
    /// `txt`.
    public static let fileExtension = "txt"

    /// A line of 72 `=` between blank lines.
    public static let separator: [UInt8] = Array(("\n" + String(repeating: "=", count: 72) + "\n\n").utf8)
    /// Where the documents go.
    public var stream = RenderedStream()

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// One document's bytes.
    public static func render(_ document: Document) -> [UInt8] {
        TextRenderer.render(document)
    }
}
