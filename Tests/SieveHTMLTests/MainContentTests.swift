import SieveCore
import Testing
@testable import SieveHTML

@Suite("main-content extractor")
struct MainContentTests {
    /// A paragraph long enough to count as article text.
    static func prose(_ seed: String) -> String {
        "\(seed) reported on Tuesday that the council had approved the plan, after a long debate, with several "
            + "amendments, and that work on the new bridge would begin in the spring, according to officials."
    }

    private func extract(_ html: String, options: MainContentExtractor.Options = .init()) throws -> Document {
        var document = try readHTML(html)
        _ = try MainContentExtractor(options: options).apply(to: &document, context: testContext("main-content"))
        return document
    }

    @Test func dropsPageChromeAroundTheArticle() throws {
        let document = try extract("""
            <body><header><a href="/">Home</a> <a href="/world">World</a></header>
            <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
            <article><h1>Bridge approved</h1><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <p>\(Self.prose("The engineer"))</p></article>
            <aside><p>\(Self.prose("Sidebar teaser"))</p></aside>
            <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer></body>
            """)
        #expect(document.blocks.count == 3)
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph })
        #expect(document.text.hasPrefix("The mayor reported"))
        #expect(!document.text.contains("Bridge approved"))
        #expect(!document.text.contains("Sidebar"))
    }

    @Test func dropsElementsNamedLikeChrome() throws {
        let document = try extract("""
            <body><div class="story-body"><p>\(Self.prose("The mayor"))</p>
            <div class="share-bar"><a href="https://facebook.com/x">Facebook</a> <span>Share this story</span></div>
            <p>\(Self.prose("A spokesman"))</p><p>\(Self.prose("The engineer"))</p>
            <div class="newsletter-signup"><p>Get our newsletter every morning in your inbox, free of charge.</p></div>
            </div></body>
            """)
        #expect(document.blocks.count == 3)
        #expect(!document.text.contains("Share this"))
        #expect(!document.text.contains("newsletter"))
    }

    @Test func longCommentsDoNotWinOverTheArticle() throws {
        let comments = (1...8).map { "<div class=\"comment-body\"><p>\(Self.prose("Reader \($0)"))</p></div>" }.joined()
        let document = try extract("""
            <body><div class="post"><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p></div>
            <div id="comments-section"><h2>Comments</h2>\(comments)</div></body>
            """)
        #expect(document.text.contains("The mayor"))
        #expect(!document.text.contains("Reader"))
        #expect(!document.blocks.contains { $0.kind == .heading })
    }

    @Test func commentsInABoxNamedAfterTheArticleAreDropped() throws {
        let rules = (1...2).map { "<li>\(Self.prose("Comment rule \($0)"))</li>" }.joined()
        let body = ["The mayor", "A spokesman", "The engineer", "A resident"]
        let document = try extract("""
            <body><div class="article-body">\(body.map { "<p>\(Self.prose($0))</p>" }.joined())
            <div id="article_comments"><div class="rules"><ol>\(rules)</ol></div></div></div></body>
            """)
        #expect(document.blocks.map(\.text) == body.map(Self.prose))
        // An opinion column is named "commentary": it is the article.
        let column = try extract("""
            <body><div class="body"><div class="sect sect_article news commentary">\(body.map { "<p>\(Self.prose($0))</p>" }.joined())</div>
            <div class="sect"><p>\(Self.prose("The editor"))</p></div></div></body>
            """)
        #expect(column.blocks.map(\.text) == (body + ["The editor"]).map(Self.prose))
    }

    @Test func consentDialogLongerThanAShortArticleIsDropped() throws {
        let consent = (1...3).map { "<p>\(Self.prose("The privacy team \($0)")) We use cookies and similar tools.</p>" }.joined()
        let document = try extract("""
            <body><div class="wrap"><div class="text"><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p></div>
            <div id="cc-window" role="dialog" aria-label="cookieconsent">\(consent)</div></div></body>
            """)
        #expect(document.blocks.map(\.text) == [Self.prose("The mayor"), Self.prose("A spokesman")])
    }

    @Test func creditLinesWrittenAsParagraphsAreCaptions() throws {
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p>Chloe Kim will win again. © AFP / Kirill Kudryavtsev</p>
            <p>\(Self.prose("A spokesman"))</p><p>Schools close early this year. Foto: Andina</p></article></body>
            """)
        #expect(document.blocks.map(\.kind) == [.paragraph, .caption, .paragraph, .caption])
        #expect(!document.text.contains("AFP"))
    }

    @Test func textWrittenWithLineBreaksIsKept() throws {
        let body = (1...5).map { Self.prose("Witness \($0)") }.joined(separator: "<br><br>\n")
        let document = try extract("""
            <body><div class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></div>
            <div id="main-text">\(body)</div><div class="links"><a href="/x">Next story</a></div></body>
            """)
        #expect(document.blocks.map(\.text) == (1...5).map { Self.prose("Witness \($0)") })
    }

    @Test func articleSplitOverSiblingContainersIsMerged() throws {
        let document = try extract("""
            <body><div class="wrap">
            <div class="text-block"><p>\(Self.prose("First part"))</p><p>\(Self.prose("Second part"))</p><p>\(Self.prose("Third part"))</p></div>
            <div class="ad-slot"><a href="https://ads.example/1">Buy now</a></div>
            <div class="text-block"><p>\(Self.prose("Fourth part"))</p><p>\(Self.prose("Fifth part"))</p></div>
            </div></body>
            """)
        #expect(document.text.contains("First part") && document.text.contains("Fifth part"))
        #expect(!document.text.contains("Buy now"))
    }

    @Test func siblingSectionsWithParagraphsJoinTheArticle() throws {
        func section(_ names: [String]) -> String {
            "<section><div><div><div>" + names.map { "<p>\(Self.prose($0))</p>" }.joined() + "</div></div></div></section>"
        }
        let document = try extract("""
            <body><main>\(section(["Opening", "Second", "Third"]))
            <aside><a href="/shop">Buy the book</a></aside>
            \(section(["Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh"]))</main></body>
            """)
        #expect(document.text.hasPrefix("Opening reported"))
        #expect(document.text.contains("Eleventh reported"))
        #expect(!document.text.contains("Buy the book"))
    }

    @Test func pageBuilderWidgetsOfOneArticleAreJoined() throws {
        // Elementor nests each text widget: section > column > widget-wrap > element > container > text.
        func widget(_ seeds: [String]) -> String {
            "<div class=\"elementor-element\"><div class=\"elementor-widget-container\"><div class=\"elementor-text-editor\">"
                + seeds.map { "<p>\(Self.prose($0))</p>" }.joined() + "</div></div></div>"
        }
        let document = try extract("""
            <body><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav><div class="elementor-section"><div class="elementor-column">
            <div class="elementor-widget-wrap">\(widget(["Opening"]))<div class="elementor-element"><img src="a.jpg"></div>
            \(widget(["Second", "Third", "Fourth", "Fifth"]))</div></div>
            <div class="elementor-column"><div class="elementor-widget-wrap">\(widget(["Closing"]))</div></div>
            <div class="elementor-column"><div class="about-box"><h4 class="author-title">Jane Doe</h4>
            <p>\(Self.prose("Jane Doe studied law and"))</p></div></div></div></body>
            """)
        #expect(document.blocks.map(\.text) == ["Opening", "Second", "Third", "Fourth", "Fifth", "Closing"].map(Self.prose))
    }

    @Test func titleRepeatsAndDatelinesAtTheEdgesAreTrimmed() throws {
        let document = try extract("""
            <head><title>Floods close schools | Daily Example</title></head>
            <body><div class="content"><h2>Floods close schools</h2><p>05/10/2018 - Published by Jane Doe</p>
            <p>\(Self.prose("The mayor"))</p><p>Schools reopen on 12 October 2018, officials said.</p>
            <p>\(Self.prose("A spokesman"))</p><p>Updated 06/10/2018</p></div></body>
            """)
        #expect(document.blocks.map(\.text) == [
            Self.prose("The mayor"), "Schools reopen on 12 October 2018, officials said.", Self.prose("A spokesman"),
        ])
    }

    @Test func datelineAfterTheLeadIsTrimmed() throws {
        // The lead sits above the body, the header's date below it: the date opens the body container.
        let lead = "A man pleaded guilty on Monday to threatening a member of Congress, and faces ten years in prison."
        let document = try extract("""
            <body><main><h1>Man pleads guilty</h1><p>\(lead)</p><div class="article-body">
            <p><time>Nov. 19, 2019, 8:41 AM UTC</time></p><p>\(Self.prose("The prosecutor"))</p>
            <p>\(Self.prose("A lawyer"))</p></div></main></body>
            """)
        #expect(document.blocks.map(\.text) == [lead, Self.prose("The prosecutor"), Self.prose("A lawyer")])
    }

    @Test func teaserListsAndEmptySectionsAreDropped() throws {
        let teasers = (1...4).map { "<li><a href=\"/s\($0)\">Another story headline number \($0)</a> <span>Short teaser text.</span></li>" }.joined()
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <h2>Related stories</h2><ul>\(teasers)</ul></article></body>
            """)
        #expect(document.blocks.count == 2)
        #expect(!document.text.contains("Another story"))
    }

    @Test func keepsStructureCaptionsEmbedsAndDataTables() throws {
        let rows = (1...3).map { "<tr class=\"player-row\"><td><a href=\"/p\($0)\">Driver \($0)</a></td><td>\(100 - $0)</td></tr>" }.joined()
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p>
            <figure><img src="b.jpg"><figcaption>The old bridge in 1950.</figcaption></figure>
            <h2>What comes next</h2><p>\(Self.prose("A spokesman"))</p>
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Big news for the city today!
            <a href="https://t.co/x">pic.twitter.com/x</a></p>— Mayor (@mayor) <a href="https://twitter.com/x">May 2, 2024</a></blockquote></div>
            <ul><li>Cost: 12 million</li><li>Length: 300 metres</li></ul>
            <table>\(rows)</table><p>\(Self.prose("The engineer"))</p></article></body>
            """)
        let kinds = document.blocks.map(\.kind)
        #expect(kinds == [.paragraph, .figure, .heading, .paragraph, .quote, .quote, .listItem, .listItem, .table, .paragraph])
        #expect(document.blocks.first { $0.kind == .figure }?.text == "The old bridge in 1950.")
        #expect(document.blocks.first { $0.kind == .table }?.text == "Driver 1\t99\nDriver 2\t98\nDriver 3\t97")
        #expect(!document.text.contains("The old bridge"))
    }

    @Test func biasDecidesLinkHeavyParagraphs() throws {
        // 70% of this paragraph's characters are link text.
        let html = """
            <body><article><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <p>See also: <a href="/other">the council's bridges</a></p></article></body>
            """
        var balanced = MainContentExtractor.Options()
        balanced.bias = .balanced
        var recall = MainContentExtractor.Options()
        recall.bias = .recall
        #expect(!(try extract(html, options: balanced)).text.contains("See also"))
        #expect(try extract(html, options: recall).text.contains("See also"))
    }

    @Test func writtenOutWebAddressIsKeptWhereALinkTeaserIsNot() throws {
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p><a href="https://www.openpetition.de/x">http://www.openpetition.de</a></p>
            <p>\(Self.prose("A spokesman"))</p><p><a href="/more">Read our other stories</a></p></article></body>
            """)
        #expect(document.blocks.map(\.text) == [Self.prose("The mayor"), "http://www.openpetition.de", Self.prose("A spokesman")])
    }

    @Test func pruneRemovesWhatTheExpressionsSelect() throws {
        var options = MainContentExtractor.Options()
        options.prune = ["//p[@class='note']", "//div[@id='x']"]
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p class="note">\(Self.prose("Editor's note"))</p>
            <div id="x"><p>\(Self.prose("Boxed"))</p></div><p>\(Self.prose("A spokesman"))</p></article></body>
            """, options: options)
        #expect(document.blocks.count == 2)
        #expect(!document.text.contains("Editor") && !document.text.contains("Boxed"))
    }

    @Test func rejectsBadOptions() {
        let registry = StageRegistry().with(MainContentExtractor.self)
        let problems = registry.problems(in: StageSpec(name: "main-content", options: ["bias": "fast", "prune": "//p|//div["]))
        #expect(problems.map(\.place) == [.value("bias"), .item("prune", 1)])
        #expect(problems.first?.message == "option 'bias' of stage 'main-content' expects one of balanced, precision, recall, got 'fast'")
        #expect(problems.last?.message.hasPrefix("option 'prune' of stage 'main-content' has a bad XPath expression: '//div['") == true)
    }

    @Test func worksOnVietnamesePages() throws {
        let paragraph = "Sáng 23/8, tại Hải Phòng, Phòng Giáo dục và Đào tạo quận Lê Chân tổ chức hội nghị tổng kết năm học "
            + "2022-2023, triển khai nhiệm vụ năm học mới, với sự tham dự của lãnh đạo quận, các trường và giáo viên."
        let document = try extract("""
            <html lang="vi"><body><div class="menu-top"><a href="/">Trang chủ</a><a href="/gd">Giáo dục</a><a href="/xh">Xã hội</a></div>
            <div class="detail-content"><p>\(paragraph)</p><p>\(paragraph)</p></div>
            <div class="tin-lien-quan"><a href="/1">Tin khác một hai ba bốn năm</a><a href="/2">Tin khác sáu bảy tám chín</a><a href="/3">Tin khác mười</a></div>
            </body></html>
            """)
        #expect(document.blocks.map(\.text) == [paragraph, paragraph])
    }

    @Test func leadInTheArticleHeaderIsKeptAndItsPictureCreditIsNot() throws {
        let lead = "The council approved the new bridge on Tuesday, ending a decade of debate about the river crossing."
        let body = ["The mayor", "A spokesman", "The engineer", "A resident", "The architect", "A historian", "The builder"]
        let document = try extract("""
            <body><nav><a href="/">Home</a> <a href="/city">City</a></nav>
            <article><header><p class="kicker">City news, updated daily for readers of the paper</p><h1>Bridge approved</h1>
            <p class="byline">By Jane Doe</p><p class="standfirst">\(lead)</p>
            <div class="media"><img src="b.jpg"><span>The old bridge, photographed by Jane Doe, Example Agency</span></div></header>
            <div class="body">\(body.map { "<p>\(Self.prose($0))</p>" }.joined())</div>
            </article></body>
            """)
        #expect(document.blocks.map(\.text) == [lead] + body.map(Self.prose))
    }

    @Test func leadInsideTheDroppedArticleHeaderIsKept() throws {
        let lead = "A lawyer explains what the court ruling means for readers, and how they can have their data deleted."
        let cards = (1...2).map {
            "<div class=\"card\"><header><h3>Other story \($0)</h3><p>\(Self.prose("A card teaser \($0)"))</p></header></div>"
        }.joined()
        let document = try extract("""
            <body><article><header><h1>What the ruling means</h1><p>\(lead)</p>
            <span class="byline">by <a href="/a/jane">Jane Doe</a> on <time>14 May 2014</time></span></header>
            <p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p><p>\(Self.prose("The engineer"))</p>
            <p>\(Self.prose("A resident"))</p>\(cards)</article></body>
            """)
        #expect(document.blocks.first?.text == lead)
        #expect(!document.text.contains("Jane Doe") && !document.text.contains("What the ruling"))
        #expect(!document.text.contains("Other story"))
    }

    @Test func drupalLabelHiddenFieldsAreNotHidden() throws {
        // Drupal names every field "field--label-hidden" (its label is hidden, not the field).
        func field(_ seed: String) -> String {
            "<div class=\"clearfix text-formatted field field--name-body field--label-hidden field__item\"><p>\(Self.prose(seed))</p></div>"
        }
        let document = try extract("""
            <body><article class="node node--type-article"><div class="field field--name-field-paragraphs">
            \(field("The mayor"))\(field("A spokesman"))\(field("The engineer"))\(field("A resident"))</div>
            <div class="hidden"><p>\(Self.prose("A hidden note"))</p></div></article></body>
            """)
        #expect(document.blocks.map(\.text) == ["The mayor", "A spokesman", "The engineer", "A resident"].map(Self.prose))
    }

    @Test func labelOfADroppedLinkListGoesWithIt() throws {
        let links = (1...3).map { "<li><a href=\"/s\($0)\">Another story \($0)</a></li>" }.joined()
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p><strong>Mehr zum Thema:</strong></p><ul>\(links)</ul>
            <h2>What comes next</h2><p>\(Self.prose("A spokesman"))</p><p>\(Self.prose("The engineer"))</p>
            <p>Lesen Sie auch</p><p><a href="/x">Eine andere Geschichte</a> <a href="/y">Noch eine Geschichte</a></p>
            </article></body>
            """)
        #expect(document.blocks.map(\.text) == [Self.prose("The mayor"), "What comes next", Self.prose("A spokesman"), Self.prose("The engineer")])
    }

    @Test func disclosuresCallsToActionDonationAppealsAndBiosInsideTheBodyAreDropped() throws {
        let document = try extract("""
            <body><article><p class="disclosure-text">We may earn a commission when you buy through the links on this page.</p>
            <p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <div class="cta-box"><p>Missed the main event? Learn more about everything we launched this week.</p></div>
            <p>\(Self.prose("The engineer"))</p><p>\(Self.prose("A resident"))</p>
            <div class="donation-appeal"><p>If you enjoyed reading this, would you consider supporting our work?</p></div>
            <div class="mini-bio"><p>Jane Doe is a senior writer who covers city hall and transport for the paper.</p></div>
            <p>Weitere Informationen:</p></article></body>
            """)
        #expect(document.blocks.map(\.text) == ["The mayor", "A spokesman", "The engineer", "A resident"].map(Self.prose))
    }

    @Test func teaserBoxAboveTheBodyIsTheLead() throws {
        // TYPO3's news extension writes the lead as div.teaser-text beside div.news-text-wrap, with no h1 between.
        let lead = "Repair instead of throwing away: the repair café opens again in March, with volunteers and tools."
        let others = (1...3).map { "<div class=\"teaser-item\"><a href=\"/n\($0)\">Another story headline number \($0)</a></div>" }.joined()
        let document = try extract("""
            <body><div class="news news-single"><div class="article"><div class="teaser-text"><p>\(lead)</p></div>
            <div class="news-text-wrap"><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <div class="teaser-list">\(others)</div></div></div></div></body>
            """)
        #expect(document.blocks.map(\.text) == [lead, Self.prose("The mayor"), Self.prose("A spokesman")])
    }

    @Test func vietnameseSapoAboveTheBodyIsKept() throws {
        let sapo = "Sáng 23/8, quận Lê Chân tổng kết năm học 2022-2023 và triển khai nhiệm vụ năm học mới cho các trường."
        let paragraph = "Phát biểu tại hội nghị, lãnh đạo quận đánh giá cao kết quả của ngành giáo dục, với nhiều giải thưởng "
            + "cấp thành phố, cấp quốc gia, và đề nghị các trường tiếp tục nâng cao chất lượng dạy và học trong năm tới."
        let document = try extract("""
            <html lang="vi"><body><div class="container"><h1 class="title-detail">Quận Lê Chân tổng kết năm học</h1>
            <div class="date">23/08/2023 21:22</div><h2 class="singular-sapo">\(sapo)</h2>
            <div class="detail-content"><p>\(paragraph)</p><p>\(paragraph)</p></div></div></body></html>
            """)
        #expect(document.blocks.map(\.text) == [sapo, paragraph, paragraph])
        #expect(document.blocks.first?.kind == .heading)
    }

    @Test func vietnameseCommentFormIsNotTheArticle() throws {
        let paragraph = "Phát biểu tại hội nghị, lãnh đạo quận đánh giá cao kết quả của ngành giáo dục, với nhiều giải thưởng "
            + "cấp thành phố, cấp quốc gia, và đề nghị các trường tiếp tục nâng cao chất lượng dạy và học trong năm tới."
        let rule = "Quý độc giả vui lòng gõ tiếng Việt có dấu, ý kiến của bạn đọc sẽ được biên tập trước khi đăng, "
            + "tòa soạn có quyền biên tập, rút gọn, và không đăng những ý kiến vi phạm pháp luật, thuần phong mỹ tục."
        let document = try extract("""
            <html lang="vi"><body><div class="noi-dung"><p>\(paragraph)</p><p>\(paragraph)</p></div>
            <div class="y-kien"><form action="/gui" method="post"><h3>Gửi ý kiến của bạn</h3>
            <p>\(rule)</p><p>\(rule)</p><p>\(rule)</p><input name="ten"><textarea name="noidung"></textarea>
            <button>Gửi</button></form></div></body></html>
            """)
        #expect(document.blocks.map(\.text) == [paragraph, paragraph])
    }

    @Test func articleInsideNoscriptIsRead() throws {
        // Blogger renders the post with a script and keeps it in <noscript> for everyone else.
        let blogger = try extract("""
            <body><div class="sidebar"><a href="/2019">2019</a> <a href="/2020">2020</a></div>
            <div class="post-body"><script>render()</script><noscript><p>\(Self.prose("The mayor"))</p>
            <p>\(Self.prose("A spokesman"))</p></noscript></div><noscript><img src="pixel.gif"></noscript></body>
            """)
        #expect(blogger.blocks.map(\.text) == [Self.prose("The mayor"), Self.prose("A spokesman")])
        // A stray unclosed <noscript> at the top of the body holds the rest of the page.
        let stray = try extract("""
            <body><noscript>Please enable JavaScript.<div class="story"><p>\(Self.prose("The engineer"))</p>
            <p>\(Self.prose("A resident"))</p></div></body>
            """)
        #expect(stray.text.contains(Self.prose("The engineer")) && stray.text.contains(Self.prose("A resident")))
    }

    @Test func closingCallsToActionAreDropped() throws {
        // News sites end the article with an invitation to subscribe or follow, in the article's own box;
        // a subscription mentioned earlier in the article, or in a long closing paragraph, stays.
        let subscribers = "The paper has lost a third of its subscribers since the price rose, the publisher said on Monday."
        let document = try extract("""
            <body><div class="story"><p>\(Self.prose("The council"))</p><p>\(subscribers)</p>
            <p>\(Self.prose("The mayor"))</p><p>Subscribe now to our e-edition for the full story.</p>
            <p>Síguenos en Telegram, Instagram, Facebook y Twitter para recibir todas nuestras actualizaciones</p>
            <p>Espacio publicitario</p></div></body>
            """)
        #expect(document.blocks.map(\.text) == [Self.prose("The council"), subscribers, Self.prose("The mayor"),
                                               "Espacio publicitario"])
        let long = Self.prose("Readers") + " Subscribe to the paper to read the full report of the council meeting online."
        let council = Self.prose("The council")
        let kept = try extract("<body><div class=\"story\"><p>\(council)</p><p>\(long)</p></div></body>")
        #expect(kept.blocks.map(\.text) == [council, long])
    }

    @Test func documentsWithoutTreePassThrough() throws {
        var document = Document(id: "t", source: Source(path: "t.txt", format: "text"), blocks: [Block(.paragraph, "Text.")])
        _ = try MainContentExtractor(options: .init()).apply(to: &document, context: testContext("main-content"))
        #expect(document.blocks == [Block(.paragraph, "Text.")])
    }
}
