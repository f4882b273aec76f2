import Logging
import SieveCore
@testable import SieveHTML

/// Reads HTML bytes with the `html` reader and returns the one document it emits.
/// `blocksReplaced` tells it the next stage replaces the blocks (`StageContext.blocksReplaced`).
func readHTML(_ bytes: [UInt8], declaredCharset: String? = nil, url: String? = nil, blocksReplaced: Bool = false) throws -> Document {
    let reader = HTMLReader(options: NoOptions())
    var documents: [Document] = []
    let input = Input(path: "page.html", bytes: bytes, id: "page", declaredCharset: declaredCharset, url: url)
    var context = testContext("html")
    context.blocksReplaced = blocksReplaced
    try reader.read(input, context: context) { documents.append($0) }
    guard documents.count == 1 else { throw StageError(stage: "test", "expected one document, got \(documents.count)") }
    return documents[0]
}

/// Reads an HTML string.
func readHTML(_ html: String, declaredCharset: String? = nil, url: String? = nil, blocksReplaced: Bool = false) throws -> Document {
    try readHTML(Array(html.utf8), declaredCharset: declaredCharset, url: url, blocksReplaced: blocksReplaced)
}

/// A context for running a stage in a test.
func testContext(_ stage: String) -> StageContext {
    StageContext(stageName: stage, logger: Logger(label: "test"))
}

/// The text encoded in a legacy charset with iconv.
func encode(_ text: String, as charset: String) -> [UInt8]? {
    Transcoder.convert(Array(text.utf8), from: "UTF-8", to: charset)?.bytes
}

/// The blocks as `kindLEVEL:text` lines, for compact expectations.
func describe(_ blocks: [Block]) -> [String] {
    blocks.map { block in
        let level = block.level.map { String($0) } ?? ""
        return "\(block.kind.rawValue)\(level):\(block.text)"
    }
}
