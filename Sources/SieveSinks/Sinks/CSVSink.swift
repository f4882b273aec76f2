import SieveCore

/// `csv`: one row per document under a header row, RFC 4180 quoting, CRLF line ends.
///
/// Options: `columns` (names separated by `|` on the command line, or a list in a pipeline file): top-level
/// keys such as `id`, `title`, `published`, `text`, plus `source.path` and `fields.NAME`. Lists and objects
/// are JSON-encoded in their cell. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'` so spreadsheets do not run it as a formula (OWASP's advice).
/// Example: `--stage csv:columns=id|title` → `id,title\r\nseeds/000,"Hà Nội, mùa thu"\r\n`.
public struct CSVSink: AppendableSink {
    /// Options of the CSV sink.
    public struct Options: StageOptions {
        /// The columns, in order.
        public var columns = ["id", "source.path", "title", "published", "authors", "language", "url", "text", "fields"]
        /// The defaults.
        public init() {}
        /// `columns`.
        public static let declared: [OptionSpec<Options>] = [
            .option("columns", \.columns, "columns in order: id, title, published, text, source.path, fields.NAME, ...",
                    check: { $0.isEmpty ? "is empty; name at least one column" : nil },
                    each: DocumentColumns.problem(with:)),
        ]
    }

    /// `csv`.
    public static let name = "csv"
    /// One line for `sieve stages`.
    public static let summary = "CSV: one row per document, chosen columns, nested values as JSON"
    /// `csv`.
    public static let fileExtension = "csv"

    private let names: [String]
    private let columns: [DocumentColumns.Column]
    private var output: OutputChannel?

    /// Creates the sink from checked columns, each resolved once here.
    public init(options: Options) {
        names = options.columns
        columns = options.columns.map(DocumentColumns.Column.init)
    }

    /// Starts the output with the header row.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
        writeRow(names)
    }

    /// Continues an interrupted output; the header row is already there.
    public mutating func reopen(_ output: OutputChannel) {
        self.output = output
    }

    /// Writes one row.
    public mutating func write(_ document: Document) {
        writeRow(columns.map { $0.value(in: document) })
    }

    /// Nothing to close for CSV.
    public mutating func close() {}

    private func writeRow(_ cells: [String]) {
        var line: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            CSVCell.append(cell, to: &line)
        }
        line.append(contentsOf: [0x0D, 0x0A])
        output?.write(line)
    }
}

/// Quoting and formula guarding of one CSV cell.
enum CSVCell {
    /// Appends a cell, quoted when it holds a comma, quote or line break, guarded when it starts like a formula.
    static func append(_ cell: String, to line: inout [UInt8]) {
        var utf8 = Array(cell.utf8)
        if let first = utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            utf8.insert(UInt8(ascii: "'"), at: 0)
        }
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            line.append(contentsOf: utf8)
            return
        }
        line.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        line.append(UInt8(ascii: "\""))
    }
}
