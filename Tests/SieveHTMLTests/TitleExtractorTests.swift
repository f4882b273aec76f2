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

    @Test func openGraphWins() throws {
        #expect(try title("""
            <head><meta property="og:title" content=" Storm closes schools "><title>Other | Site</title></head><body><h1>H</h1></body>
            """) == "Storm closes schools")
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
