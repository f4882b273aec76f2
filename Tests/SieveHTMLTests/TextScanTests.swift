import CLibXML2
import SieveCore
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
        "Hà Nội: ĐẠI HỌC, 2024", "Nguye\u{302}\u{303}n Va\u{306}n", "Ẳ\u{301}x ỹ",
    ]

    @Test(arguments: texts) func whitespacePiecesAreTheCharacterSplit(text: String) {
        let expected = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let pieces = ScalarSplit.pieces(text, separator: .whitespace) {
            #expect(pieces == expected)
        } else {
            #expect(text.unicodeScalars.contains { $0.value >= 0x300 && !(0x1E00..<0x1F00).contains($0.value) })
        }
    }

    @Test(arguments: texts) func wordPiecesAreTheCharacterSplit(text: String) {
        let expected = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if let pieces = ScalarSplit.pieces(text, separator: .notLetterOrNumber) {
            #expect(pieces == expected)
        } else {
            #expect(text.unicodeScalars.contains { $0.value >= 0x300 && !(0x1E00..<0x1F00).contains($0.value) })
        }
    }

    /// Text below U+0300 or with precomposed Vietnamese letters takes the scalar path; a combining mark or
    /// another script does not.
    @Test func onlyTextWithoutCombiningMarksIsSplitByScalars() {
        #expect(ScalarSplit.pieces("Größe² ½", separator: .notLetterOrNumber) == ["Größe²", "½"])
        #expect(ScalarSplit.pieces("Nguyễn Văn-An", separator: .notLetterOrNumber) == ["Nguyễn", "Văn", "An"])
        #expect(ScalarSplit.pieces("Cafe\u{301}", separator: .whitespace) == nil)
        #expect(ScalarSplit.pieces("Nguye\u{302}\u{303}n", separator: .whitespace) == nil)
        #expect(ScalarSplit.pieces("ỹ\u{301}", separator: .whitespace) == nil)
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

    /// `PageTitle.key` gives what lowercasing the whole text and keeping its letters and digits gives.
    @Test(arguments: texts + ["ΟΔΟΣ ΣΑΣ", "\u{212A}elvin", "ǅemal", "Hà Nội ĐẠI HỌC 2024", "ﬁnal ½"])
    func keyIsTheLowercasedLettersAndDigits(text: String) {
        var expected = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            expected.append(scalar)
        }
        #expect(PageTitle.key(text) == String(expected))
    }

    /// The words of a `<meta>` or `<link>` attribute by bytes are those of `lowercased()`, `trimmed` and
    /// `split(separator: " ")`, ASCII or not; a missing attribute gives nil.
    @Test func attributeWordsAreTheLoweredSplit() throws {
        let values = ["OG:Title", "  Author  Name ", "\tcanonical\n", "alternate  Stylesheet", "", "   ", "DC.Creator\u{A0}",
                      "Tác Giả Nguyễn", "İtem ÜBER", "a\rb c"]
        for value in values {
            let tree = try HTMLTree(utf8: Array("<html><head><meta name=\"\(value)\" content=\"x\"></head></html>".utf8))
            let meta = try #require(tree.head?.firstChildElement(.meta))
            let raw = try #require(meta.attribute("name"))
            for trimmed in [true, false] {
                let lowered = raw.lowercased()
                let expected = (trimmed ? lowered.trimmed : lowered).split(separator: " ").map(String.init)
                #expect(PageSignals.words(of: meta, "name", trimmed: trimmed) == expected, "\(value.debugDescription) trimmed \(trimmed)")
            }
            #expect(PageSignals.words(of: meta, "property", trimmed: true) == nil)
        }
    }

    /// `NodeTable.count` counts what a scalar-by-scalar reading counts: visible scalars (not a space, tab,
    /// line break, form feed or no-break space), commas (`,` `;` U+FF0C U+3001) and sentence ends (`.` `!`
    /// `?` U+3002).
    @Test(arguments: texts + ["Xin chào, thế giới! Hẹn gặp lại.", "你好，世界。再见、朋友", "a\u{A0}\u{A0}b;c?", "\u{FF01}\u{FF1F}\u{C2}x"])
    func nodeTextCountsAreTheScalarCounts(text: String) {
        var visible: Int32 = 0, commas: Int32 = 0, ends: Int32 = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}": continue
            case ",", ";", "\u{FF0C}", "\u{3001}": commas += 1
            case ".", "!", "?", "\u{3002}": ends += 1
            default: break
            }
            visible += 1
        }
        let counted = (Array(text.utf8) + [0]).withUnsafeBufferPointer { NodeTable.count($0.baseAddress!) }
        #expect(counted.visible == visible && counted.commas == commas && counted.sentenceEnds == ends)
    }

    /// `UTF8Check.scan` counts the multi-byte characters of valid UTF-8 and finds a bad sequence wherever it
    /// sits among long ASCII runs (the 32- and 8-byte steps).
    @Test func utf8ScanFindsSequencesAmongASCIIRuns() {
        let ascii = String(repeating: "<div class=\"x\">", count: 5)
        for offset in [0, 1, 7, 8, 31, 32, 33, 63] {
            let text = String(ascii.prefix(offset)) + "Hà Nội 😀" + ascii
            let valid = UTF8Check.scan(ArraySlice(Array(text.utf8)))
            #expect(valid.invalid == 0 && valid.multibyte == text.unicodeScalars.filter { !$0.isASCII }.count, "offset \(offset)")
            var bytes = Array(text.utf8)
            bytes.insert(0xFF, at: offset)
            bytes.append(0xC3)
            #expect(UTF8Check.scan(ArraySlice(bytes)).invalid == 2, "offset \(offset)")
        }
    }

    /// A NUL anywhere in the sample makes it binary, before the control bytes are counted; eight control bytes
    /// in over 1% of the sample do too, and tab, line breaks, form feed and escape are no control bytes here.
    @Test func binarySniffCountsControlBytes() {
        let text = Array(String(repeating: "plain text line\n", count: 40).utf8)
        #expect(BinarySniffer.binaryReason(ArraySlice(text)) == nil)
        #expect(BinarySniffer.binaryReason(ArraySlice(text + [0])) == "contains NUL bytes")
        #expect(BinarySniffer.binaryReason(ArraySlice(text + [0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x09, 0x0A, 0x0C, 0x0D, 0x1B])) == nil)
        let controls = text + [UInt8](repeating: 0x01, count: 7) + [0x7F]
        #expect(BinarySniffer.binaryReason(ArraySlice(controls)) == "8 control characters in the first \(controls.count) bytes")
    }

    private static func tag(_ name: String) -> SieveHTML.Tag {
        (Array(name.utf8) + [0]).withUnsafeBufferPointer { SieveHTML.Tag.of($0.baseAddress!) }
    }
}
