@testable import SieveHTML
import Testing

/// The byte- and scalar-level scans that replace Character-level or one-word-at-a-time searches on hot
/// paths must give the answers of what they replace.
@Suite struct TextScanTests {
    /// Titles, names and edge cases: CR LF, no-break and other Latin-1 spaces, Latin-1 letters and numbers
    /// (², ½), IPA letters, a combining mark, other scripts, empty and separator-only texts.
    static let texts = [
        "Floods hit the north | Daily News", "  Straße\u{A0}und\tPlatz  ", "Line one\r\nline two\r\n", "",
        " \t\n ", "Ünïcödé ÀÉÎÕÜ ß ÿ", "Größe² ½ Liter", "ɐɓɔ ʃʒ", "Cafe\u{301} au lait", "Ελληνικά και κείμενο",
        "日本語のテキスト", "x\u{85}y", "a×b÷c", "C'est l'été – déjà!", "Nguyễn Văn An", "İstanbul", "v1.2.3-rc4",
    ]

    @Test(arguments: texts) func whitespacePiecesAreTheCharacterSplit(text: String) {
        let expected = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let pieces = ScalarSplit.pieces(text, separator: .whitespace) {
            #expect(pieces == expected)
        } else {
            #expect(text.unicodeScalars.contains { $0.value >= 0x300 })
        }
    }

    @Test(arguments: texts) func wordPiecesAreTheCharacterSplit(text: String) {
        let expected = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if let pieces = ScalarSplit.pieces(text, separator: .notLetterOrNumber) {
            #expect(pieces == expected)
        } else {
            #expect(text.unicodeScalars.contains { $0.value >= 0x300 })
        }
    }

    /// Text below U+0300 takes the scalar path; a combining mark or another script does not.
    @Test func onlyTextBelowCombiningMarksIsSplitByScalars() {
        #expect(ScalarSplit.pieces("Größe² ½", separator: .notLetterOrNumber) == ["Größe²", "½"])
        #expect(ScalarSplit.pieces("Cafe\u{301}", separator: .whitespace) == nil)
        #expect(ScalarSplit.pieces("Nguyễn", separator: .whitespace) == nil)
    }

    /// Every word of a set is found in one pass, ignoring ASCII case, also overlapping and at the edges.
    @Test func needleSetFindsEachWordLikeOneSearchPerWord() {
        let words = ["date", "time", "datetime", "meta", "author", "post-footer", "footer"]
        let set = NeedleSet(words)
        for value in ["entry-DateTime", "post-footer meta", "authorBox", "time", "dat", "", "FOOTER", "xpost-footerx", "metadata"] {
            let found = Array(value.utf8).withUnsafeBufferPointer { set.found(in: $0) }
            for (bit, word) in words.enumerated() {
                let expected = value.lowercased().contains(word)
                #expect((found >> UInt32(bit)) & 1 == (expected ? 1 : 0), "\(word) in \(value)")
            }
        }
    }

    /// Every known element name gives its tag; other names, longer names and upper case give `.other`.
    @Test func tagNamesGiveTheirTags() {
        let known: [(String, SieveHTML.Tag)] = [("p", .p), ("a", .a), ("div", .div), ("h1", .h1), ("h6", .h6), ("blockquote", .blockquote),
                                      ("figcaption", .figcaption), ("noscript", .noscript), ("template", .template),
                                      ("tt", .tt), ("legend", .legend), ("html", .html), ("colgroup", .colgroup)]
        for (name, tag) in known {
            #expect(Self.tag(name) == tag, "\(name)")
        }
        for name in ["", "P", "blockquotes", "figcaptionx", "custom-element", "h7", "pp", "x"] {
            #expect(Self.tag(name) == .other, "\(name)")
        }
    }

    private static func tag(_ name: String) -> SieveHTML.Tag {
        (Array(name.utf8) + [0]).withUnsafeBufferPointer { SieveHTML.Tag.of($0.baseAddress!) }
    }
}
