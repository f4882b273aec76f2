import Foundation

/// The templates `sieve new-stage` writes: one working stage per kind, and its test. Each is a small, real
/// stage (not a stub) so the new test passes at once and the author edits from something that works.
enum StageTemplates {
    /// The four kinds of stage a template exists for.
    enum Kind: String, CaseIterable {
        case normalizer, extractor, reader, sink
    }

    /// The stage's source file and its test file, with `{{Type}}`, `{{lowerType}}`, `{{stage}}` and `{{Target}}`
    /// filled in.
    static func files(kind: Kind, type: String, stage: String, target: String) -> (source: String, test: String) {
        let (source, test) = switch kind {
        case .normalizer: (normalizer, normalizerTest)
        case .extractor: (extractor, extractorTest)
        case .reader: (reader, readerTest)
        case .sink: (sink, sinkTest)
        }
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{{Type}}", with: type).replacingOccurrences(of: "{{stage}}", with: stage)
                .replacingOccurrences(of: "{{Target}}", with: target)
                .replacingOccurrences(of: "{{lowerType}}", with: type.prefix(1).lowercased() + type.dropFirst())
        }
        return (fill(source), fill(header + test))
    }

    private static let header = """
    import SieveCore
    import SieveTesting
    import Testing
    import {{Target}}


    """

    private static let normalizer = """
    import SieveCore

    /// `{{stage}}`: trims spaces and tabs at both ends of every block. Idempotent, as a normalizer must be.
    ///
    /// Options: `drop_empty` (remove blocks left empty; default true).
    /// Example: blocks ["  Hello ", " "] → ["Hello"].
    public struct {{Type}}: Normalizer {
        /// Options of `{{stage}}`.
        public struct Options: StageOptions {
            /// Remove blocks left empty after trimming.
            public var drop_empty = true
            /// The defaults.
            public init() {}
            /// Each option once: name, property, help (type and default come from the property).
            public static let declared: [OptionSpec<Options>] = [
                .option("drop_empty", \\.drop_empty, "remove blocks left empty after trimming"),
            ]
        }

        /// The name used in `--stage` and pipeline files.
        public static let name = "{{stage}}"
        /// One line for `sieve stages`.
        public static let summary = "trim spaces and tabs around every block"

        private let dropEmpty: Bool

        /// Builds the stage from checked options (Sieve checked them against `declared` before any input).
        public init(options: Options) throws {
            dropEmpty = options.drop_empty
        }

        /// Trims every block in place.
        public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
            for index in document.blocks.indices {
                document.blocks[index].text = Self.trimmed(document.blocks[index].text)
            }
            if dropEmpty { document.blocks.removeAll { $0.text.isEmpty } }
            return .keep
        }

        private static func trimmed(_ text: String) -> String {
            let bytes = Array(text.utf8)
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return start == 0 && end == bytes.count ? text : String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    """

    private static let normalizerTest = """
    @Test func {{lowerType}}PassesTheConformanceCheck() throws {
        try StageConformance.check({{Type}}.self)
    }

    @Test func {{lowerType}}TrimsBlocksAndDropsEmptyOnes() throws {
        let stage = try {{Type}}(options: .init())
        var document = Document(id: "a", source: Source(path: "a.txt", format: "text"),
                                blocks: [Block(.paragraph, "  Hello\\t"), Block(.paragraph, "  ")])
        let context = StageContext(stageName: {{Type}}.name, logger: .init(label: "test"))
        #expect(try stage.apply(to: &document, context: context) == .keep)
        #expect(document.blocks == [Block(.paragraph, "Hello")])
    }

    """

    private static let extractor = """
    import SieveCore

    /// `{{stage}}`: tags an article with the sections whose keywords its title or text contains.
    ///
    /// Options: `sections` (entries `section=keyword/keyword`, `|`-separated on the command line), `field`
    /// (the field to write; default `sections`).
    /// Example: title "Giá vàng tăng mạnh" with `sections=economy=giá vàng/chứng khoán` → `fields.sections = ["economy"]`.
    public struct {{Type}}: Extractor {
        /// Options of `{{stage}}`.
        public struct Options: StageOptions {
            /// `section=keyword/keyword` entries.
            public var sections = ["sport=football/bóng đá", "economy=market/thị trường"]
            /// The field the matching sections go to.
            public var field = "sections"
            /// The defaults.
            public init() {}
            /// Each option once. A check runs before any input is read (also by `sieve validate`); `each:`
            /// checks list items one by one, so a pipeline file's error points at the bad item.
            public static let declared: [OptionSpec<Options>] = [
                .option("sections", \\.sections, "section=keyword/keyword entries", each: { entry in
                    {{Type}}.section(entry) == nil ? "has an entry '\\(entry)' that is not section=keyword/keyword" : nil
                }),
                .option("field", \\.field, "the field to write the matching sections to"),
            ]
        }

        /// The name used in `--stage` and pipeline files.
        public static let name = "{{stage}}"
        /// One line for `sieve stages`.
        public static let summary = "tag articles with sections by keywords"

        private let sections: [(name: String, keywords: [String])]
        private let field: String

        /// Parses the checked section list once.
        public init(options: Options) throws {
            sections = options.sections.compactMap(Self.section)
            field = options.field
        }

        /// A `section=keyword/keyword` entry's name and lowercased keywords, or nil when malformed.
        static func section(_ entry: String) -> (name: String, keywords: [String])? {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            return (String(parts[0]), parts[1].split(separator: "/").map { String($0).lowercased() })
        }

        /// Adds the matching sections to the document's fields.
        public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
            let text = ((document.title ?? "") + "\\n" + document.text).lowercased()
            let matches = sections.filter { section in section.keywords.contains { text.contains($0) } }
            if !matches.isEmpty { document.fields[field] = .list(matches.map { .string($0.name) }) }
            return .keep
        }
    }

    """

    private static let extractorTest = """
    @Test func {{lowerType}}PassesTheConformanceCheck() throws {
        try StageConformance.check({{Type}}.self)
    }

    @Test func {{lowerType}}TagsMatchingSections() throws {
        var options = {{Type}}.Options()
        options.sections = ["sport=bóng đá", "economy=giá vàng"]
        let stage = try {{Type}}(options: options)
        var document = Document(id: "a", source: Source(path: "a.txt", format: "text"),
                                blocks: [Block(.paragraph, "Giá vàng tăng mạnh trong phiên sáng nay.")])
        let context = StageContext(stageName: {{Type}}.name, logger: .init(label: "test"))
        #expect(try stage.apply(to: &document, context: context) == .keep)
        #expect(document.fields["sections"] == ["economy"])
    }

    """

    private static let reader = """
    import SieveCore

    /// `{{stage}}`: reads Markdown-like notes: a first line `# Title`, then paragraphs separated by blank lines.
    ///
    /// Options: none.
    /// Example: "# Hà Nội\\n\\nMột.\\n\\nHai." → title "Hà Nội", paragraphs ["Một.", "Hai."].
    public struct {{Type}}: SourceReader {
        /// The name used in `--from` and pipeline files.
        public static let name = "{{stage}}"
        /// One line for `sieve stages`.
        public static let summary = "Markdown-like notes: # title, then paragraphs"
        /// The extensions this reader takes when formats are chosen automatically.
        public static let fileExtensions = ["md"]

        /// No options to check.
        public init(options: NoOptions) throws {}

        /// Claims inputs that start with `# `.
        public static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool {
            prefix.starts(with: [UInt8(ascii: "#"), UInt8(ascii: " ")])
        }

        /// Emits one document per input.
        public func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws {
            let text = String(decoding: input.bytes, as: UTF8.self)
            var paragraphs = text.split(separator: "\\n\\n", omittingEmptySubsequences: true).map(String.init)
            var document = Document(id: input.id, source: Source(path: input.path, format: Self.name, offset: input.offset,
                                                                 url: input.url))
            if let first = paragraphs.first, first.hasPrefix("# ") {
                document.title = String(first.dropFirst(2))
                paragraphs.removeFirst()
            }
            document.blocks = paragraphs.map { Block(.paragraph, $0) }
            try emit(document)
        }
    }

    """

    private static let readerTest = """
    @Test func {{lowerType}}PassesTheConformanceCheck() throws {
        try StageConformance.check({{Type}}.self)
    }

    @Test func {{lowerType}}ReadsTitleAndParagraphs() throws {
        let reader = try {{Type}}(options: .init())
        let input = Input(path: "a.md", bytes: Array("# Hà Nội\\n\\nMột.\\n\\nHai.".utf8), id: "a")
        var documents: [Document] = []
        try reader.read(input, context: StageContext(stageName: {{Type}}.name, logger: .init(label: "test"))) {
            documents.append($0)
        }
        #expect(documents.count == 1)
        #expect(documents.first?.title == "Hà Nội")
        #expect(documents.first?.blocks == [Block(.paragraph, "Một."), Block(.paragraph, "Hai.")])
    }

    """

    private static let sink = """
    import SieveCore

    /// `{{stage}}`: writes one tab-separated line per document: id, then title (tabs and newlines become spaces).
    ///
    /// Options: `header` (write a header line first; default true).
    /// Example: a document "a" titled "Hà Nội" → "id\\ttitle\\na\\tHà Nội\\n".
    public struct {{Type}}: SinkWriter {
        /// Options of `{{stage}}`.
        public struct Options: StageOptions {
            /// Write a header line first.
            public var header = true
            /// The defaults.
            public init() {}
            /// Each option once: name, property, help.
            public static let declared: [OptionSpec<Options>] = [
                .option("header", \\.header, "write a header line first"),
            ]
        }

        /// The name used in `--to` and pipeline files.
        public static let name = "{{stage}}"
        /// One line for `sieve stages`.
        public static let summary = "tab-separated id and title, one line per document"
        /// The file extension this sink writes.
        public static let fileExtension = "tsv"

        private let header: Bool
        private var output: OutputChannel?

        /// Keeps the options.
        public init(options: Options) throws {
            header = options.header
        }

        /// Starts the output.
        public mutating func open(_ output: OutputChannel) throws {
            self.output = output
            if header { output.write("id\\ttitle\\n") }
        }

        /// Writes one line.
        public mutating func write(_ document: Document) throws {
            output?.write("\\(Self.clean(document.id))\\t\\(Self.clean(document.title ?? ""))\\n")
        }

        /// Nothing to close.
        public mutating func close() throws {}

        private static func clean(_ text: String) -> String {
            String(decoding: text.utf8.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
        }
    }

    """

    private static let sinkTest = """
    @Test func {{lowerType}}PassesTheConformanceCheck() throws {
        try StageConformance.check({{Type}}.self)
    }

    """
}
