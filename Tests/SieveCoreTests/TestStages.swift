import SieveCore

/// A reader that turns each line of its input into a paragraph (timing that as its part `split`); fails on
/// inputs that say "explode".
struct LinesReader: SourceReader {
    static let name = "lines"
    static let summary = "test reader"
    static let fileExtensions = ["lines"]
    static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool { prefix.first == UInt8(ascii: "#") }
    init(options: NoOptions) {}

    func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws {
        let text = String(decoding: input.bytes, as: UTF8.self)
        if text.contains("explode") { throw StageError(stage: Self.name, "the input asked to explode") }
        let blocks = context.measure("split") { text.split(separator: "\n").map { Block(.paragraph, String($0)) } }
        try emit(Document(id: input.id, source: Source(path: input.path, format: Self.name), blocks: blocks))
    }
}

/// Upper-cases every block; drops documents containing "DROP"; fails those containing "FAIL".
struct ShoutTransform: Normalizer {
    struct Options: StageOptions {
        var suffix = ""
        var times = 1
        var loud = true
        var words: [String] = []
        init() {}
        static let declared: [OptionSpec<Options>] = [
            .option("suffix", \.suffix, "text appended to every block"),
            .option("times", \.times, "how many times", check: { $0 >= 0 ? nil : "must not be negative" }),
            .option("loud", \.loud, "shout"),
            .option("words", \.words, "words"),
        ]
    }
    static let name = "shout"
    static let summary = "test normalizer"
    let options: Options
    init(options: Options) {
        self.options = options
    }

    func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        if document.text.contains("DROP") { return .drop(reason: "asked to drop") }
        if document.text.contains("FAIL") { throw StageError(stage: Self.name, "asked to fail") }
        for index in document.blocks.indices {
            document.blocks[index].text = document.blocks[index].text.uppercased() + options.suffix
        }
        return .keep
    }
}

/// Collects documents in memory.
struct MemorySink: SinkWriter {
    static let name = "memory"
    static let summary = "test sink"
    static let fileExtension = "txt"
    var documents: [Document] = []
    init(options: NoOptions) {}
    mutating func open(_ output: OutputChannel) {}
    mutating func write(_ document: Document) { documents.append(document) }
    mutating func close() {}
}

/// Numbers the documents in output order (a `seen` field), as a parent-side stage such as `dedupe` would see them
/// (not in `testRegistry`: add it where wanted).
final class NumberingTransform: OrderedTransform, Extractor, @unchecked Sendable {
    static let name = "numbering"
    static let summary = "test ordered transform"
    private var seen = 0
    init(options: NoOptions) {}

    func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        seen += 1
        document.fields["seen"] = .number(Double(seen))
        return .keep
    }
}

let testRegistry = StageRegistry().with(LinesReader.self, ShoutTransform.self, MemorySink.self)
