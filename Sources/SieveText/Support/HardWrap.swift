/// Recognizes text hard-wrapped at a fixed width and finds the real paragraph ends inside it.
///
/// A text is hard-wrapped when its lines are short (at most `maxWidth` scalars), most of them come close to
/// the longest one, and many lines continue the sentence of the line before (the next line starts in lower
/// case). Inside wrapped text a paragraph ends after a line that ends a sentence when that line or the next
/// one falls short of the width (the first line of a paragraph is often shorter: a stripped indent), or
/// after a clearly short line that is not the first of its paragraph and is followed by a capital.
enum HardWrap {
    /// Wrapped text never has lines longer than this many scalars.
    static let maxWidth = 120

    /// The wrap width of the lines when they look hard-wrapped, nil otherwise.
    static func width<S: StringProtocol>(of lines: [S]) -> Int? {
        let lengths = lines.map { UTF8Text.scalarCount($0.utf8) }.filter { $0 > 0 }
        guard lengths.count >= 4, let longest = lengths.max(), longest <= maxWidth, longest >= 40 else { return nil }
        let nearFull = lengths.filter { $0 * 10 >= longest * 7 }.count
        guard nearFull * 2 >= lengths.count else { return nil }
        var continuations = 0
        var joints = 0
        for index in 1..<lines.count where !lines[index].isEmpty && !lines[index - 1].isEmpty {
            joints += 1
            if UTF8Text.startsLowercase(Substring(lines[index])) { continuations += 1 }
        }
        guard joints > 0, continuations * 4 >= joints else { return nil }
        return longest
    }

    /// Splits wrapped lines into paragraphs, each the lines rejoined with one space.
    static func paragraphs(_ lines: [Substring], width: Int) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        for (index, line) in lines.enumerated() {
            current.append(line)
            let next: Substring? = index + 1 < lines.count ? lines[index + 1] : nil
            if let next, !endsParagraph(line, isFirst: current.count == 1, next: next, width: width) { continue }
            result.append(current.joined(separator: " "))
            current.removeAll(keepingCapacity: true)
        }
        return result
    }

    /// Whether a paragraph ends after `line`, given the line that follows.
    static func endsParagraph(_ line: Substring, isFirst: Bool, next: Substring, width: Int) -> Bool {
        guard UTF8Text.startsLikeSentence(next) else { return false }
        let length = UTF8Text.scalarCount(line.utf8)
        let nextLength = UTF8Text.scalarCount(next.utf8)
        let full = width * 17 / 20
        if UTF8Text.endsSentence(line) || line.hasSuffix(":") {
            return length < full || nextLength < full
        }
        return !isFirst && length * 5 < width * 3
    }
}
