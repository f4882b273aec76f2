import Logging
import SieveCore
import Testing
@testable import SieveLanguage

/// The language stage on documents as the readers make them: plain text without any language, and pages
/// whose `<html lang>` is right, wrong or missing.
@Suite struct LanguageStageTests {
    private func run(_ texts: [String], declared: String? = nil) throws -> Document {
        var document = Document(id: "doc", source: Source(path: "doc.txt", format: "text"))
        document.blocks = texts.map { Block(.paragraph, $0) }
        document.language = declared
        let stage = LanguageStage(options: NoOptions())
        _ = try stage.apply(to: &document, context: StageContext(stageName: LanguageStage.name, logger: Logger(label: "test")))
        return document
    }

    @Test(arguments: [
        ("de", "Ähnlich diskret, wenn auch aus ganz anderen Gründen, verhält sich die französische Regierung. Weder der Élysée noch Außenminister Jean-Yves Le Drian wollen sich zur einseitigen deutschen Grenzpolitik äußern."),
        ("en", "The city council voted on Tuesday to extend the bus line to the new hospital, a project residents have asked for since 2019."),
        ("fr", "Anticor a porté plainte pour prise illégale d’intérêt. Début juin 2018, le parquet national financier a ouvert une enquête à l’encontre du secrétaire général de l’Élysée."),
        ("vi", "Ngày 23/8, UBND – Liên đoàn lao động huyện Thanh Trì tổ chức tổng kết nhiệm vụ năm học 2023-2024 và hoạt động Công đoàn; triển khai phương hướng, nhiệm vụ trọng tâm năm học 2024 – 2025."),
        ("zh", "北京时间今天上午，国家主席在人民大会堂会见了来访的外国领导人，双方就经贸合作交换了意见，并表示将继续加强两国在各领域的交流。"),
        ("ja", "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。しかし、改造を加えて販売した場合は侵害と判断される場合があります。"),
        ("ru", "Следователи объявили правонарушителю о подозрении в совершении преступления, предусмотренного Уголовным кодексом Украины."),
        ("ko", "서울시는 오늘 새로운 교통 정책을 발표했으며 시민들의 의견을 듣기 위해 다음 주에 공청회를 열 예정이라고 밝혔다."),
    ])
    func plainTextWithoutADeclarationGetsItsLanguage(_ language: String, _ text: String) throws {
        let document = try run([text])
        #expect(document.language == language)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aWrongDeclarationLosesToTheTextWithANote() throws {
        let document = try run(["Die Bürger sind völlig überrascht, sagte der Bürgermeister am Montag in München vor Journalisten, und die Stadt will nun schnell handeln."],
                               declared: "en")
        #expect(document.language == "de")
        #expect(document.diagnostics.map(\.message) == ["the document declares 'en' but its text reads as 'de' (99%); using 'de'"])
    }

    @Test func aRegionalDeclarationThatAgreesIsKeptAsItsPrimaryTag() throws {
        let document = try run(["Der Nationalrat hat am Mittwoch das Budget für das kommende Jahr beschlossen, die Opposition stimmte dagegen."],
                               declared: "de")
        #expect(document.language == "de")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func tooLittleTextKeepsTheDeclarationAndOtherwiseTakesTheBestGuess() throws {
        #expect(try run(["OK"], declared: "vi").language == "vi")
        #expect(try run(["Guten Morgen"]).language != nil)
        #expect(try run(["12:30 – 2024"]).language == nil)
    }

    @Test func traditionalChineseDeclaredAsChineseStaysChinese() throws {
        let text = "日本產經新聞報導，日本電子產品製造商索尼與記憶體製造商，已經向美國華府申請繼續為大陸電訊設備生產商華為提供設備，暫時未知申請是否獲批。索尼發言人表示，公司一向遵守所有法規，不評論與個別客戶的業務往來。"
        let document = try run([text], declared: "zh")
        #expect(document.language == "zh")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aShortNoticeInAnotherLanguageDoesNotOverruleTheDeclaration() throws {
        let document = try run(["No live streaming currently available"], declared: "sr")
        #expect(document.language == "sr")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aPageWhoseDeclaredLanguageHoldsAGoodShareOfTheTextKeepsIt() throws {
        // Server warnings in English above a German article: the top of the text is English.
        let warnings = Array(repeating: "Strict Standards: Only variables should be passed by reference in /www/htdocs/wp-includes/wp-db.php on line 785",
                             count: 40)
        let article = Array(repeating: "Seit wir uns vor zehn Jahren kennen gelernt haben, begleiten mich Deine Gedanken und Worte. Du hast mich damals, als ich kaum Kraft mehr aufbringen konnte, immer wieder aufgerichtet.",
                            count: 6)
        let document = try run(warnings + article, declared: "de")
        #expect(document.language == "de")
        #expect(try run(warnings + article).language == "en")
    }

    @Test func aLongDocumentIsSampledAtItsStartAndItsEnd() {
        var document = Document(id: "doc", source: Source(path: "doc.txt", format: "text"))
        document.title = "Anfang"
        document.blocks = (0..<400).map { Block(.paragraph, "Absatz \($0) mit etwas Text darin.") }
        let sample = LanguageStage.sample(of: document)
        #expect(sample.utf8.count <= LanguageDetector.sampleLimit + 2)
        #expect(sample.hasPrefix("Anfang\nAbsatz 0 "))
        #expect(sample.hasSuffix("Absatz 399 mit etwas Text darin.\n"))
        #expect(!sample.contains("Absatz 200 "))
    }

    @Test(arguments: [0x01, 0x0B, 0x1B, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x1FFFF] as [UInt32])
    func aControlCharacterOrNoncharacterDoesNotHideTheLanguage(_ value: UInt32) throws {
        let odd = try #require(Unicode.Scalar(value))
        let document = try run(["Die Bürger sind völlig überrascht\(Character(odd)), sagte der Bürgermeister am Montag in München vor Journalisten."])
        #expect(document.language == "de")
    }

    @Test func onlyRefusedCharactersAreReplacedForTheDetector() {
        let kept = "a\u{FFFD}b\u{FFEF}c\u{FDCF}d\u{FDF0}e\u{FF01}f\u{A0}g\u{1F600}"
        #expect(LanguageDetector.interchangeable(kept) == kept)
        // Swift literals refuse noncharacters, so the refused text is built from scalars.
        let refused = [0x61, 0xFDD0, 0x62, 0xFDEF, 0x63, 0xFFFE, 0x64, 0xFFFF, 0x65, 0x9F, 0x66, 0x1FFFF]
            .compactMap(Unicode.Scalar.init).map(String.init).joined()
        #expect(LanguageDetector.interchangeable(refused) == "a b c d e f ")
    }

    @Test func codeBlocksAreNotRead() {
        var document = Document(id: "doc", source: Source(path: "doc.html", format: "html"))
        document.title = "Titel"
        document.blocks = [Block(.code, "let x = 1"), Block(.paragraph, "Absatz")]
        #expect(LanguageStage.sample(of: document) == "Titel\nAbsatz")
    }

    @Test(arguments: [("zh-Hant", "zh"), ("iw", "he"), ("un", nil), ("xx-Copt", nil), ("de", "de"), ("haw", "haw")] as [(String, String?)])
    func detectorCodesBecomePrimarySubtags(_ code: String, _ subtag: String?) {
        #expect(LanguageDetector.primarySubtag(code) == subtag)
    }
}
