/// Escaping of text for CommonMark, so text from a page reads back as the same text and never as markup.
///
/// Everywhere: the backslash, `` ` ``, `*`, `_`, `[`, `]`, `<` and `~` (GFM strikethrough) each get a
/// backslash (CommonMark 0.31, "Backslash escapes": any ASCII punctuation may be escaped); `&` before a
/// letter or `#`, which would start an entity, is written `&amp;` (readers that skip the backslash
/// before `&`, such as Ink, still read that right). At the start of a line, after the leading blanks are dropped (four would
/// start a code block): `#`, `>`, `-`, `+`, `=` and `|` (heading, quote, list, setext underline, table) and
/// the `.` or `)` after leading digits (an ordered list). Inside a table cell `|` is escaped everywhere.
/// Line breaks become hard breaks (a backslash before the newline), so lines stay lines; trailing blanks
/// are dropped (two would be a break too).
///
/// Example: `"# 1. *not* a [link]"` → `"\# 1. \*not\* a \[link\]"`; `"2) ok"` → `"2\) ok"`.
enum MarkdownText {
    /// Appends `text` escaped as inline content of one block; `atLineStart` is false for a run that
    /// continues a line (after a link or emphasis), `atLineEnd` false for one that another run follows.
    static func append(_ text: String, to output: inout [UInt8], inTable: Bool = false, atLineStart: Bool = true,
                       atLineEnd: Bool = true) {
        var text = text
        let start = output.count
        text.withUTF8 { utf8 in
            var lineStart = atLineStart
            var pendingBreak = false
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0A || byte == 0x0D {
                    trimTrailingBlanks(&output, from: start)
                    pendingBreak = output.count > start || !atLineStart
                    lineStart = true
                    index += 1
                    continue
                }
                if lineStart {
                    if byte == 0x20 || byte == 0x09 {
                        index += 1
                        continue
                    }
                    if pendingBreak {
                        output.append(contentsOf: inTable ? [0x20] : [UInt8(ascii: "\\"), 0x0A])
                        pendingBreak = false
                    }
                    lineStart = false
                    if !inTable, lineStartSpecials.contains(byte) {
                        output.append(UInt8(ascii: "\\"))
                    } else if !inTable, isDigit(byte) {
                        var end = index
                        while end < utf8.count, isDigit(utf8[end]) { end += 1 }
                        output.append(contentsOf: utf8[index..<end])
                        if end < utf8.count, utf8[end] == UInt8(ascii: ".") || utf8[end] == UInt8(ascii: ")") {
                            output.append(UInt8(ascii: "\\"))
                        }
                        index = end
                        continue
                    }
                }
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "~"):
                    output.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "|") where inTable:
                    output.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "&") where index + 1 < utf8.count && (isLetter(utf8[index + 1]) || utf8[index + 1] == UInt8(ascii: "#")):
                    output.append(contentsOf: "&amp;".utf8)
                    index += 1
                    continue
                case 0x00..<0x09, 0x0B, 0x0C, 0x0E..<0x20, 0x7F:
                    index += 1
                    continue
                default:
                    break
                }
                output.append(byte)
                index += 1
            }
        }
        if atLineEnd { trimTrailingBlanks(&output, from: start) }
    }

    /// The escaped form of `text` as a string.
    static func escaped(_ text: String, inTable: Bool = false) -> String {
        var output: [UInt8] = []
        append(text, to: &output, inTable: inTable)
        return String(decoding: output, as: UTF8.self)
    }

    private static let lineStartSpecials: Set<UInt8> = Set("#>-+=|".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Drops blanks at the end of what this call appended (from `start`).
    private static func trimTrailingBlanks(_ output: inout [UInt8], from start: Int) {
        while output.count > start, let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
    }
}
