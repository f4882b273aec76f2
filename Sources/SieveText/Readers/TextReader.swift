import SieveCore

/// Reads plain-text articles (`.txt`, `.text`) into documents with one block per paragraph.
///
/// Decoding (see `TextDecoder`): UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark, a
/// declared or forced charset (any iconv name; `tcvn3`, `viscii`, `windows-1258` for Vietnamese). Undeclared
/// bytes that are not UTF-8 are read as a legacy Vietnamese charset when they then read as Vietnamese, else
/// in the charset uchardet detects, else with U+FFFD for the bad bytes, each with a diagnostic. Valid UTF-8 is
/// kept as it is unless it is provably mis-decoded Vietnamese (`Mojibake`). Binary input (NUL bytes, many
/// control bytes) fails with an error naming the file.
/// CRLF and CR line ends become LF. Blocks follow `TextLines`: a paragraph per line, or per blank-line group
/// kept with its `\n` when the text is hard-wrapped; a headline-like first line becomes a level-1 heading.
///
/// Options: `charset` (default empty: detect; or `utf-8`, `windows-1258`, `tcvn3`, `viscii`, ...).
///
/// Example: `"Quận Lê Chân: Tổng kết\r\n\r\n21:22 23/08/2023\r\n\r\nNgày 23-8, ..."` →
/// `[heading "Quận Lê Chân: Tổng kết", paragraph "21:22 23/08/2023", paragraph "Ngày 23-8, ..."]`.
public struct TextReader: SourceReader {
    /// Options of the text reader.
    public struct Options: StageOptions {
        /// Charset of the input; empty means detect (BOM, then UTF-8, then uchardet).
        public var charset: String = ""
        /// Default options.
        public init() {}
        /// `charset`.
        public static let declared: [OptionSpec<Options>] = [
            .option("charset", \.charset, "input charset when not UTF-8: windows-1258, tcvn3, viscii, or any iconv name; empty: detect",
                    check: { charset in
                        guard let name = Transcoder.iconvName(for: charset), !Transcoder.isSupported(name) else { return nil }
                        return "names a charset iconv cannot decode: '\(charset)' (\(name))"
                    }),
        ]
    }

    public static let name = "text"
    public static let summary = "Plain-text articles: UTF-8/16, declared or detected legacy charsets, one block per paragraph"
    public static let fileExtensions = ["txt", "text"]

    private let decoder: TextDecoder

    /// Creates the reader; rejects a charset iconv does not know.
    public init(options: Options) throws {
        decoder = try TextDecoder(charset: options.charset, stage: Self.name)
    }

    /// Plausible text: a UTF-8/UTF-16 byte-order mark, or no NUL bytes and few control bytes.
    public static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool {
        BinarySniffer.looksLikeText(prefix)
    }

    public func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws {
        let decoded = try decoder.decode(input.bytes, declared: input.declaredCharset, path: input.path)
        var document = Document(id: input.id, source: Source(path: input.path, format: Self.name, offset: input.offset,
                                                               url: input.url))
        document.url = input.url
        document.blocks = TextLines.blocks(of: decoded.text)
        for note in decoded.notes { document.diagnose(context.stageName, note) }
        try emit(document)
    }
}
