import SieveCore

/// Cleans spacing: Unicode spaces become plain spaces, invisible characters go, runs collapse, ends are trimmed.
///
/// Works on UTF-8 bytes. NBSP (U+00A0), the spaces U+2000–U+200A, U+202F, U+205F, U+3000 and tabs become a
/// space; zero-width space U+200B, word joiner U+2060, BOM U+FEFF and soft hyphen U+00AD are removed
/// (ZWJ/ZWNJ are kept: emoji and some scripts need them); runs of spaces collapse to one; each line of a
/// block is trimmed and empty lines inside a block are dropped (a block's `\n` line breaks are kept for
/// `unwrap`). Blocks left empty (without text or picture) and comments left empty are removed. Code blocks are left byte for byte (indentation and blank
/// lines are their meaning); in table blocks each cell is cleaned on its own, so the tabs between cells
/// and the line breaks between rows stay.
///
/// Options: none.
///
/// Example: `"  Hà\u{00A0}\u{00A0}Nội\u{200B}  "` → `"Hà Nội"`.
public struct WhitespaceNormalizer: Normalizer {
    public static let name = "whitespace"
    public static let summary = "Collapse spaces, map NBSP and Unicode spaces, drop zero-width characters, trim"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the normalizer.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let blocks = document.blocks
        DocumentText.rewrite(&document, Self.normalize)
        for index in blocks.indices {
            switch blocks[index].kind {
            case .code: document.blocks[index].text = blocks[index].text
            case .table: document.blocks[index].text = Self.normalizeTable(blocks[index].text)
            default: break
            }
        }
        document.blocks.removeAll(where: \.isEmpty)
        document.comments.removeAll { $0.text.isEmpty }
        document.authors.removeAll(where: \.isEmpty)
        document.tags.removeAll(where: \.isEmpty)
        return .keep
    }

    /// The text with spacing cleaned. Most texts (blocks from HTML are collapsed when built) are clean already
    /// and come back as they are, after one read of their bytes.
    static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8(isClean) ? text : rewritten(text)
    }

    /// Whether `rewritten` would give the bytes back unchanged: no tab, carriage return, Unicode space or
    /// invisible character, no space or line break at either end, no space next to a space or a line break,
    /// no empty line.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var previous: UInt8 = 0x0A
        var index = 0
        return looked.withUnsafeBufferPointer { looked in
            while index < count {
                let byte = bytes[index]
                if looked[Int(byte)] {
                    switch byte {
                    case 0x20:
                        if previous == 0x20 || previous == 0x0A || index + 1 == count || bytes[index + 1] == 0x0A { return false }
                    case 0x0A:
                        if previous == 0x0A || index + 1 == count { return false }
                    case 0x09, 0x0B, 0x0C, 0x0D:
                        return false
                    case 0xC2 where index + 1 < count:
                        if bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD { return false }
                    case 0xE2 where index + 2 < count:
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0x80, third <= 0x8B || third == 0xAF || third == 0xA8 || third == 0xA9 { return false }
                        if second == 0x81, third == 0x9F || third == 0xA0 { return false }
                    case 0xE3 where index + 2 < count:
                        if bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return false }
                    case 0xEF where index + 2 < count:
                        if bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                    default:
                        break
                    }
                }
                previous = byte
                index += 1
            }
            return true
        }
    }

    /// The bytes `isClean` looks at: spaces, line breaks and other controls, and the lead bytes of the Unicode
    /// spaces and invisible characters; every other byte passes after one table look-up.
    private static let looked: [Bool] = (0..<256).map { byte in
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE2, 0xE3, 0xEF: true
        default: false
        }
    }

    /// The text with spacing cleaned, rebuilt byte by byte.
    static func rewritten(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let (kind, width) = classify(bytes, index)
            index += width
            switch kind {
            case .space:
                pendingSpace = true
            case .invisible:
                continue
            case .newline:
                pendingSpace = false
                if let last = output.last, last != 0x0A { output.append(0x0A) }
            case .other:
                if pendingSpace, let last = output.last, last != 0x0A { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: bytes[(index - width)..<index])
            }
        }
        while output.last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// A table's text with each cell cleaned: rows stay lines, cells stay tab-separated, empty rows go.
    static func normalizeTable(_ text: String) -> String {
        var rows: [String] = []
        for row in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map { normalize(String($0)) }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(cells.joined(separator: "\t")) }
        }
        return rows.joined(separator: "\n")
    }

    private enum Kind { case space, invisible, newline, other }

    /// What the scalar at `index` is, and its width in bytes.
    private static func classify(_ bytes: [UInt8], _ index: Int) -> (Kind, Int) {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0B, 0x0C: return (.space, 1)
        case 0x0A: return (.newline, 1)
        case 0x0D:
            return (.newline, index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1)
        case 0xC2 where index + 1 < bytes.count:
            if bytes[index + 1] == 0xA0 { return (.space, 2) }
            if bytes[index + 1] == 0xAD { return (.invisible, 2) }
            return (.other, 2)
        case 0xE2 where index + 2 < bytes.count:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 {
                if third <= 0x8A || third == 0xAF { return (.space, 3) }
                if third == 0x8B { return (.invisible, 3) }
                if third == 0xA8 || third == 0xA9 { return (.newline, 3) }
            }
            if second == 0x81 && third == 0x9F { return (.space, 3) }
            if second == 0x81 && third == 0xA0 { return (.invisible, 3) }
            return (.other, 3)
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80:
            return (.space, 3)
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
            return (.invisible, 3)
        default:
            return (.other, width(of: byte))
        }
    }

    private static func width(of lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0...: 4
        default: 1
        }
    }
}
