import Logging
import SieveCore
import Testing
@testable import SieveLanguage

/// The language stage on documents as the readers make them: plain text without any language, and pages
/// whose `<html lang>` is right, wrong or missing.
@Suite struct LanguageStageTests {
    private func run(_ texts: [String], declared: String? = nil, url: String? = nil) throws -> Document {
        var document = Document(id: "doc", source: Source(path: "doc.txt", format: "text"))
        document.blocks = texts.map { Block(.paragraph, $0) }
        document.language = declared
        document.url = url
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

    @Test func codeBlocksAreNotRead() {
        var document = Document(id: "doc", source: Source(path: "doc.html", format: "html"))
        document.title = "Titel"
        document.blocks = [Block(.code, "let x = 1"), Block(.paragraph, "Absatz")]
        #expect(LanguageStage.sample(of: document) == "Titel\nAbsatz")
    }

    @Test(arguments: [
        ("https://vnexpress.net.vn/tin-tuc", "vn"), ("http://www.spiegel.de:8080/a?b", "de"), ("https://example.com/x", nil),
        ("not a url", nil),
    ] as [(String, String?)])
    func theCountryDomainComesFromTheHost(_ url: String, _ domain: String?) {
        #expect(LanguageStage.countryDomain(url) == domain)
    }

    @Test(arguments: [("zh-Hant", "zh"), ("iw", "he"), ("un", nil), ("xx-Copt", nil), ("de", "de"), ("haw", "haw")] as [(String, String?)])
    func detectorCodesBecomePrimarySubtags(_ code: String, _ subtag: String?) {
        #expect(LanguageDetector.primarySubtag(code) == subtag)
    }
}
