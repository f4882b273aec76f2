import Foundation
import SieveCore
import Testing
@testable import SieveText

@Suite struct NormalizerTests {
    private func document(_ texts: [String]) -> Document {
        Document(id: "t", source: Source(path: "t.txt", format: "text"), blocks: texts.map { Block(.paragraph, $0) })
    }

    private func apply(_ stage: any Transform, _ texts: [String]) throws -> [String] {
        try TestSupport.run(document(texts), [stage]).blocks.map(\.text)
    }

    @Test func nfcComposesDecomposedVietnamese() throws {
        let stage = try NFCNormalizer(options: .init())
        let decomposed = "Huye\u{0302}\u{0323}n u\u{031B}\u{0309}y ban"
        #expect(try apply(stage, [decomposed]) == ["Huyện ửy ban"])
    }

    @Test func nfcMapsEthToDStrokeOnlyInVietnameseText() throws {
        let stage = try NFCNormalizer(options: .init())
        #expect(try apply(stage, ["Ðồng chí Ðặng Ðức Quỳnh, Ðảng ủy"]) == ["Đồng chí Đặng Đức Quỳnh, Đảng ủy"])
        #expect(try apply(stage, ["Ég heiti Guðrún og bý í Reykjavík."]) == ["Ég heiti Guðrún og bý í Reykjavík."])
        var options = NFCNormalizer.Options()
        options.lookalikes = false
        #expect(try apply(try NFCNormalizer(options: options), ["Ðồng chí Ðặng Ðức Quỳnh"]) == ["Ðồng chí Ðặng Ðức Quỳnh"])
    }

    @Test func whitespaceLeavesCodeAndKeepsTableCells() throws {
        let code = "func f() {\n\tif x {\n        return  1\n\n    }\n}"
        let table = "Name\tPoints \u{00A0}\n  Ana \t 12\t\n \t \nBảo\t\u{200B}9"
        var input = document(["  A  paragraph. "])
        input.blocks += [Block(.code, code), Block(.table, table)]
        let output = try TestSupport.run(input, [try WhitespaceNormalizer(options: .init())])
        #expect(output.blocks.map(\.text) == ["A paragraph.", code, "Name\tPoints\nAna\t12\t\nBảo\t9"])
    }

    @Test func whitespaceCollapsesMapsAndTrims() throws {
        let stage = try WhitespaceNormalizer(options: .init())
        #expect(try apply(stage, ["  Hà\u{00A0}\u{00A0}Nội\u{200B}  \t có\u{2009}mưa\u{00AD}.  "]) == ["Hà Nội có mưa."])
        #expect(try apply(stage, ["dòng một  \n   \n  dòng hai\u{FEFF}"]) == ["dòng một\ndòng hai"])
        #expect(try apply(stage, ["a", " \u{00A0} ", "b"]) == ["a", "b"])
    }

    @Test func everyNormalizerIsIdempotent() throws {
        let seeds = try ["000_9c02ce070c99dc81", "001_b9de26e5fcced888", "003_e404581200cffbc0"].map {
            try TestSupport.read(TestSupport.seed($0))
        }
        let samples = [document(["  Ðồng  chí\u{00A0}Huye\u{0302}\u{0323}n uỷ \u{200B}", "một\ndòng gãy"])] + seeds
        let stages: [any Transform] = [
            try NFCNormalizer(options: .init()), try WhitespaceNormalizer(options: .init()),
            try UnwrapNormalizer(options: .init()),
        ]
        for stage in stages {
            for sample in samples {
                let once = try TestSupport.run(sample, [stage])
                let twice = try TestSupport.run(once, [stage])
                #expect(once.blocks == twice.blocks, "\(type(of: stage).name) is not idempotent on \(sample.id)")
            }
        }
    }

    @Test func unwrapLeavesTextThatIsNotWrappedAlone() throws {
        let stage = try UnwrapNormalizer(options: .init())
        #expect(try apply(stage, ["Hoa nở\nChim ca"]) == ["Hoa nở\nChim ca"])
    }

    @Test func unwrapRejoinsSeed001IntoTheGoldParagraphs() throws {
        let gold = try TestSupport.gold("001_b9de26e5fcced888")
        let expected = gold["body_paragraphs"] as? [String] ?? []
        #expect(expected.count == 10)
        let read = try TestSupport.read(TestSupport.seed("001_b9de26e5fcced888"))
        let document = try TestSupport.run(read, [
            try NFCNormalizer(options: .init()), try WhitespaceNormalizer(options: .init()),
            try UnwrapNormalizer(options: .init()),
        ])
        #expect(document.blocks.map(\.text) == expected)
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph })
    }

    /// `unwrap` cuts lines at line-feed bytes where that is what splitting by characters gives: empty lines
    /// kept or left out, a combining mark after a line feed, and CR LF (one character, never cut) alike.
    @Test(arguments: ["one\ntwo\n\nthree\n", "\n\nx", "é\n\u{301}a\nb", "a\r\nb\nc", "no break", ""])
    func unwrapLinesAreTheCharacterSplit(text: String) {
        for omitting in [false, true] {
            #expect(UnwrapNormalizer.lines(of: text, omittingEmpty: omitting)
                == text.split(separator: "\n", omittingEmptySubsequences: omitting))
        }
    }
}
