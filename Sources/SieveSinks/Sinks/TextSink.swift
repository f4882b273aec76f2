import SieveCore

/// `txt`: plain text a person reads: the title, then the article's blocks as paragraphs separated by blank
/// lines (list items one per line after `- `, table rows one per line with tab-separated cells, code
/// verbatim). A leading headline that repeats the title is not written twice. Documents are separated by a
/// line of 72 `=` between blank lines.
///
/// Options: none.
/// Example: → `Hà Nội mùa thu\n\nĐoạn một.\n\n- mục một\n- mục hai\n\n====…====\n\nBài thứ hai\n…`
public struct TextSink: AppendableSink {
    /// `txt` (`text` names the plain-text reader; the CLI takes `--to text` for this sink too).
    public static let name = "txt"
    /// One line for `sieve stages`.
    public static let summary = "Plain text: title, then paragraphs separated by blank lines"
    /// `txt`.
    public static let fileExtension = "txt"

    private static let separator = Array(("\n" + String(repeating: "=", count: 72) + "\n\n").utf8)
    private var output: OutputChannel?
    private var count = 0

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Continues an interrupted output.
    public mutating func reopen(_ output: OutputChannel) {
        self.output = output
        count = output.byteCount > 0 ? 1 : 0
    }

    /// Writes one document, after the separator from the second on.
    public mutating func write(_ document: Document) {
        if count > 0 { output?.write(Self.separator) }
        count += 1
        output?.write(Self.render(document))
    }

    /// Nothing to close for plain text.
    public mutating func close() {}

    /// The text of one document, ending with a newline.
    static func render(_ document: Document) -> [UInt8] {
        var lines: [UInt8] = []
        if let title = document.title, !title.isEmpty {
            lines.append(contentsOf: title.utf8)
            lines.append(0x0A)
        }
        var previous: Block.Kind?
        for (index, block) in document.blocks.enumerated() where !block.text.isEmpty {
            if index == 0, block.kind == .heading, block.text == document.title { continue }
            if !lines.isEmpty && !(previous == .listItem && block.kind == .listItem) { lines.append(0x0A) }
            if block.kind == .listItem { lines.append(contentsOf: "- ".utf8) }
            lines.append(contentsOf: block.text.utf8)
            lines.append(0x0A)
            previous = block.kind
        }
        return lines
    }
}
