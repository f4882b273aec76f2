import Foundation
@testable import SieveHTML
import Testing

/// `Lowercase` and `ScalarSplit.components` replace `lowercased()` and Foundation's
/// `components(separatedBy:)` on titles, names and short paragraphs: they must give the same answers.
@Suite struct CaseAndSplitTests {
    static let texts = TextScanTests.texts + [
        "ΟΔΟΣ ΣΑΣ", "\u{212A}elvin", "ǅemal ǄǅǆǇ", "ĐÀ NẴNG – Ầ Ứ Ỵ", "Ωμέγα ἈἘἨ", "МОСКВА и Київ", "ԱՐԵՎ", "ẞ ß",
        "Jane Doe and John Roe", "A & B, C; D / E und F et G y H e I và J", " and ", "and", "x and and y",
        "Title | Site | ", " | ", "Title\r\n | Site", "Café | Zeitung – Aktuell", "a\u{301} | b",
    ]

    @Test(arguments: texts) func lowercaseIsTheStandardLowercase(text: String) {
        #expect(Lowercase.string(text) == text.lowercased())
        #expect(Lowercase.bytes(text) == Array(text.lowercased().utf8))
    }

    /// Every scalar of the table's ranges and around them maps as the standard library maps it.
    @Test func everyTableScalarMapsLikeTheStandardLibrary() {
        for value in UInt32(0x00)..<0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(Character(scalar)) + "Z"
            #expect(Lowercase.bytes(text) == Array(text.lowercased().utf8), "U+\(String(value, radix: 16))")
        }
    }

    static let separators = [" and ", " & ", ", ", "; ", " / ", " und ", " et ", " y ", " e ", " và ", " | ", " - ", " – ", ": "]

    @Test(arguments: texts) func componentsAreFoundationsComponents(text: String) {
        for separator in Self.separators {
            let expected = text.components(separatedBy: separator)
            if let pieces = ScalarSplit.components(text, separatedBy: separator) {
                #expect(pieces == expected, "\(separator)")
            } else {
                #expect(text.utf8.contains { $0 >= 0x80 })
            }
            #expect(PageTitle.components(text, separator) == expected)
        }
    }

    /// The site separators a title holds, found in one pass, are those `contains` finds one by one.
    @Test(arguments: texts + ["A :: B » C › D ǀ E", "Title: Sub · x", "a - b – c — d", " | ", ": "])
    func siteSeparatorsHeldAreThoseContained(text: String) {
        let held = PageTitle.siteSeparatorsHeld(in: text)
        for (index, separator) in PageTitle.siteSeparators.enumerated() {
            #expect((held >> UInt32(index)) & 1 == (PageTitle.contains(text, separator) ? 1 : 0), "\(separator) in \(text)")
        }
    }

    /// The first occurrence at or after `from`, as a search at every byte finds it.
    @Test func firstRangeIsTheFirstOccurrence() {
        let haystack = Array("jane doe, jane dOe and jane doe".utf8)
        for needle in ["jane doe", "j", "doe", "e", "jane doe and jane doe, x", "zz", ""] {
            let pattern = Array(needle.utf8)
            for from in [0, 1, 10, 22, 30, haystack.count, haystack.count + 3] {
                let expected = pattern.isEmpty ? nil : (from..<max(from, haystack.count - pattern.count + 1)).first {
                    Array(haystack[$0..<$0 + pattern.count]) == pattern
                }.map { $0..<$0 + pattern.count }
                #expect(ByteSearch.firstRange(of: pattern, in: haystack, from: from) == expected, "\(needle) from \(from)")
            }
        }
    }

    /// `findIgnoringCase` (memchr on a first byte without case) finds what a comparison at every byte finds.
    @Test func findIgnoringCaseIsTheFirstCaselessOccurrence() {
        let alphabet = Array("<mMeEtTaA >=\"vVlLnNg".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            for needle in ["<meta", "meta", "lang=\"v", "<", "m", " =", "e>"] {
                let pattern = Array(needle.utf8)
                let from = Int.random(in: 0...haystack.count + 2, using: &generator)
                let expected = (from..<max(from, haystack.count - pattern.count + 1)).first { start in
                    haystack[start..<start + pattern.count].map(ByteSearch.lower) == pattern
                }
                #expect(ByteSearch.findIgnoringCase(haystack, needle, from: from) == expected, "\(needle) from \(from) in \(haystack)")
            }
        }
    }
}

/// `ClassSignals.hasClass` finds a class of its own as splitting the list into classes does.
@Suite struct ClassListTests {
    /// The class list split on spaces, tabs and line feeds, each class compared ignoring ASCII case.
    static func expected(_ list: String, _ name: String) -> Bool {
        list.utf8.split(separator: 0x20, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: 0x09, omittingEmptySubsequences: false) }
            .flatMap { $0.split(separator: 0x0A, omittingEmptySubsequences: false) }
            .contains { $0.count == name.utf8.count && zip($0, name.utf8).allSatisfy { $0 | 0x20 == $1 } }
    }

    @Test(arguments: ["hidden", "HIDDEN x", "x Hidden", "field--label-hidden", "hidden-xs", "a\thidden\nb", "a\rhidden",
                      "hiddenx hidden", "xhidden", "h", "", "comment comments", "Comment", "no-comment", "hid den", "hhidden hidden"])
    func hasClassIsTheSplitListsAnswer(list: String) {
        for name: StaticString in ["hidden", "comment"] {
            let found = Array(list.utf8).withUnsafeBufferPointer { ClassSignals.hasClass($0, name) }
            #expect(found == Self.expected(list, "\(name)"), "\(name) in \(list)")
        }
    }
}
