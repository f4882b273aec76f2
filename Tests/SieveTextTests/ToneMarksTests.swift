import SieveCore
import Testing
@testable import SieveText

@Suite struct ToneMarksTests {
    @Test(arguments: [
        ("hoà", "hòa"), ("Thanh Hoá", "Thanh Hóa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Huyện uỷ", "Huyện ủy"),
        ("UỶ BAN", "ỦY BAN"), ("tuỵ", "tụy"), ("HOÀ", "HÒA"),
    ])
    func newStyleFoldsToOldStyle(_ new: String, _ old: String) {
        #expect(ToneMarks.place(new, style: .old) == old)
        #expect(ToneMarks.place(old, style: .new) == new)
    }

    @Test(arguments: ["hoàn", "khoảng", "ngoài", "khuỷu", "quý", "Quỳnh", "quỷ", "thuế", "quyền", "hoặc", "hòa"])
    func closedSyllablesAndQuAreLeftAlone(_ word: String) {
        #expect(ToneMarks.place(word, style: .old) == word)
        if word != "hòa" { #expect(ToneMarks.place(word, style: .new) == word) }
    }

    @Test func theFoldedKeyMatchesBothStyles() {
        #expect(MatchKey.of("Huyện uỷ") == MatchKey.of("Huyện ủy"))
        #expect(MatchKey.of("Phòng GD&ĐT") == MatchKey.of("phòng GDĐT"))
        #expect(MatchKey.of("Văn hoá – Thông tin") == MatchKey.of("văn hóa - thông tin"))
    }

    @Test func theNormalizerAppliesTheChosenStyleAndIsIdempotent() throws {
        var options = ToneMarksNormalizer.Options()
        options.style = .old
        let old = try ToneMarksNormalizer(options: options)
        options.style = .new
        let new = try ToneMarksNormalizer(options: options)
        let keep = try ToneMarksNormalizer(options: .init())
        let document = Document(id: "t", source: Source(path: "t", format: "text"),
                                blocks: [Block(.paragraph, "Phó Bí thư Huyện uỷ, Văn hóa, sức khoẻ")])
        let once = try TestSupport.run(document, [old])
        #expect(once.blocks[0].text == "Phó Bí thư Huyện ủy, Văn hóa, sức khỏe")
        #expect(try TestSupport.run(once, [old]).blocks == once.blocks)
        let newOnce = try TestSupport.run(document, [new])
        #expect(newOnce.blocks[0].text == "Phó Bí thư Huyện uỷ, Văn hoá, sức khoẻ")
        #expect(try TestSupport.run(newOnce, [new]).blocks == newOnce.blocks)
        #expect(try TestSupport.run(document, [keep]).blocks == document.blocks)
    }

    @Test func anUnknownStyleIsRejectedWithTheChoices() throws {
        let registry = StageRegistry().with(ToneMarksNormalizer.self)
        #expect { try registry.makeTransform(StageSpec(name: "tone-marks", options: ["style": "nwe"])) } throws: { error in
            "\(error)" == "--stage: option 'style' of stage 'tone-marks' expects one of keep, old, new, got 'nwe' (did you mean 'new'?)"
        }
        #expect(try registry.makeTransform(StageSpec(name: "tone-marks", options: ["style": "OLD"])) is ToneMarksNormalizer)
    }
}
