import SieveCore
import Testing
@testable import SieveHTML

@Suite("metadata extractor")
struct MetadataTests {
    private func metadata(_ html: String, url: String? = nil) throws -> Document {
        try metadata(Array(html.utf8), url: url)
    }

    private func metadata(_ bytes: [UInt8], url: String? = nil) throws -> Document {
        var document = try readHTML(bytes, url: url)
        _ = try MetadataExtractor(options: .init()).apply(to: &document, context: testContext("metadata"))
        return document
    }

    @Test func jsonLDGraphWithArrays() throws {
        let document = try metadata("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Daily Example"},
              {"@type": ["NewsArticle"], "headline": "Bridge approved", "datePublished": "2024-08-23T09:15:00+07:00",
               "dateModified": "2024-08-24T10:00:00+07:00",
               "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Daily Example"}, "John Roe"],
               "publisher": {"@type": "Organization", "name": "Daily Example"},
               "image": [{"@type": "ImageObject", "url": "https://example.com/a.jpg"}], "keywords": "bridges, city council",
               "description": "The council said yes."}
            ]}</script></head><body><p>By Jane Doe and John Roe</p><p>Body text.</p></body></html>
            """)
        #expect(document.title == "Bridge approved")
        #expect(document.published == "2024-08-23T09:15:00+07:00")
        #expect(document.modified == "2024-08-24T10:00:00+07:00")
        #expect(document.authors == ["Jane Doe", "John Roe"])
        #expect(document.site == "Daily Example")
        #expect(document.image == "https://example.com/a.jpg")
        #expect(document.tags == ["bridges", "city council"])
        #expect(document.description == "The council said yes.")
    }

    @Test func webPageNameDoesNotBeatTheArticleTitle() throws {
        let document = try metadata("""
            <html><head><title>Storm closes schools – Daily News</title><script type="application/ld+json">
            {"@graph": [{"@type": "WebPage", "name": "Storm closes schools – Daily News"}]}</script></head>
            <body><p>Body text.</p></body></html>
            """)
        #expect(document.title == "Storm closes schools")
    }

    @Test func jsonLDInsideCDATAOrCommentGuards() throws {
        for (open, close) in [("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("/*<![CDATA[*/", "/*]]>*/"), ("<!--", "-->")] {
            let document = try metadata("""
                <html><head><script type="application/ld+json">\(open)
                {"@type": "NewsArticle", "headline": "Bridge approved", "datePublished": "2024-08-23",
                 "author": {"@type": "Person", "name": "Jane Doe"}}
                \(close)</script></head><body><p>By Jane Doe</p><p>Body text.</p></body></html>
                """)
            #expect(document.published == "2024-08-23", "guard \(open)")
            #expect(document.authors == ["Jane Doe"], "guard \(open)")
            #expect(!document.diagnostics.contains { $0.message.contains("not valid JSON") }, "guard \(open)")
        }
    }

    @Test func jsonLDAuthorGivenAsAReferenceInTheGraph() throws {
        let document = try metadata("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "Article", "headline": "Lounge closes", "author": {"@id": "https://example.com/#/schema/person/2b55"},
               "publisher": {"@id": "https://example.com/#organization"}},
              {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Zugblog"},
              {"@type": "Person", "@id": "https://example.com/#/schema/person/2b55", "name": "David"}
            ]}</script></head><body><p>Von David</p><p>Body text.</p></body></html>
            """)
        #expect(document.authors == ["David"])
        #expect(document.site == "Zugblog")
    }

    @Test func openGraphAndArticleProperties() throws {
        let document = try metadata("""
            <html lang="en"><head><title>Bridge approved | Daily Example</title>
            <meta property="og:title" content="Bridge approved"><meta property="og:site_name" content="Daily Example">
            <meta property="article:published_time" content="2019-11-18T10:05:00Z">
            <meta property="article:modified_time" content="2019-11-19T08:00:00-05:00">
            <meta property="og:image" content="https://example.com/b.jpg"><meta property="og:url" content="https://example.com/bridge">
            <meta property="article:tag" content="Bridges"><meta property="article:tag" content="Council">
            <meta name="author" content="By Jane Doe and John Roe"><meta name="description" content="Short summary."></head>
            <body><p>Text by Jane Doe and John Roe.</p></body></html>
            """)
        #expect(document.title == "Bridge approved")
        #expect(document.published == "2019-11-18T10:05:00+00:00")
        #expect(document.modified == "2019-11-19T08:00:00-05:00")
        #expect(document.site == "Daily Example")
        #expect(document.url == "https://example.com/bridge")
        #expect(document.tags == ["Bridges", "Council"])
        #expect(document.authors == ["Jane Doe", "John Roe"])
        #expect(document.description == "Short summary.")
        #expect(document.language == "en")
    }

    @Test func brokenJSONLDFallsBackToMeta() throws {
        let document = try metadata("""
            <head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-01",</script>
            <meta property="article:published_time" content="2020-02-03"></head><body><p>x</p></body>
            """)
        #expect(document.published == "2020-02-03")
        #expect(document.diagnostics.contains { $0.stage == "metadata" && $0.message.contains("JSON-LD") })
    }

    @Test func conflictingDatesFollowTheSourceOrder() throws {
        let document = try metadata("""
            <head><script type="application/ld+json">{"@type": "Article", "datePublished": "2021-03-04", "dateModified": "2021-03-01"}</script>
            <meta property="article:published_time" content="2021-05-06"></head>
            <body><time datetime="2021-07-08">8 July</time><p>Posted 9 September 2021</p></body>
            """, url: "https://example.com/2021/10/11/story")
        #expect(document.published == "2021-03-04")
        // A modification before the publication is the page's mistake: dropped, not swapped.
        #expect(document.modified == nil)
    }

    @Test func datesFromTimeElementURLAndText() throws {
        #expect(try metadata("<body><time class='published' datetime='2018-06-27T09:54'>27.06.2018</time><p>x</p></body>").published == "2018-06-27")
        #expect(try metadata("<body><p>No date here.</p></body>", url: "https://example.com/news/2017/10/06/story.html").published == "2017-10-06")
        #expect(try metadata("<body><span class='date'>Posted on November 18, 2019 at 10:05 pm</span><p>x</p></body>").published == "2019-11-18")
        #expect(try metadata("<body><p>Berlin, 18. November 2019 – Text.</p></body>").published == "2019-11-18")
    }

    @Test func vietnameseDateFormats() throws {
        let withZone = try metadata("<html lang='vi'><body><span class='date'>Thứ hai, 23/8/2024, 09:15 (GMT+7)</span><p>Nội dung.</p></body></html>")
        #expect(withZone.published == "2024-08-23T09:15:00+07:00")
        let timeFirst = try metadata("<html lang='vi'><body><div class='time'>21:22 23/08/2023</div><p>Nội dung.</p></body></html>")
        #expect(timeFirst.published == "2023-08-23T21:22:00+07:00")
        let written = try metadata("<html lang='vi'><body><p>Hà Nội, ngày 5 tháng 9 năm 2023</p></body></html>")
        #expect(written.published == "2023-09-05")
    }

    @Test func datesInProseOrTeaserListsAreNotPublicationDates() throws {
        let prose = "Phụ huynh cần cài đặt ứng dụng trước ngày 15/9/2024 theo hướng dẫn của nhà trường và của phòng giáo dục huyện."
        let document = try metadata("""
            <html lang="vi"><body><p>\(prose)</p>
            <ul><li><a href="/a">Khai giảng năm học mới</a> <span class="time">(25/08/2024)</span></li></ul></body></html>
            """)
        #expect(document.published == nil)
    }

    @Test func datelinesOpeningAParagraphOrInAFactList() throws {
        let long = "27.1.2022 - Bei der Erinnerung an die Verfolgten wurde lange übersehen, dass auch viele andere Gruppen betroffen waren, sagte sie am Donnerstag."
        #expect(try metadata("<body><p>\(long)</p></body>").published == "2022-01-27")
        #expect(try metadata("<body><ul class='info'><li><span>Datum:</span>26. Januar 2022</li></ul><p>Text.</p></body>").published == "2022-01-26")
    }

    @Test func dateOnlyValueTakesTheTimeOfTheSameDay() throws {
        let document = try metadata("""
            <html lang="vi"><head><meta name="pubdate" content="2024-08-23"></head>
            <body><div class="date">Thứ sáu, 23/8/2024, 15:30 (GMT+7)</div><p>Nội dung.</p></body></html>
            """)
        #expect(document.published == "2024-08-23T15:30:00+07:00")
    }

    @Test func utcTimestampOneDayOffTheShownDateGivesWay() throws {
        let document = try metadata("""
            <head><meta property="article:published_time" content="2023-11-01T23:01:00Z"></head>
            <body><span class="date">02.11.2023</span><p>Testo.</p></body>
            """)
        #expect(document.published == "2023-11-02")
        #expect(DateValue(year: 2000, month: 1, day: 1)?.dayOrdinal == 10_957)
        #expect(DateValue(year: 2024, month: 3, day: 1)!.dayOrdinal - DateValue(year: 2024, month: 2, day: 28)!.dayOrdinal == 2)
    }

    @Test func utcTimestampWrittenInLocalTimeElsewhereTakesTheLocalDay() throws {
        // The same moment with its offset in another tag.
        let withOffset = try metadata("""
            <head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}</script>
            <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200"></head><body><p>Text.</p></body>
            """)
        #expect(withOffset.published == "2019-10-19T00:04:00+02:00")
        // The same clock minute six hours earlier, without an offset: the offset is inferred.
        let withoutOffset = try metadata("""
            <head><meta property="article:published_time" content="2023-11-09T05:30:59+00:00"></head>
            <body><div class="time">Published: <time datetime="2023-11-08 23:30:59">November 8, 2023</time></div><p>x</p></body>
            """)
        #expect(withoutOffset.published == "2023-11-08T23:30:59-06:00")
        // Another minute on the previous day is another moment: the UTC value stays.
        let unrelated = try metadata("""
            <head><meta property="article:published_time" content="2023-11-09T05:30:00+00:00"></head>
            <body><time datetime="2023-11-08 21:10:00">November 8</time><p>x</p></body>
            """)
        #expect(unrelated.published == "2023-11-09T05:30:00+00:00")
    }

    @Test func utcTimestampOneDayOffTheAddressDateGivesWay() throws {
        let document = try metadata("""
            <head><meta property="article:published_time" content="2018-12-31T23:11:59+00:00">
            <link rel="canonical" href="https://blog.example.org/2019/01/01/new-year/"></head><body><p>Text.</p></body>
            """)
        #expect(document.published == "2019-01-01")
        #expect(PublicationDates.localRendering(of: DateValue(year: 2020, month: 1, day: 1, hour: 23, offsetMinutes: 0)!,
                                                DateValue(year: 2020, month: 1, day: 2, hour: 1, offsetMinutes: 0)!) == nil)
    }

    @Test func genericDateMetaGivesWayToTheFirstTimeElement() throws {
        // `<meta name="date">` without a word saying "published" is often the day the CMS last saved the page.
        for (meta, expected) in [("<meta name=\"date\" content=\"2020-04-30\">", "2020-04-29"),
                                 ("<meta name=\"dcterms.date\" content=\"2020-04-30T09:43+01:00\">", "2020-04-29"),
                                 ("<meta property=\"article:published_time\" content=\"2020-04-30\">", "2020-04-30")] {
            let document = try metadata("""
                <html><head>\(meta)</head><body><article><h1>Mietenstreik</h1><time>29.04.2020, 12:01 Uhr</time>
                <p>Der Artikel beginnt hier mit einem Satz.</p></article></body></html>
                """)
            #expect(document.published?.prefix(10) == expected[...], "\(meta)")
        }
    }

    @Test func dateTheTextLabelsAsPublished() throws {
        for (head, html, expected) in [
            // The label in one element, the date in the next; the change date after it is not the publication.
            ("<meta name=\"date\" content=\"2021-10-15\">", "<span>Erschienen am:</span><h2>13.10.2021</h2><h4>Zuletzt geändert am:</h4><ul><li>15.10.2021</li></ul>", "2021-10-13"),
            // The date in a link after the label; no other date on the page.
            ("", "<p>Veröffentlichung: <a href=\"/music/\">04.02.2022</a></p>", "2022-02-04"),
            ("", "<div>Published on March 3, 2020</div>", "2020-03-03"),
        ] {
            let document = try metadata("""
                <html><head>\(head)</head><body><h1>Titel</h1>\(html)<p>Der Artikel beginnt hier mit einem Satz.</p></body></html>
                """)
            #expect(document.published?.prefix(10) == expected[...], "\(html)")
        }
        // A labelled date in the footer is the site's, not the article's.
        let footer = try metadata("""
            <html><body><h1>Titel</h1><p>Der Artikel beginnt hier.</p><footer><div>Impressum</div>
            <span>Veröffentlicht am 01.02.2021</span></footer></body></html>
            """)
        #expect(footer.published == nil)
    }

    @Test func webPageDateThePageNeverShowsIsNoPublicationDate() throws {
        // Yoast dates every WordPress page in a JSON-LD WebPage; a static page shows no date, and has none.
        let graph = """
            <script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": "2019-11-14T13:51:06+00:00",
            "dateModified": "2020-04-16T13:12:22+00:00"}]}</script>
            """
        for (body, expected) in [
            ("<p>Ein Privatkredit ist ein Ratenkredit.</p><p>Ausstellung vom 9. bis 23. Februar 2017</p>", nil),
            ("<p class=\"meta\">14. November 2019</p><p>Ein Privatkredit ist ein Ratenkredit.</p>", "2019-11-14"),
            ("<p>Stand: 14.11.2019</p><p>Ein Privatkredit ist ein Ratenkredit.</p>", "2019-11-14"),
        ] as [(String, String?)] {
            let document = try metadata("<html><head>\(graph)</head><body><h1>Privatkredit</h1>\(body)</body></html>")
            #expect(document.published.map { String($0.prefix(10)) } == expected, "\(body)")
        }
        // An article object's date stands, shown or not.
        let article = try metadata("""
            <html><head><script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2019-11-14T13:51:06+00:00"}</script>
            </head><body><h1>Privatkredit</h1><p>Ein Privatkredit ist ein Ratenkredit.</p></body></html>
            """)
        #expect(article.published?.prefix(10) == "2019-11-14")
    }

    @Test func metadataRestampedAfterTheShownDate() throws {
        // A re-published page: its metadata carries the later day, its headline area the day readers see.
        let document = try metadata("""
            <html><head><meta property="article:published_time" content="2022-11-17T10:33:13.258Z"></head><body>
            <h1>Wärmepumpe im Altbau</h1><time datetime="2022-03-09">09.03.2022</time><p>Der Artikel beginnt hier.</p></body></html>
            """)
        #expect(document.published?.prefix(10) == "2022-03-09")
        // A tweet embedded in the article carries its own, earlier date.
        let embedded = try metadata("""
            <html><head><meta property="article:published_time" content="2022-11-17T10:33:13+01:00"></head><body>
            <h1>Titel</h1><p>Der Artikel beginnt hier.</p><blockquote class="twitter-tweet"><p>Tweet</p>
            <a href="https://twitter.com/x/status/1"><time datetime="2021-05-02">May 2, 2021</time></a></blockquote></body></html>
            """)
        #expect(embedded.published?.prefix(10) == "2022-11-17")
    }

    @Test func mediaWikiPageIsDatedByItsLastRevision() throws {
        let document = try metadata("""
            <html><head><meta name="generator" content="MediaWiki 1.23.17"></head><body><h1>Kassel/Stammtisch</h1>
            <p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p><div id="footer"><ul id="footer-info">
            <li id="footer-info-lastmod"> Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></div></body></html>
            """)
        #expect(document.published?.prefix(10) == "2020-01-29")
    }

    @Test func drupalNoSidebarsBodyClassIsNoSidebar() throws {
        // Drupal writes the layout on <body>: "no-sidebars" has none, "one-sidebar sidebar-first" has one.
        for (layout, expected) in [("no-sidebars page-node", "2022-01-25"), ("one-sidebar sidebar-first page-node", "2022-01-21")] {
            let document = try metadata("""
                <html><head><meta name="dcterms.date" content="2022-01-21T09:43+01:00"></head><body class="html \(layout)">
                <article><h2>EU-Taxonomie</h2><div class="article-meta"><time class="date-display-single"
                datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div><p>Der Artikel beginnt hier.</p></article></body></html>
                """)
            #expect(document.published?.prefix(10) == expected[...], "\(layout)")
        }
    }

    @Test func lessCommonMetaNamesForThePublicationDate() throws {
        #expect(try metadata("<head><meta name='citation_publication_date' content='2016/05/04'></head><body><p>x</p></body>").published == "2016-05-04")
        #expect(try metadata("<head><meta name='publication_date' content='2021-10-13'></head><body><p>x</p></body>").published == "2021-10-13")
        #expect(try metadata("<head><meta name='dc:date' content='2020-07-12'></head><body><p>x</p></body>").published == "2020-07-12")
    }

    @Test func publicationDateGivenOnlyToScripts() throws {
        let state = try metadata("""
            <body><p>Review text.</p><script type="application/json">{"updatedDate":"2016-11-09T10:00:00Z",
            "author":{"createdOn":"x"},"publishedDate":"2016-11-04T20:37:27Z"}</script></body>
            """)
        #expect(state.published == "2016-11-04T20:37:27+00:00")
        let dataLayer = try metadata("<body><p>x</p><script>dataLayer.push({ 'publish_date' : '2019-10-19', 'id': 3 });</script></body>")
        #expect(dataLayer.published == "2019-10-19")
        // Modification keys, non-date values and external scripts are no publication dates.
        let none = try metadata("""
            <body><p>x</p><script>var c = {"lastModifiedDate": "2020-01-02", "publishedCount": "2020", "created": "never"};</script>
            <script src="/app.js"></script></body>
            """)
        #expect(none.published == nil)
        // A date the page shows comes before one in its scripts.
        let shown = try metadata("<body><span class='date'>2 March 2020</span><script>x = {\"createdAt\": \"2020-01-01\"}</script></body>")
        #expect(shown.published == "2020-03-02")
    }

    @Test func timestampsInScriptsAreALastResort() throws {
        let single = try metadata("<body><p>Post.</p><script>showDate(\"2020/04/17 01:43:09\")</script></body>")
        #expect(single.published == "2020-04-17")
        // The day named most often wins; dates without a time of day are no timestamps.
        let several = try metadata("""
            <body><p>x</p><script>var s = ["2013-09-12T10:00:00+0100", "2020-03-18T13:52:08+0100", "2020-03-18T12:20:45+0100",
            "2019-01-01"];</script></body>
            """)
        #expect(several.published == "2020-03-18T13:52:08+01:00")
    }

    @Test func dateElementsNamedInGermanOrSpanish() throws {
        let german = try metadata("""
            <body><div class="entry"><p class="newsdatum">[<a href="/sh/landesparteitag/">Samstag, 19. Juli 2014</a>]</p>
            <p>Der Stammtisch findet am Freitag, 8. Juni 2012</p></div></body>
            """)
        #expect(german.published == "2014-07-19")
        #expect(try metadata("<body><span class='fecha'>5 de marzo de 2021</span><p>Texto.</p></body>").published == "2021-03-05")
    }

    @Test func imageUploadFolderDatedToTheDay() throws {
        let dated = "<head><meta property='og:image' content='https://example.org/files/2016/05/04/cover.png'></head><body><p>Report.</p></body>"
        #expect(try metadata(dated).published == "2016-05-04")
        // A month folder is no day; a date the page shows comes first.
        #expect(try metadata("<head><meta property='og:image' content='https://example.org/uploads/2016/05/a.png'></head><body><p>x</p></body>").published == nil)
        let shown = "<head><meta property='og:image' content='https://example.org/2016/05/04/a.png'></head><body><p class='date'>7 May 2016</p></body>"
        #expect(try metadata(shown).published == "2016-05-07")
    }

    @Test func dateInTheTooltipOfARelativeDate() throws {
        let document = try metadata("<body><div class='news-time' title='2020-09-20T14:20:02Z'>15 minutes ago</div><p>x</p></body>")
        // Dates read from text keep the minute.
        #expect(document.published == "2020-09-20T14:20:00+00:00")
    }

    @Test func conflictingPageLevelDatesFollowTheShownDate() throws {
        let document = try metadata("""
            <head><meta name="pubdate" content="2021-12-14T15:41:07+01:00">
            <meta name="dc.date.issued" content="2022-02-04T15:33:00+01:00"></head>
            <body><h1>Title</h1><p class="author">04.02.2022 | 15:33 Uhr</p><p>Text.</p></body>
            """)
        #expect(document.published == "2022-02-04T15:33:00+01:00")
        // Microdata may describe teasers: a teaser's shown date does not displace the page's own.
        let teasers = try metadata("""
            <body><div><meta itemprop="datePublished" content="2022-02-02"></div><p>Text.</p>
            <div class="news"><span class="date">31.01.2022</span><meta itemprop="datePublished" content="2022-01-31"></div></body>
            """)
        #expect(teasers.published == "2022-02-02")
    }

    @Test func impossibleDatesAreRejected() throws {
        let document = try metadata("""
            <head><meta property="article:published_time" content="2023-02-29"></head>
            <body><p>Dated 31/04/2023, corrected on 30/04/2023.</p></body>
            """)
        #expect(document.published == "2023-04-30")
        #expect(DateParser.metadata("2023-13-01") == nil)
        #expect(DateParser.metadata("1899-01-01") == nil)
    }

    @Test func dateParserFormats() {
        #expect(DateParser.metadata("20191118")?.iso == "2019-11-18")
        #expect(DateParser.metadata("2019-11-18 10:05:00")?.iso == "2019-11-18")
        #expect(DateParser.metadata("2019-11-18T10:05:00.123+0530")?.iso == "2019-11-18T10:05:00+05:30")
        #expect(DateParser.metadata("Mon, 18 Nov 2019 10:05:00 GMT")?.iso == "2019-11-18T10:05:00+00:00")
        #expect(DateParser.text("03/04/2019", monthDayFirst: true)?.iso == "2019-03-04")
        #expect(DateParser.text("03/04/2019", monthDayFirst: false)?.iso == "2019-04-03")
        #expect(DateParser.text("le 2 mars 2020", monthDayFirst: false)?.iso == "2020-03-02")
        #expect(DateParser.text("Thứ năm, 16/11/2023 04:00 chiều (GMT+7)", monthDayFirst: false)?.iso == "2023-11-16T16:00:00+07:00")
        #expect(DateParser.text("16/11/2023 08:15 tối GMT+7", monthDayFirst: false)?.iso == "2023-11-16T20:15:00+07:00")
        #expect(DateParser.text("16/11/2023 09:15 sáng GMT+7", monthDayFirst: false)?.iso == "2023-11-16T09:15:00+07:00")
        #expect(DateParser.text("发布时间：2023年11月17日08:15 GMT+8", monthDayFirst: false)?.iso == "2023-11-17T08:15:00+08:00")
        #expect(DateParser.text("2023年11月17日", monthDayFirst: false)?.iso == "2023-11-17")
        #expect(DateParser.text("입력 2023년 11월 17일", monthDayFirst: false)?.iso == "2023-11-17")
        #expect(DateParser.text("发布时间：2023-11-17", monthDayFirst: false)?.iso == "2023-11-17")
        #expect(DateParser.url("https://x.com/20191118/story")?.iso == "2019-11-18")
        #expect(DateParser.url("https://x.org/news/notes/29-10-2021")?.iso == "2021-10-29")
        #expect(DateParser.url("https://x.org/news/10-29-2021/")?.iso == "2021-10-29")
        // Day and month that could be swapped, or digits that run on, are no URL date.
        #expect(DateParser.url("https://x.org/news/05-10-2021") == nil)
        #expect(DateParser.url("https://x.org/item/29-10-20219") == nil)
    }

    @Test func monthNamesOfMoreLanguages() {
        #expect(DateParser.text("Германия 15 августа 2016, 13:43", monthDayFirst: false)?.iso == "2016-08-15")
        #expect(DateParser.text("Опубліковано 3 березня 2021", monthDayFirst: false)?.iso == "2021-03-03")
        #expect(DateParser.text("Warszawa, 3 maja 2020 r.", monthDayFirst: false)?.iso == "2020-05-03")
        #expect(DateParser.text("Praha 12. října 2019", monthDayFirst: false)?.iso == "2019-10-12")
        #expect(DateParser.text("29 Ekim 2019 Salı", monthDayFirst: false)?.iso == "2019-10-29")
        #expect(DateParser.text("Blog entry by A. Writer | 28 April, 2017", monthDayFirst: false)?.iso == "2017-04-28")
        // A month name without a year after it is no date.
        #expect(DateParser.text("Подольски 15 августа в Кёльне", monthDayFirst: false) == nil)
    }

    @Test func authorsExcludeSiteNamesAndLinkLabels() throws {
        let document = try metadata("""
            <head><meta property="og:site_name" content="Daily Example"></head>
            <body><div class="byline">By <a href="/jane">Jane Doe</a> | 18 November 2019</div>
            <div class="author-tools"><a href="mailto:x@y">Email the author</a></div><p>x</p></body>
            """)
        #expect(document.authors == ["Jane Doe"])
        #expect(AuthorNames.clean(["Daily Example", "Email the author", "https://twitter.com/jane", "Jane Doe"], site: "Daily Example") == ["Jane Doe"])
    }

    @Test func bylineInsideAPageWhoseBodyClassNamesASidebar() throws {
        // WordPress themes put the layout on <body> ("has-sidebar", "widget-layout2"): not page chrome.
        let document = try metadata("""
            <html><body class="single single-post has-sidebar mh-widget-layout2"><div id="primary"><article>
            <h1>Wir suchen</h1><span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/danilo/">Danilo Dietsch</a></span></span>
            <p>Wir suchen eine Medienpädagogin.</p></article><div class="widget"><span class="author">Other Person</span></div></div></body></html>
            """)
        #expect(document.authors == ["Danilo Dietsch"])
    }

    @Test func authorFromRelAuthorLink() throws {
        let document = try metadata("""
            <html><body><h1>Future of hope</h1><div class="meta"><div class="date">2. August 2012</div>
            By <a href="/author/oradmin/" title="Beiträge von oradmin" rel="author">oradmin</a></div><p>Text.</p></body></html>
            """)
        #expect(document.authors == ["oradmin"])
    }

    @Test func authorFromYoastWrittenByLabel() throws {
        let document = try metadata("""
            <html><head><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Fatima">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="5 minutes"></head>
            <body><p>Fatima</p><p>Text.</p></body></html>
            """)
        #expect(document.authors == ["Fatima"])
    }

    @Test func authorNamedOnlyInMetadataIsLeftOut() throws {
        // A CMS user or a Yoast person that no byline shows is no author readers (or annotators) would name.
        let document = try metadata("""
            <html><head><meta name="author" content="vpohl"><script type="application/ld+json">
            {"@graph": [{"@type": "Article", "author": {"@id": "#p"}}, {"@type": "Person", "@id": "#p", "name": "Josef Schneider"}]}
            </script></head><body><h1>Emden</h1><p>Sehenswürdigkeiten in Emden.</p></body></html>
            """)
        #expect(document.authors.isEmpty)
    }

    @Test func authorShownOnlyInAHiddenBoxIsLeftOut() throws {
        // The Newspaper theme names the CMS user in a byline box hidden with an inline style; JSON-LD names him too.
        for (style, expected) in [(" style=\"display: none\"", [String]()), ("", ["tkalweit"])] {
            let document = try metadata("""
                <html><head><script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", "name": "tkalweit"}}</script>
                </head><body><h1>Pop-ups und Dips</h1><div class="td-author-name vcard author"\(style)><span class="fn">
                <a href="/author/tkalweit/">tkalweit</a></span></div><p>Der Artikel beginnt hier mit einem Satz.</p></body></html>
                """)
            #expect(document.authors == expected, "\(style)")
        }
    }

    @Test func authorNamingTheSiteIsLeftOut() throws {
        // The organization behind the site, named by its host's name (accents aside) or its site name.
        for (author, url, expected) in [
            ("Diakonie Deutschland", "https://www.diakonie.de/pressemeldungen/studie", [String]()),
            ("Betty Crocker Kitchens", "https://www.bettycrocker.com/recipes/cake", []),
            ("hejfish", "https://fischerhuette.hejfish.com/anglertalk/", []),
            ("La República", "https://larepublica.pe/datos/2022/05/02/cronograma/", []),
            ("Bundesverband WindEnergie", "https://www.wind-energie.de/presse/detail/", []),
            // A blog host's user, and a byline naming the site's editorial team, are authors.
            ("Creeny", "https://creeny.wordpress.com/2020/01/nebel/", ["Creeny"]),
            ("Redaktion Polizeiticker Schweiz", "https://polizeiticker.ch/unfall", ["Redaktion Polizeiticker Schweiz"]),
            ("Jane Doe", "https://www.diakonie.de/pressemeldungen/studie", ["Jane Doe"]),
        ] {
            let document = try metadata("""
                <html><head><meta name="author" content="\(author)"></head><body><h1>Titel</h1>
                <p class="byline">\(author)</p><p>Der Artikel beginnt hier mit einem Satz.</p></body></html>
                """, url: url)
            #expect(document.authors == expected, "\(author) on \(url)")
        }
    }

    @Test func photoCreditNamedLikeAnAuthorIsNoByline() throws {
        for (credit, expected) in [("media-license-author", [String]()), ("image-credit-author", []), ("article-author", ["zvg"])] {
            let document = try metadata("""
                <html><body><h1>Madagaskar</h1><p>Der Artikel beginnt hier mit einem Satz.</p>
                <p><img src="a.jpg"><span class="media-license-info">&copy; </span><span class="\(credit)">zvg </span></p></body></html>
                """)
            #expect(document.authors == expected, "\(credit)")
        }
    }

    @Test func headlineInAnElementNamedAuthorIsNoName() throws {
        let document = try metadata("""
            <html><body><div itemscope itemtype="http://schema.org/Article"><h1>Endlich mehr Beschleunigung wagen!</h1>
            <span class="news-list-author" itemprop="headline">Endlich mehr Beschleunigung wagen!</span>
            <p>Der Artikel beginnt hier mit einem Satz.</p></div></body></html>
            """)
        #expect(document.authors.isEmpty)
    }

    @Test func bylineLineOpeningWithALabel() throws {
        for (html, expected) in [
            ("<p class='bodytext'>Von Claudia Lindner</p>", ["Claudia Lindner"]),
            ("<div class='longText'><p>Auteur : Kossivi Tiassou </p><p>Edition : M-A. Pioerron</p></div>", ["Kossivi Tiassou"]),
            ("<div class='rty'>Von <strong><a href='/autoren/tomas-spahn/'>Tomas Spahn</a></strong></div>", ["Tomas Spahn"]),
            ("<p><strong>Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.</strong></p>", ["Uta Staschewski"]),
            ("<p>Von Berlin aus fährt der Zug weiter.</p>", []),
        ] {
            let document = try metadata("<html><body><h1>Titel</h1><p>Der Artikel beginnt hier mit einem Satz.</p>\(html)</body></html>")
            #expect(document.authors == expected, "\(html)")
        }
    }

    @Test func bylineInABoxHoldingTheHeadlineIsNotChrome() throws {
        // Content columns named like layout chrome: the box around the headline is the article, whatever its name.
        for wrapper in ["<article class='article sticky-sidebar-parent'>", "<div class='main-content has-double-sidebar'>",
                        "<div class='content-area' id='sidebar'>"] {
            let document = try metadata("""
                <html><body>\(wrapper)<header><h1>Der Titel</h1><div class='under-headline'>
                <span class='byline'>By <a href='/writers/emily-burack'>Emily Burack</a></span></div></header>
                <p>Der Artikel beginnt hier mit einem Satz.</p></\(wrapper.hasPrefix("<article") ? "article" : "div")>
                <div class='sidebar'><div class='byline'>By <a href='/writers/other'>Other Writer</a></div></div></body></html>
                """)
            #expect(document.authors == ["Emily Burack"], "\(wrapper)")
        }
        // A real sidebar (not around the headline) still holds other stories' bylines.
        let sidebarOnly = try metadata("""
            <html><body><h1>Der Titel</h1><p>Der Artikel beginnt hier mit einem Satz.</p>
            <div class='sidebar'><div class='byline'>By <a href='/writers/other'>Other Writer</a></div></div></body></html>
            """)
        #expect(sidebarOnly.authors.isEmpty)
    }

    @Test func bylineInThePostFooterAndAfterTheDate() throws {
        for (html, expected) in [
            // Blogger's post footer.
            ("<div class='post-footer'><span class='post-author vcard'>Eingestellt von <span class='fn'>der Michel</span></span></div>",
             ["der Michel"]),
            // WordPress `_s` themes: the date first, the author after "by".
            ("<div class='entry-meta--author'>Posted on September 21, 2020 by Adi Tzlil</div>", ["Adi Tzlil"]),
            // German CMS labels, with the date after the name.
            ("<p class='date'>Erstellt von <a href='/author/fabian/'>Fabian</a> am Dienstag 6. Mai 2014</p>", ["Fabian"]),
            ("<td><span class='itemPoster'>Geschrieben von <a href='/userinfo.php?uid=6'>Cooper</a></span></td>", ["Cooper"]),
            ("<div class='metaInfo'>Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022 - 12:45</div>", ["Pamela Sladky"]),
            ("<p class='article-info'>Von: Uta Weber</p>", ["Uta Weber"]),
            // A site footer is still chrome.
            ("<div class='site-footer'><span class='author'>By Webteam Person</span></div>", []),
        ] {
            let document = try metadata("<html><body><h1>Titel</h1><p>Der Artikel beginnt hier mit einem Satz.</p>\(html)</body></html>")
            #expect(document.authors == expected, "\(html)")
        }
    }

    @Test func handlesAndRecipeCardLabelsAreNotNames() throws {
        // A digit inside a word makes a handle or a domain ("mix1.de Redaktion"), not a person.
        let domain = try metadata("""
            <html><head><meta name="author" content="mix1.de Redaktion"></head><body><h1>Titel</h1>
            <p>Der Artikel beginnt hier, von der mix1.de Redaktion geschrieben.</p></body></html>
            """)
        #expect(domain.authors.isEmpty)
        // A recipe card's "Recipe by" label names the site, which is no author.
        let recipe = try metadata("""
            <html><head><meta property="og:site_name" content="Eat What Tonight"></head><body><h1>Stir Fry</h1>
            <p>Cook the noodles first.</p><span class="recipe-card-author">Recipe by Eat What Tonight</span></body></html>
            """)
        #expect(recipe.authors.isEmpty)
        // A digit after a space still only ends the name: "Jane Doe 18 November 2019".
        let dated = try metadata("""
            <html><body><h1>Titel</h1><p>Der Artikel beginnt hier.</p><div class="byline">Jane Doe 18.11.2019</div></body></html>
            """)
        #expect(dated.authors == ["Jane Doe"])
    }

    @Test func authorNamingTheSiteByItsHostIsLeftOut() throws {
        let press = try metadata("""
            <html><head><meta name="author" content="Hildesheimer Presse"></head>
            <body><div class="logo">Hildesheimer Presse</div><p>Text.</p></body></html>
            """, url: "https://www.hildesheimer-presse.de/hund/")
        #expect(press.authors.isEmpty)
        let blog = try metadata("""
            <html><head><meta name="author" content="Mady"></head><body><p>Text von Mady.</p></body></html>
            """, url: "https://www.madymorrison.com/energy/")
        #expect(blog.authors == ["Mady"])
    }

    @Test func onlyTheFirstBylineElementCounts() throws {
        let document = try metadata("""
            <html><body><p class="byline">By Amelie Marie Nishizawa</p><p>Text.</p>
            <div class="more"><p class="byline">By Chiara Terzuolo</p></div></body></html>
            """)
        #expect(document.authors == ["Amelie Marie Nishizawa"])
    }

    @Test func bylinesRunningOnIntoDatesRolesAndLabels() {
        #expect(AuthorNames.clean(["By Jane Doe, December 4, 2024"], site: nil) == ["Jane Doe"])
        #expect(AuthorNames.clean(["By Jane Doe, Senior Reporter"], site: nil) == ["Jane Doe"])
        #expect(AuthorNames.clean(["CBS News February 2, 2020"], site: nil) == ["CBS News"])
        #expect(AuthorNames.clean(["Veröffentlicht von Chris Jung"], site: nil) == ["Chris Jung"])
        #expect(AuthorNames.clean(["Jörg Staff am 12. Mai 2021"], site: nil) == ["Jörg Staff"])
        #expect(AuthorNames.clean(["Sara Zinnecker Stand: 3. März"], site: nil) == ["Sara Zinnecker"])
        #expect(AuthorNames.clean(["Auteur: Anna Kubišta"], site: nil) == ["Anna Kubišta"])
        #expect(AuthorNames.clean(["Tomas Spahn Fr, 18. Oktober"], site: nil) == ["Tomas Spahn"])
        #expect(AuthorNames.clean(["'Luana Patriolino, Raphael Felice'"], site: nil) == ["Luana Patriolino", "Raphael Felice"])
        #expect(AuthorNames.clean(["Por", "von", "Text"], site: nil) == [])
    }

    @Test func organizationsAndPlaceholdersAreNotAuthors() {
        #expect(AuthorNames.clean(["wegewerk GmbH", "Bundesverband WindEnergie e.V.", "NATURSTROM AG", "publisher", "admin",
                                   "Copyright Haufe-Lexware GmbH", "No Author"], site: nil) == [])
        #expect(AuthorNames.clean(["Dr. Tim Loppe"], site: nil) == ["Dr. Tim Loppe"])
    }

    @Test func utcTimestampTakesTheDayOfThePageCountry() throws {
        // Yoast writes article:published_time in UTC; with nothing on the page to say otherwise, the country
        // domain (or a language with one zone) gives the local day, European summer time included.
        let german = try metadata("""
            <html><head><meta property="article:published_time" content="2022-11-06T23:00:00+00:00"></head><body><p>x</p></body></html>
            """, url: "https://www.example.de/suedfrankreich/")
        #expect(german.published == "2022-11-07T00:00:00+01:00")
        let summer = try metadata("""
            <html><head><meta property="article:published_time" content="2022-07-06T22:30:00+00:00"></head><body><p>x</p></body></html>
            """, url: "https://www.example.at/a")
        #expect(summer.published == "2022-07-07T00:30:00+02:00")
        let brazil = try metadata("""
            <html><head><meta property="article:published_time" content="2022-05-04T00:44:52+00:00"></head><body><p>x</p></body></html>
            """, url: "https://www.example.com.br/a")
        #expect(brazil.published == "2022-05-03T21:44:52-03:00")
        let unknown = try metadata("""
            <html><head><meta property="article:published_time" content="2022-05-04T00:44:52+00:00"></head><body><p>x</p></body></html>
            """, url: "https://www.example.com/a")
        #expect(unknown.published == "2022-05-04T00:44:52+00:00")
        #expect(LocalZone.isEuropeanSummerTime(DateValue(year: 2022, month: 3, day: 27, hour: 1)!))
        #expect(!LocalZone.isEuropeanSummerTime(DateValue(year: 2022, month: 3, day: 27, hour: 0)!))
        #expect(!LocalZone.isEuropeanSummerTime(DateValue(year: 2022, month: 10, day: 30, hour: 1)!))
    }

    @Test func vietnameseBylineAtTheEndReplacesThePublisher() throws {
        let body = "<p>Chiều 16/11, Sở Giáo dục và Đào tạo thành phố tổ chức hội nghị tổng kết năm học với sự tham gia của các trường.</p>"
        var document = try readHTML("""
            <html lang="vi"><head><meta name="author" content="VCCorp.vn"></head><body><article>\(body)<p>Q.C</p></article></body></html>
            """)
        document.blocks = [Block(.paragraph, "Chiều 16/11, Sở Giáo dục và Đào tạo thành phố tổ chức hội nghị tổng kết năm học."),
                           Block(.paragraph, "Q.C")]
        _ = try MetadataExtractor(options: .init()).apply(to: &document, context: testContext("metadata"))
        #expect(document.authors == ["Q.C"])
        #expect(VietnameseByline.byline("Minh Anh (TTXVN)") == "Minh Anh")
        #expect(VietnameseByline.byline("Nguyễn Văn An") == "Nguyễn Văn An")
        #expect(VietnameseByline.byline("T.H.") == "T.H.")
        #expect(VietnameseByline.byline("Hội nghị kết thúc lúc 17 giờ.") == nil)
        #expect(VietnameseByline.byline("Hình ảnh") == nil)
        #expect(VietnameseByline.isPublisher("VietNamNet News", site: nil))
        #expect(!VietnameseByline.isPublisher("Thái Bình", site: "Báo Hải Phòng"))
    }

    @Test func vietnameseShownDatelineWinsOverADisagreeingMetaDate() throws {
        let document = try metadata("""
            <html lang="vi"><head><meta property="article:published_time" content="2023-11-15T10:00:00+07:00"></head>
            <body><h1>Tổng kết năm học</h1><span class="date">Thứ năm, 16/11/2023 04:00 chiều</span>
            <p>Chiều 16/11, Sở Giáo dục và Đào tạo thành phố tổ chức hội nghị tổng kết năm học với sự tham gia của các trường.</p></body></html>
            """)
        #expect(document.published == "2023-11-16T16:00:00+07:00")
    }

    @Test func declaredLanguageIsCheckedAgainstTheText() throws {
        let sentence = "Người dân của thành phố đã được thông báo về những thay đổi trong kế hoạch và các quy định mới cho năm học này. "
        let document = try metadata("<html lang='en'><body><p>\(String(repeating: sentence, count: 4))</p></body></html>")
        #expect(document.language == "vi")
        #expect(document.diagnostics.contains { $0.message.contains("'en'") && $0.message.contains("'vi'") })
    }

    @Test func pageWithWrongCharsetDeclaration() throws {
        let document = try metadata("""
            <html><head><meta charset="windows-1252"><meta property="og:title" content="Tiếng Việt có dấu"></head>
            <body><p>Nội dung bài viết.</p></body></html>
            """)
        #expect(document.title == "Tiếng Việt có dấu")
        #expect(document.text == "Nội dung bài viết.")
    }

    @Test func keepsValuesAlreadySet() throws {
        var document = try readHTML("<head><meta property='og:title' content='From page'></head><body><p>x</p></body>")
        document.title = "Set earlier"
        _ = try MetadataExtractor(options: .init()).apply(to: &document, context: testContext("metadata"))
        #expect(document.title == "Set earlier")
    }
}
