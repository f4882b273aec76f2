import SieveCore
import Testing
@testable import SieveHTML

/// When `main-content` comes first, the `html` reader leaves the blocks to it (`StageContext.blocksReplaced`):
/// the result must be the same as when the reader builds them, on every kind of page.
@Suite struct DeferredBlocksTests {
    static let pages: [String: String] = [
        "article": """
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge plan</h1>
            <p>\(MainContentTests.prose("The mayor"))</p><p>\(MainContentTests.prose("A spokesman"))</p></article>
            <footer>Copyright</footer></body></html>
            """,
        "no article": "<html><body><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ul><p>Short note.</p></body></html>",
        "no text": "<html><head><title>Empty</title></head><body><script>x()</script><div hidden>gone</div></body></html>",
        "content after a stray html end": "<html><body><p>Before.</p></body></html><p>After the end of the page.</p>",
    ]

    @Test func theReaderLeavesTheBlocksWhenTold() throws {
        let page = try #require(Self.pages["article"])
        #expect(try readHTML(page, blocksReplaced: true).blocks.isEmpty)
        #expect(try !readHTML(page).blocks.isEmpty)
    }

    @Test(arguments: pages.keys.sorted(), [[], ["//nav"]])
    func mainContentGivesTheSameDocumentEitherWay(page name: String, prune: [String]) throws {
        let page = try #require(Self.pages[name])
        var options = MainContentExtractor.Options()
        options.prune = prune
        let stage = try MainContentExtractor(options: options)
        var built = try readHTML(page)
        var deferred = try readHTML(page, blocksReplaced: true)
        _ = try stage.apply(to: &built, context: testContext("main-content"))
        _ = try stage.apply(to: &deferred, context: testContext("main-content"))
        #expect(deferred.blocks == built.blocks, "\(name)")
        #expect(deferred.diagnostics == built.diagnostics, "\(name)")
        #expect(!built.blocks.isEmpty || name == "no text")
    }

    @Test func onlyMainContentSaysItReplacesTheBlocks() {
        #expect(MainContentExtractor.replacesBlocks)
        #expect(!MetadataExtractor.replacesBlocks)
        #expect(!TitleExtractor.replacesBlocks)
    }
}
