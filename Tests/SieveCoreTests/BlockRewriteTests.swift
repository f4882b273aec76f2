@testable import SieveCore
import Testing

/// A normalizer's rewrite keeps spans on the same words, whatever it does to the text around them.
@Suite struct BlockRewriteTests {
    /// Texts are the same only byte for byte: canonically equivalent spellings (NFC "é" and "e" + U+0301,
    /// which `==` calls equal) differ, as do texts of different lengths; Substrings compare by their bytes too.
    @Test func sameBytesComparesUTF8() {
        #expect(Block.sameBytes("café", "café"))
        #expect(Block.sameBytes("", ""))
        #expect(!Block.sameBytes("caf\u{E9}", "cafe\u{301}"))
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(!Block.sameBytes("abc", "abd"))
        #expect(!Block.sameBytes("abc", "abcd"))
        let long = String(repeating: "Hà Nội ", count: 40)
        #expect(Block.sameBytes(long, String(long.utf8.prefix(long.utf8.count))!))
    }

    @Test func spansFollowTheirWordsThroughSpacingCleanUp() {
        var block = Block(.paragraph, "Xem  bài   này\u{00A0} và ảnh")
        block.spans = [Block.Span(.link, start: 5, length: 9, href: "https://example.org/a"),
                       Block.Span(.image, start: 15, length: 0, src: "https://example.org/i.png")]
        #expect(block.text(of: block.spans[0]) == "bài   này")
        block.rewriteText { text in
            String(text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " "))
        }
        #expect(block.text == "Xem bài này và ảnh")
        #expect(block.text(of: block.spans[0]) == "bài này")
        #expect(block.spans[1].start == 11, "the image stands right after \"này\", before the spaces")
        #expect(block.spans[1].length == 0)
    }

    @Test func decomposedLettersComposedInsideASpanKeepItsEnds() {
        var block = Block(.paragraph, "Hoa\u{300} nở")
        block.spans = [Block.Span(.bold, start: 0, length: 4)]
        block.rewriteText { $0.precomposedForTest }
        #expect(block.text == "Hoà nở")
        #expect(block.text(of: block.spans[0]) == "Hoà")
    }

    @Test func tableCellsAreRewrittenToo() {
        var block = Block(.table, " a \t b ")
        block.rows = [[Block.Cell(" a ", header: true), Block.Cell(" b ")]]
        block.rewriteText { String($0.trimmingPrefix(" ").reversed().trimmingPrefix(" ").reversed()) }
        #expect(block.rows == [[Block.Cell("a", header: true), Block.Cell("b")]])
    }
}

extension String {
    /// "a" + U+0300 composed to "à", the one composition the test needs (SieveCore has no Foundation).
    fileprivate var precomposedForTest: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\u{300}", scalars.last == "a" {
                scalars.removeLast()
                scalars.append("\u{E0}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
