import SieveCore
import Testing
@testable import SieveHTML

@Suite("title extractor")
struct TitleExtractorTests {
    private func title(_ html: String, existing: String? = nil, replace: Bool = false) throws -> String? {
        var document = try readHTML(html)
        document.title = existing
        var options = TitleExtractor.Options()
        options.replace = replace
        _ = try TitleExtractor(options: options).apply(to: &document, context: testContext("title"))
        return document.title
    }

    @Test func openGraphWinsWithoutAMatchingHeading() throws {
        #expect(try title("""
            <head><meta property="og:title" content=" Storm closes schools "><title>Other | Site</title></head><body><h1>H</h1></body>
            """) == "Storm closes schools")
    }

    @Test func visibleHeadlineWinsOverOpenGraphWithSiteSuffix() throws {
        #expect(try title("""
            <head><meta property="og:title" content="Plejaden, M45 - Abenteuer Astronomie">
            <title>Plejaden, M45 - Abenteuer Astronomie</title></head>
            <body><h1>Plejaden, M45</h1><p>Text.</p></body>
            """) == "Plejaden, M45")
    }

    @Test func visibleHeadlineWinsOverAShortenedSocialVariant() throws {
        #expect(try title("""
            <head><meta property="og:title" content="Brexit: Nervenkrieg geht in nächste Runde">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Brexit: Nervenkrieg geht in nächste Runde"}</script></head>
            <body><div class="logo">Zeitung</div><h1>Der Nervenkrieg um den Brexit geht in die nächste Runde</h1><p>Text.</p></body>
            """) == "Der Nervenkrieg um den Brexit geht in die nächste Runde")
    }

    @Test func kickerOrDateBeforeTheHeadlineIsLeftOut() throws {
        #expect(try title("""
            <head><meta property="og:title" content="Cyber-Angriffe: 20 Prozent vom IT-Budget in die Sicherheit - handwerk magazin">
            <meta property="og:site_name" content="handwerk magazin"></head>
            <body><h1><span>Investitionen in IT</span> Cyber-Angriffe: 20 Prozent vom IT-Budget in die Sicherheit</h1></body>
            """) == "Cyber-Angriffe: 20 Prozent vom IT-Budget in die Sicherheit")
    }

    @Test func siteLogoHeadingGivesWayToTheHeadlineSubheading() throws {
        #expect(try title("""
            <head><title>Was ist Virales Marketing? | DimidoBlog</title></head>
            <body><h1>DimidoBlog</h1><h2>Was ist Virales Marketing?</h2><p>Text.</p><h2>Kategorien</h2></body>
            """) == "Was ist Virales Marketing?")
    }

    @Test func siteNamePartIsDroppedFromOpenGraph() throws {
        // Named by og:site_name, or by the host when the page names no site.
        #expect(try title("""
            <head><meta property="og:title" content="Enterprise 2.0 | HR Innovation"><meta property="og:site_name" content="HR Innovation">
            </head><body><p>Text.</p></body>
            """) == "Enterprise 2.0")
        var document = try readHTML("""
            <head><meta property="og:title" content="Burgenland: Best of Ruster Ausbruch - Falstaff"></head><body><p>Text.</p></body>
            """, url: "https://www.falstaff.de/nd/burgenland/")
        _ = try TitleExtractor(options: .init()).apply(to: &document, context: testContext("title"))
        #expect(document.title == "Burgenland: Best of Ruster Ausbruch")
    }

    @Test func openGraphNamingOnlyTheSiteIsSkipped() throws {
        #expect(try title("""
            <head><meta property="og:title" content="ICON Magazine"><meta property="og:site_name" content="ICON Magazine">
            <title>Davor und Danach | ICON Magazine</title></head><body><p>Text.</p></body>
            """) == "Davor und Danach")
    }

    @Test func entitiesEscapedTwiceAreDecoded() throws {
        #expect(try title("""
            <head><meta property="og:title" content="Caisse de solidarit&amp;eacute; - Info&amp;#039;Com &amp;#8222;CGT&amp;#8220;"></head>
            <body><p>Text.</p></body>
            """) == "Caisse de solidarité - Info'Com \u{201E}CGT\u{201C}")
        #expect(EntityText.decoded("Wohngew&#x00E4;chshaus&#x20;selber &amp; AT&T &unknown; &#0;") == "Wohngewächshaus selber & AT&T &unknown; &#0;")
    }

    @Test func titleMinusSiteSuffixMatchingHeading() throws {
        #expect(try title("<head><title>Floods hit the north | Daily News</title></head><body><h1>Floods hit the north</h1></body>")
            == "Floods hit the north")
        #expect(try title("<head><title>Daily News – Floods hit the north</title></head><body><h1>Floods hit the north!</h1></body>")
            == "Floods hit the north")
    }

    @Test func titleKeepsInnerSeparatorsWhenHeadingMatches() throws {
        #expect(try title("<head><title>Covid-19 - what we know - World Times</title></head><body><h1>Covid-19 - what we know</h1></body>")
            == "Covid-19 - what we know")
    }

    @Test func titleWithoutHeadingDropsShorterEnd() throws {
        #expect(try title("<head><title>Prices rise again in the capital :: Herald</title></head><body><p>x</p></body>")
            == "Prices rise again in the capital")
        #expect(try title("<head><title>VnNews · Học sinh tựu trường sớm</title></head><body><p>x</p></body>")
            == "Học sinh tựu trường sớm")
    }

    @Test func firstHeadingWhenNoTitle() throws {
        #expect(try title("<body><h1 hidden>Hidden</h1><div><h1>Visible  <em>head</em></h1></div></body>") == "Visible head")
    }

    @Test func keepsExistingTitleUnlessReplace() throws {
        let html = "<head><title>New</title></head><body><p>x</p></body>"
        #expect(try title(html, existing: "Old") == "Old")
        #expect(try title(html, existing: "Old", replace: true) == "New")
    }

    @Test func plainTextUsesLeadingHeading() throws {
        let extractor = TitleExtractor(options: .init())
        var document = Document(id: "t", source: Source(path: "t.txt", format: "text"),
                                blocks: [Block(.heading, "Headline here", level: 1), Block(.paragraph, "Body.")])
        _ = try extractor.apply(to: &document, context: testContext("title"))
        #expect(document.title == "Headline here")
        var untitled = Document(id: "u", source: Source(path: "u.txt", format: "text"), blocks: [Block(.paragraph, "Body.")])
        _ = try extractor.apply(to: &untitled, context: testContext("title"))
        #expect(untitled.title == nil)
    }
}
