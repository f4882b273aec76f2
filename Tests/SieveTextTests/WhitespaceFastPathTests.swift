import Testing
@testable import SieveText

/// `whitespace` hands back a text it would not change after one read (`isClean`); the fast path must agree
/// with the full rewrite on every text, clean or not.
@Suite struct WhitespaceFastPathTests {
    /// Pieces that the rewrite changes or keeps, alone and next to each other.
    static let pieces = ["a", "Hà", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{00A0}", "\u{00AD}", "\u{2003}", "\u{200B}",
                         "\u{2028}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{FEFF}", "\u{200D}", "€", "—", "Nội"]

    @Test func theFastPathAgreesWithTheRewriteOnEveryMix() {
        var generator = SystemRandomNumberGenerator()
        var clean = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            var copy = text
            if copy.withUTF8(WhitespaceNormalizer.isClean) {
                clean += 1
                #expect(WhitespaceNormalizer.rewritten(text) == text, "\(Array(text.unicodeScalars))")
            }
            #expect(WhitespaceNormalizer.normalize(text) == WhitespaceNormalizer.rewritten(text), "\(Array(text.unicodeScalars))")
        }
        #expect(clean > 100, "too few clean texts drawn to test the fast path")
    }

    @Test(arguments: ["Hà Nội\nngày mới", "one two", "", "x"])
    func cleanTextsAreClean(text: String) {
        var copy = text
        let clean = copy.withUTF8(WhitespaceNormalizer.isClean)
        #expect(clean)
    }

    @Test(arguments: [" lead", "trail ", "two  spaces", "line \nbreak", "line\n break", "empty\n\nline", "\nfirst", "last\n",
                      "tab\there", "nbsp\u{00A0}here", "zero\u{200B}width", "ideographic\u{3000}space"])
    func textsTheRewriteChangesAreNotClean(text: String) {
        var copy = text
        let clean = copy.withUTF8(WhitespaceNormalizer.isClean)
        #expect(!clean)
        #expect(WhitespaceNormalizer.rewritten(text) != text)
    }
}
