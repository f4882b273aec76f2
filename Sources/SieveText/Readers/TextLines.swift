import SieveCore

/// Splits decoded text into lines and reduces them to blocks.
///
/// Representation: a block is one paragraph. In ordinary text every non-empty line is its own block
/// (scraped news puts one paragraph per line; blank lines only add spacing). When the text is hard-wrapped
/// at a fixed width (see `HardWrap`), the lines of each blank-line-separated group stay together in one
/// block joined by `\n`, so that the `unwrap` normalizer can find the real paragraph ends and rejoin the
/// rest; without `unwrap` the line breaks are kept as written. The first line becomes a level-1 heading
/// when it reads like a headline (`LineShape.isHeadline`).
enum TextLines {
    /// The lines of the text, with CRLF and CR line ends treated as LF and trailing spaces removed.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(trimmed(text[start..<index]))
            index = utf8.index(after: index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(trimmed(text[start..<index]))
        return lines
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var utf8 = line.utf8[...]
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8 = utf8.dropLast() }
        return line[utf8.startIndex..<utf8.endIndex]
    }

    /// The blocks of the text.
    static func blocks(of text: String) -> [Block] {
        let lines = lines(of: text)
        let groups = lines.split(whereSeparator: \.isEmpty).map(Array.init)
        guard !groups.isEmpty else { return [] }
        var blocks: [Block] = []
        if HardWrap.width(of: lines) != nil {
            for group in groups { blocks.append(Block(.paragraph, group.joined(separator: "\n"))) }
            if groups[0].count == 1, isHeadline(groups[0][0], in: groups, blankAfter: true) {
                blocks[0] = Block(.heading, blocks[0].text, level: 1)
            }
            return blocks
        }
        for group in groups {
            for line in group { blocks.append(Block(.paragraph, String(line))) }
        }
        let blankAfter = groups[0].count == 1
        if isHeadline(groups[0][0], in: groups, blankAfter: blankAfter) {
            blocks[0] = Block(.heading, blocks[0].text, level: 1)
        }
        return blocks
    }

    private static func isHeadline(_ line: Substring, in groups: [[Substring]], blankAfter: Bool) -> Bool {
        let next: Substring? = groups[0].count > 1 ? groups[0][1] : (groups.count > 1 ? groups[1][0] : nil)
        return LineShape.isHeadline(line, next: next, blankAfter: blankAfter)
    }
}
