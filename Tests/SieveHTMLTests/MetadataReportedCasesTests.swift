import SieveCore
import Testing
@testable import SieveHTML

/// Page shapes whose title, authors or date peer tools (htmldate, newspaper, Readability, unfluff) were reported
/// to get wrong, each written as a small page of our own.
@Suite("metadata extractor on reported page shapes")
struct MetadataReportedCasesTests {
    private func metadata(_ html: String, url: String? = nil) throws -> Document {
        var document = try readHTML(html, url: url)
        _ = try MetadataExtractor(options: .init()).apply(to: &document, context: testContext("metadata"))
        return document
    }

    private static let body = "<p>The regional council approved the harbour plan after a long debate, with several amendments.</p>"

    @Test func dottedDatesAreDayFirstOnEnglishPages() throws {
        // Month first is American usage with slashes; 03.05.2021 is 3 May wherever it is written.
        #expect(DateParser.text("03.05.2021", monthDayFirst: true)?.iso == "2021-05-03")
        #expect(DateParser.text("03/05/2021", monthDayFirst: true)?.iso == "2021-03-05")
        let page = try metadata("<html lang='en'><body><p class='meta'>03.05.2021, 14:12</p>\(Self.body)</body></html>")
        #expect(page.published?.hasPrefix("2021-05-03") == true)
    }

    @Test func commentDatesDoNotDateTheArticle() throws {
        // unfluff issue 93: the first reader comment's date was taken for the article's.
        let comments = (8...9).map {
            "<li class='comment'><time datetime='2018-08-2\($0)T10:00:00Z'>Aug 2\($0), 2018</time><p>A fine idea, reader \($0) wrote.</p></li>"
        }.joined()
        let document = try metadata("""
            <html lang="en"><body><div class="post"><h1>Harbour plan approved</h1>
            <div class="meta">Monday August 27, 2018 10:05 am by Julia Clove</div>\(Self.body)</div>
            <section id="comments"><h2>Top comments</h2><ol>\(comments)</ol></section></body></html>
            """)
        #expect(document.published?.hasPrefix("2018-08-27") == true)
    }

    @Test func datesOfTheReviewProcessGiveWayToTheDeclaredDate() throws {
        // newspaper issue 967: "Accepted: 16 December 2022" in the text beside dc.date 2023-01-02.
        let document = try metadata("""
            <html lang="en"><head><meta name="dc.date" content="2023-01-02"></head><body><h1>Harbour noise and sleep</h1>
            <p>Received: 3 October 2022 Accepted: 16 December 2022 Published: 2 January 2023</p>\(Self.body)</body></html>
            """)
        #expect(document.published == "2023-01-02")
    }

    @Test func publishedDateShownBesideALaterUpdate() throws {
        // htmldate issue 119 and a French page: the page shows both, the metadata only the update.
        let english = try metadata("""
            <html lang="en"><head><meta property="article:modified_time" content="2023-11-20T08:00:00+00:00"></head><body>
            <article><h1>Harbour plan approved</h1><p class="post-meta">Published on March 3, 2021 · Last updated on November 20, 2023</p>
            \(Self.body)</article></body></html>
            """)
        #expect(english.published?.hasPrefix("2021-03-03") == true)
        let french = try metadata("""
            <html lang="fr"><body><article><h1>Le port adopte son plan</h1>
            <div class="dates">publié le 27 août 2024 à 20h18 (mis à jour le 30 août 2024 à 12h40)</div>
            <p>Le conseil régional a fini par adopter le plan du port après un long débat.</p></article></body></html>
            """)
        #expect(french.published?.hasPrefix("2024-08-27") == true)
    }

    @Test func abbreviatedMonthWithAPeriodInABylineTime() throws {
        let document = try metadata("""
            <html lang="en"><body><article><h1>Harbour plan approved</h1><div class="byline">By Sam Reed <time>Sept. 12, 2023</time></div>
            \(Self.body)</article></body></html>
            """)
        #expect(document.published?.hasPrefix("2023-09-12") == true)
        #expect(document.authors == ["Sam Reed"])
    }

    @Test func caseNumbersAndPhoneNumbersAreNoDates() throws {
        // htmldate issue 8: legal references and phone numbers were sent to the date parser.
        let document = try metadata("""
            <html lang="de"><body><article><h1>Beratung zum Hafenplan</h1>
            <p>Das Landgericht verwies auf das Urteil Az. 12 O 345/19 und auf § 823 BGB, ohne selbst zu entscheiden.</p>
            <p>Fragen beantwortet das Bürgerbüro unter Telefon 0171 2345678 von Montag bis Freitag.</p></article></body></html>
            """)
        #expect(document.published == nil)
    }

    @Test func avatarLinkBeforeTheNamedAuthorLink() throws {
        // Just Read issue 323: the first rel="author" link holds only the author's picture.
        let document = try metadata("""
            <html lang="en"><body><article><h1>Harbour plan approved</h1><div class="byline"><a rel="author" href="/author/gf">
            <img src="/gf.jpg" alt=""></a> By <a rel="author" href="/author/gf">Glen Fisher</a></div>\(Self.body)</article></body></html>
            """)
        #expect(document.authors == ["Glen Fisher"])
    }

    @Test func twoRelAuthorLinksGiveTwoAuthors() throws {
        // Readability issue 161: the second author link was ignored.
        let document = try metadata("""
            <html lang="en"><body><article><h1>Harbour plan approved</h1><span class="authors"><span class="author">By:
            <a href="/p/dc" rel="author"><span>David Carn</span></a></span><span class="author"><span class="separator">,</span>
            <a href="/p/sg" rel="author"><span>Steve Gutten</span></a></span></span>\(Self.body)</article></body></html>
            """)
        #expect(document.authors == ["David Carn", "Steve Gutten"])
    }

    @Test func emailTheAuthorLinkIsNoName() throws {
        // newspaper issue 158: "Email The Author" and the address came out as two more authors.
        let document = try metadata("""
            <html lang="en"><body><article><h1>Harbour plan approved</h1><div class="byline">By <a rel="author" href="/staff/cd">Clara Dale</a>
            | <a href="mailto:cdale@herald.example">Email the author</a></div>\(Self.body)</article></body></html>
            """)
        #expect(document.authors == ["Clara Dale"])
    }

    @Test func entitiesInsideJSONLDValuesAreDecoded() throws {
        // WordPress plugins write HTML entities into JSON-LD strings.
        let document = try metadata("""
            <html lang="en"><head><title>Here&#8217;s why dockers worry &#8211; Harbour Herald</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Here&#8217;s why dockers worry",
            "datePublished":"2024-02-01T10:00:00+00:00","author":{"@type":"Person","name":"Ren&eacute;e O&#039;Brien"}}</script>
            </head><body><article><h1>Here’s why dockers worry</h1><p>By Renée O'Brien</p>\(Self.body)</article></body></html>
            """)
        #expect(document.title == "Here\u{2019}s why dockers worry")
        #expect(document.authors == ["Ren\u{E9}e O'Brien"])
    }

    @Test func colonInsideTheHeadlineIsNoSiteSeparator() throws {
        // Readability issues 400 and 295: the title was cut at a colon, keeping only what came after it.
        let document = try metadata("""
            <html lang="en"><head><title>Harbour works will go ahead, more if needed: Port Chief Anna Berg</title></head>
            <body><article><h1>Harbour works will go ahead, more if needed: Port Chief</h1>\(Self.body)</article></body></html>
            """)
        #expect(document.title == "Harbour works will go ahead, more if needed: Port Chief")
        let acronym = try metadata("""
            <html lang="en"><head><title>ARM : why the new chips matter for small servers</title></head>
            <body><article><h2>ARM : why the new chips matter for small servers</h2>\(Self.body)</article></body></html>
            """)
        #expect(acronym.title == "ARM : why the new chips matter for small servers")
    }
    @Test func jsonLDPersonGivenOnlyByNameParts() throws {
        // trafilatura issue 362: schema.org Person with givenName and familyName but no name.
        let document = try metadata("""
            <html lang="en"><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour plan approved",
            "author":{"@type":"Person","givenName":"Anna","familyName":"Berg"}}</script></head><body><article>
            <h1>Harbour plan approved</h1>\(Self.body)<p>Anna Berg covers the harbour and the council.</p></article></body></html>
            """)
        #expect(document.authors == ["Anna Berg"])
    }
    @Test func pictureCreditAfterTheWriterIsNoAuthor() throws {
        // trafilatura issue 92: credit lines name the photographer beside the writer.
        let document = try metadata("""
            <html lang="de"><body><article><h1>Hafenplan beschlossen</h1><p class="credits">Text: Anna Weber, Fotos: Tom Li</p>
            <p>Der Regionalrat hat den Hafenplan nach langer Debatte mit mehreren Änderungen beschlossen.</p></article></body></html>
            """)
        #expect(document.authors == ["Anna Weber"])
    }
}
