import SieveCore
import Testing
@testable import SieveHTML

/// Page shapes that peer extractors (trafilatura, Readability, newspaper, goose) were reported to get wrong,
/// each written as a small page of our own.
@Suite("main-content extractor on reported page shapes")
struct MainContentReportedCasesTests {
    private func extract(_ html: String) throws -> Document {
        var document = try readHTML(html)
        _ = try MainContentExtractor(options: .init()).apply(to: &document, context: testContext("main-content"))
        return document
    }

    private static func prose(_ seed: String) -> String { MainContentTests.prose(seed) }

    @Test func sectionHeadingsWrittenAsH1AreKept() throws {
        // Readability issue 464: every section heading of the post is an <h1>, like the headline above it.
        let document = try extract("""
            <head><title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1>
            <div class="entry-content"><p>\(Self.prose("The mayor"))</p><h1>How the vote went</h1><p>\(Self.prose("A spokesman"))</p>
            <h1>What residents say</h1><p>\(Self.prose("The engineer"))</p></div></article></body>
            """)
        #expect(describe(document.blocks) == [
            "paragraph:\(Self.prose("The mayor"))", "heading1:How the vote went", "paragraph:\(Self.prose("A spokesman"))",
            "heading1:What residents say", "paragraph:\(Self.prose("The engineer"))",
        ])
        // One <h1> below the first paragraph is the headline placed after a picture caption, or another story's.
        let single = try extract("""
            <body><div class="story"><p>\(Self.prose("The photographer"))</p><h1>Harbour plan approved</h1>
            <p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p></div></body>
            """)
        #expect(!single.text.contains("Harbour plan approved"))
    }

    @Test func wordPressTaxonomyClassesDoNotNameTheArticle() throws {
        // post_class() writes the post's tags and categories on <article>: "tag-comments" is a topic, not comments.
        let document = try extract("""
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main class="site-main">
            <article class="post-88 post type-post status-publish hentry category-sponsored tag-social-media tag-newsletter tag-comments">
            <h1 class="entry-title">Harbour plan approved</h1><div class="entry-content"><p>\(Self.prose("The mayor"))</p>
            <p>\(Self.prose("A spokesman"))</p><p>\(Self.prose("The engineer"))</p></div></article></main>
            <aside class="widget-area"><h2>Recent posts</h2><ul><li><a href="/1">One other post</a></li>
            <li><a href="/2">Second other post</a></li></ul></aside></body>
            """)
        #expect(document.blocks.map(\.text) == ["The mayor", "A spokesman", "The engineer"].map(Self.prose))
    }

    @Test func layoutTableSideCellOfLinksIsDropped() throws {
        // Older CMS pages lay out the menu as a table cell of <br>-separated links beside the article's cell.
        let document = try extract("""
            <body><table><tr><td class="side"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/archive">Archive</a><br>
            <a href="/contact">Contact us</a></td><td><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p>
            <p>\(Self.prose("The engineer"))</p></td></tr></table></body>
            """)
        #expect(document.blocks.map(\.text) == ["The mayor", "A spokesman", "The engineer"].map(Self.prose))
        // A data table's cells of links stay.
        let rows = (1...4).map { "<tr><td><a href=\"/d\($0)\">Driver \($0)</a></td><td>\(100 - $0)</td></tr>" }.joined()
        let data = try extract("<body><article><p>\(Self.prose("The steward"))</p><table>\(rows)</table></article></body>")
        #expect(data.blocks.last?.text == "Driver 1\t99\nDriver 2\t98\nDriver 3\t97\nDriver 4\t96")
    }

    @Test func listsOfEveryShapeInsideTheArticleAreKept() throws {
        // trafilatura issues 431 (ul > li > span), 58 (text inside <ul>), 167 (nested lists); Readability 615 (<dl>).
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p>
            <ul><li><span class="rich-text">You may ask which records the office keeps</span></li>
            <li><span class="rich-text">You may ask the office to correct a record</span></li></ul>
            <ul>What the plan changes:<li>Quieter nights near the docks</li><li>Fewer trucks</li></ul>
            <ul><li>Construction<ul><li>Quay walls</li><li>Dredging</li></ul></li><li>Public transport</li></ul>
            <dl><dt>Quiet hours</dt><dd>No loading between ten at night and six in the morning.</dd></dl>
            <p>\(Self.prose("A spokesman"))</p></article></body>
            """)
        for text in ["You may ask which records the office keeps", "You may ask the office to correct a record",
                     "What the plan changes:", "Quieter nights near the docks", "Fewer trucks", "Quay walls", "Dredging",
                     "Public transport", "Quiet hours", "No loading between ten at night and six in the morning."] {
            #expect(document.blocks.contains { $0.text.contains(text) }, "\(text)")
        }
        #expect(document.blocks.last?.text == Self.prose("A spokesman"))
    }

    @Test func listBetweenParagraphsOfABarePageIsKept() throws {
        // trafilatura issue 233: a blog written as <h1>, <p> and <ul> straight in <body>.
        let items = (1...5).map { "Point \($0) of the hearing, which the minutes record in some detail." }
        let document = try extract("""
            <body><h1>Notes on the vote</h1><p>\(Self.prose("The mayor"))</p><ul>\(items.map { "<li>\($0)</li>" }.joined())</ul>
            <p>\(Self.prose("A spokesman"))</p><p>\(Self.prose("The engineer"))</p></body>
            """)
        #expect(document.blocks.filter { $0.kind == .listItem }.map(\.text) == items)
        #expect(document.text.hasSuffix(Self.prose("The engineer")))
    }

    @Test func statementOutweighedByItsTableOfSignatoriesIsKept() throws {
        // Readability issue 603: the letter's table of names holds more text than the letter.
        let names = (1...60).map { "<tr><td>Signatory Number\($0)</td><td>Town of Place\($0)</td></tr>" }.joined()
        let document = try extract("""
            <body><nav><a href="/">Home</a></nav><article><div class="post-content"><p>\(Self.prose("The mayor"))</p>
            <p>\(Self.prose("A spokesman"))</p><table>\(names)</table></div></article></body>
            """)
        #expect(document.blocks.prefix(2).map(\.text) == [Self.prose("The mayor"), Self.prose("A spokesman")])
    }

    @Test func openingWordsInSmallCapsStay() throws {
        // goose3 issue 190: the opening words set in <small> were lost.
        let document = try extract("""
            <body><article><p><small>Kevin Marsh's</small> time as harbour master ended the way it began, with a close vote
            in a crowded hall and a long night of speeches.</p><p>\(Self.prose("A spokesman"))</p></article></body>
            """)
        #expect(document.text.hasPrefix("Kevin Marsh's time as harbour master ended"))
    }
    @Test func introInAHeroBoxBesideTheTextUnderBodyIsTheLead() throws {
        // boilerpy3 (haystack issue 6579): the page's intro sits in a hero box with the headline, a sibling of the
        // text container, both straight under <body>.
        let intro = "The largest rodents on earth live in groups of ten to twenty along rivers and lakes, and swim well."
        let document = try extract("""
            <body><header><a href="/">Home</a> <a href="/species">Species</a></header><div class="hero"><h1>Capybara</h1>
            <p class="hero__intro">\(intro)</p></div><div class="main-content"><h2>Habitat</h2><p>\(Self.prose("The ranger"))</p>
            <p>\(Self.prose("A biologist"))</p><p>\(Self.prose("The keeper"))</p></div><footer><p>Wildlife Trust</p></footer></body>
            """)
        #expect(document.blocks.first?.text == intro)
        #expect(document.blocks.last?.text == Self.prose("The keeper"))
    }
    @Test func bootstrapComponentBodiesAreNotTheArticleBody() throws {
        // trafilatura issue 10: an accordion of questions in the article. Bootstrap names each panel "accordion-body"
        // (and cards "card-body"): the first panel outscored the article and the rest of it was lost. Its questions
        // are buttons inside the headings.
        let answers = ["A lease costs less each month, but you own nothing at the end, and the mileage is limited.",
                       "Repairs during the lease are paid by the driver, unless the contract includes a service package."]
        let panels = zip(["When does a lease pay off", "Who pays for repairs"], answers).map { question, answer in
            "<div class=\"accordion-item\"><h3 class=\"accordion-header\"><button class=\"accordion-button\">\(question)</button></h3>"
                + "<div class=\"accordion-collapse collapse\">"
                + "<div class=\"accordion-body\"><p>\(answer)</p></div></div></div>"
        }.joined()
        let document = try extract("""
            <body><article><h1>Buy or lease?</h1><p>\(Self.prose("The dealer"))</p><div class="accordion">\(panels)</div>
            <p>\(Self.prose("A buyer"))</p></article></body>
            """)
        #expect(describe(document.blocks) == [
            "paragraph:\(Self.prose("The dealer"))", "heading3:When does a lease pay off", "paragraph:\(answers[0])",
            "heading3:Who pays for repairs", "paragraph:\(answers[1])", "paragraph:\(Self.prose("A buyer"))",
        ])
    }
    @Test func namedAnchorsAreTextNotLinks() throws {
        // trafilatura issue 147: text in an <a> without href (a named anchor, a heading's target) was dropped as a link.
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><h2><a>The quick harbour fox jumps over the lazy dock</a></h2>
            <p>\(Self.prose("A spokesman"))</p><h2><a name="costs" id="costs">Who pays for the new quay</a></h2>
            <p>\(Self.prose("The engineer"))</p><p><a class="more-button">Load more stories</a></p></article></body>
            """)
        #expect(describe(document.blocks) == [
            "paragraph:\(Self.prose("The mayor"))", "heading2:The quick harbour fox jumps over the lazy dock",
            "paragraph:\(Self.prose("A spokesman"))", "heading2:Who pays for the new quay", "paragraph:\(Self.prose("The engineer"))",
        ])
    }
    @Test func referenceListsAreKeptAndKickerTeaserListsAreNot() throws {
        // Issue 9's reference lists: each item opens with its authors, the link is the title or the DOI.
        let references = (1...4).map {
            "Author\($0), A. (201\($0)). <a href=\"https://doi.example/\($0)\">Noise near harbours, part \($0)</a>. Journal of Ports \($0)(2), 10-20."
        }
        let teasers = (1...4).map { "<li><span class=\"kicker\">Ports</span> <a href=\"/s\($0)\">Another harbour story number \($0)</a></li>" }
        let document = try extract("""
            <body><article><p>\(Self.prose("The mayor"))</p><p>\(Self.prose("A spokesman"))</p><h2>References</h2>
            <ol>\(references.map { "<li>\($0)</li>" }.joined())</ol><h2>More stories</h2><ul>\(teasers.joined())</ul></article></body>
            """)
        #expect(document.blocks.filter { $0.kind == .listItem }.map(\.text) == (1...4).map {
            "Author\($0), A. (201\($0)). Noise near harbours, part \($0). Journal of Ports \($0)(2), 10-20."
        })
        #expect(!document.text.contains("Another harbour story"))
    }
}
