import Foundation
import SieveCore
import Testing
@testable import SieveText

/// Valid UTF-8 text must come out of the text reader exactly as it went in, whatever its language: the
/// mojibake repair may only touch text that is provably mis-decoded Vietnamese. The sentences come from
/// the pages of the evaluation sets (news, blogs and forums in these languages) and the seeds.
@Suite struct ValidTextIsKeptTests {
    static let sentences = [
        // German (the case of the bug report, then a long one with many umlauts and ß)
        "Die Bürger sind völlig überrascht",
        "Ähnlich diskret, wenn auch aus ganz anderen Gründen, verhält sich die französische Regierung. Weder der Élysée noch "
            + "Außenminister Jean-Yves Le Drian, noch Europaministerin Amélie de Montchalin wollen sich zur einseitigen deutschen "
            + "Grenzpolitik äußern. Die Bürger sind völlig überrascht, für Übergänge gibt es keine Lösung, schöne Grüße aus München.",
        // English with typographic quotes and a pound sign
        "“It’s not over,” she said — the £5 fee, the café’s menu and the naïve résumé were all “fine”.",
        // French
        "Anticor a porté plainte pour « prise illégale d’intérêt », « corruption passive » et « trafic d’influence ». Début juin "
            + "2018, le parquet national financier (PNF) a ouvert une enquête à l’encontre du secrétaire général de l’Élysée.",
        // Spanish
        "Las carreras que están solicitando son Educación, física y rehabilitación, Tecnología médica, Terapia ocupacional e "
            + "Intérprete de lengua de señas peruana y hay hasta 60 vacantes disponibles con sueldo de hasta 3.300 soles.",
        // Portuguese
        "Isso é muito importante, porque a aquisição da fluência em leitura levará as crianças à compreensão de textos. É por "
            + "isso que aqui você vai também encontrar materiais voltados à compreensão de leitura.",
        // Polish
        "Zaniechanie i niedokonanie określają styl bycia (polskiej?) klasy średniej, resztę można zajeść czekoladą albo zagadać "
            + "rozmową z żółwiem.",
        // Finnish
        "Vähenevä lumipeite lisää synkeyttä. Kun maassa ei ole lunta, maa heijastaa vähemmän auringonvaloa. Lisääntyvän "
            + "pilvisyyden ja lumen puutteen vuoksi säteily voi talvikuukausina vähentyä useita prosentteja.",
        // Danish, Hungarian, Lithuanian, Albanian, Turkish
        "Du kan få 24 timers digital adgang for 25 kr. eller fuldt digitalt abonnement for 279 kr. pr. måned. Særtilbud: Få "
            + "første måned for kun 49 kr.",
        "Persze ingyen semmit sem adnak, mindenért meg kell dolgozni, és fel kell készülni a sorsdöntő időkre: azaz addig is "
            + "az a feladatunk, hogy sikeres és erős Magyarországot építsünk.",
        "Ši emisija pradėta platinti vasario 10 dieną, jos papildymo aukcione rugsėjo 21 dieną obligacijų parduota už 20 mln. eurų.",
        "Dy persona janë arrestuar në Pejë nën dyshime se kanë kryer veprimtari të paligjshme, duke organizuar lojëra fati.",
        "Türkiye’de öğrencilerin çoğu üniversite sınavına hazırlanırken şöyle düşünüyor: çalışmak güzeldir, ölçülü olmak gerekir.",
        // Icelandic and Czech (Latin-1 letters Vietnamese never uses: ð þ æ ø; ř ů)
        "Það er þægilegt að ferðast á Íslandi þegar veðrið er gott og vegirnir eru færir öllum bílum.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ředitel školy v Českých Budějovicích.",
        // Vietnamese (seed 000)
        "LĐLĐ và Phòng GDĐT huyện Thanh Trì phối hợp tổ chức Tổng kết năm học và hoạt động công tác công đoàn khối giáo dục "
            + "năm học 2023-2024.",
        // Russian, Persian, Armenian, Hindi
        "Следователи объявили правонарушителю о подозрении в совершении преступления, предусмотренного Уголовным кодексом.",
        "سرهنگ سید محمد طاهر موسوی فرمانده انتظامی شهرستان میبد گفت: در پی اخبار مردمی مبنی بر خرید و فروش برخی ضایعات.",
        "Նախորդ օրն արձանագրվել է մահվան 1 դեպք, երբ պացիենտի մոտ հաստատվել է կորոնավիրուսային վարակ։",
        "आप की जिला उपाध्यक्ष ने कहा कि अधिकारी बिजली के मामले में ईमानदार उपभोक्ताओं के साथ ज्यादती कर रहे हैं।",
        // Chinese, Japanese, Korean
        "北京时间今天上午，国家主席在人民大会堂会见了来访的外国领导人，双方就经贸合作交换了意见。",
        "通常、権利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。",
        "서울시는 오늘 새로운 교통 정책을 발표했으며 시민들의 의견을 듣기 위해 공청회를 열 예정이다.",
        // Signs that look like the start of UTF-8 mojibake but are ordinary text
        "Preis: 5 € — Temperatur 20 °C, Anteil ½, Copyright © 2024 « Zitat » ± 3 µm, Größe ¾ Zoll.",
    ]

    @Test(arguments: sentences)
    func aFileInAnyLanguageIsReadUnchanged(_ sentence: String) throws {
        let document = try TestSupport.read(Array(sentence.utf8))
        #expect(document.blocks.map(\.text) == [sentence])
        #expect(document.diagnostics.isEmpty)
    }

    @Test(arguments: sentences)
    func aJSONLinesTextInAnyLanguageIsReadUnchanged(_ sentence: String) throws {
        let document = try TestSupport.read(Array(sentence.utf8), declaredCharset: "utf-8")
        #expect(document.blocks.map(\.text) == [sentence])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func aWholeGermanArticleIsReadUnchanged() throws {
        let article = Array(repeating: Self.sentences[1], count: 20).joined(separator: "\n\n")
        let document = try TestSupport.read(article)
        #expect(document.blocks.map(\.text).joined(separator: "\n\n") == article)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func germanWordsReadThroughAVietnameseCharsetAreNotVietnamese() {
        #expect(!VietnameseSyllables.tally("Die Bỹrger sind vửllig ỹberrascht, fỹr Ỹbergọnge").readsAsVietnamese())
        #expect(VietnameseSyllables.tally("Huyện ủy Thanh Trì tổ chức hội nghị tổng kết năm học, giáo viên giỏi").readsAsVietnamese())
        #expect(VietnameseSyllables.isSyllable(Array("nghiêng".unicodeScalars)))
        #expect(VietnameseSyllables.isSyllable(Array("Gì".unicodeScalars)))
        #expect(!VietnameseSyllables.isSyllable(Array("président".unicodeScalars)))
    }
}
