import SieveCore

/// Rejoins lines hard-wrapped inside a paragraph, splitting a block where a real paragraph ends.
///
/// Looks at the `\n` line breaks inside blocks (the text reader keeps them for hard-wrapped input). When the
/// document's lines look hard-wrapped at a fixed width (`HardWrap.width`), each block is cut at real
/// paragraph ends (`HardWrap.endsParagraph`: a sentence end on a short line or before a short first line,
/// or a clearly short line followed by a capital) and the lines of each paragraph are joined with one space
/// (Vietnamese has no end-of-line hyphenation). Line breaks in text that does not look wrapped (verse,
/// addresses) are left alone, and headings are always joined into one line.
///
/// Options: none.
///
/// Example (width 60): `"Sáng ngày 23/8/2024, Phòng GDĐT quận Long Biên tổ chức Hội\nnghị tổng kết ... cấp\nTHCS\nChỉ đạo Hội nghị là ..."`
/// → `["Sáng ngày 23/8/2024, Phòng GDĐT quận Long Biên tổ chức Hội nghị tổng kết ... cấp THCS", "Chỉ đạo Hội nghị là ..."]`.
public struct UnwrapNormalizer: Normalizer {
    public static let name = "unwrap"
    public static let summary = "Rejoin hard-wrapped lines inside paragraphs, keeping real paragraph breaks"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the normalizer.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard document.blocks.contains(where: { UTF8Text.contains($0.text, byte: 0x0A) }) else { return .keep }
        var allLines: [Substring] = []
        for block in document.blocks where block.kind != .code && block.kind != .table {
            allLines.append(contentsOf: Self.lines(of: block.text, omittingEmpty: false))
            allLines.append("")
        }
        let width = HardWrap.width(of: allLines)
        var blocks: [Block] = []
        blocks.reserveCapacity(document.blocks.count)
        for block in document.blocks {
            guard UTF8Text.contains(block.text, byte: 0x0A), block.kind != .code, block.kind != .table else {
                blocks.append(block)
                continue
            }
            let lines = Self.lines(of: block.text, omittingEmpty: true)
            if block.kind == .heading {
                var heading = block
                heading.rewriteText { $0.split(separator: "\n").joined(separator: " ") }
                blocks.append(heading)
            } else if let width {
                for paragraph in HardWrap.paragraphs(lines, width: width) {
                    blocks.append(Block(block.kind, paragraph, level: block.level))
                }
            } else {
                blocks.append(block)
            }
        }
        document.blocks = blocks
        return .keep
    }

    /// The text's lines, as `split(separator: "\n")` gives them: a line feed is a character of its own
    /// unless a carriage return precedes it (CR LF is one character, which that split does not cut), so
    /// text without a carriage return is cut at its 0x0A bytes, without breaking it into characters.
    static func lines(of text: String, omittingEmpty: Bool) -> [Substring] {
        guard !UTF8Text.contains(text, byte: 0x0D) else { return text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty) }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}
