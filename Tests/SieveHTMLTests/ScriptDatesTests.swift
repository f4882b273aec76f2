import SieveCore
import Testing
@testable import SieveHTML

/// Inline scripts' text is left out of the parse (`ParserInput`); `ScriptDates` reads it from the page's bytes
/// and must find what it found in the tree: the same scripts, in the same order, with the same text.
@Suite struct ScriptDatesTests {
    private func published(_ body: String) throws -> String? {
        var document = try readHTML("<html><head><title>Council meets</title></head><body><p>Body text.</p>\(body)</body></html>")
        _ = try MetadataExtractor(options: .init()).apply(to: &document, context: testContext("metadata"))
        return document.published
    }

    @Test func aDateGivenOnlyToAnInlineScriptIsFound() throws {
        #expect(try published(#"<script>window.state = {"publishDate": "2019-10-19", "title": "x"};</script>"#) == "2019-10-19")
        #expect(try published(#"<script type="module">const page = {publish_date: '2019-10-19'}</script>"#) == "2019-10-19")
        #expect(try published(#"<SCRIPT type=application/json>{"createdAt":"2019-10-19"}</SCRIPT>"#) == "2019-10-19")
    }

    @Test func scriptsWithASourceOrInsideTemplatesAreNotRead() throws {
        #expect(try published(#"<script src="app.js">{"publishDate": "2019-10-19"}</script>"#) == nil)
        // The template's script comes first in the page but is no script of the page: the second one is read.
        let page = #"<template><script>{"publishDate": "2001-01-01"}</script></template><script>{"publishDate": "2019-10-19"}</script>"#
        #expect(try published(page) == "2019-10-19")
    }

    @Test func theTextIsReadAsLibxml2MadeIt() throws {
        // libxml2 drops the vertical tab, so the key and its value meet.
        #expect(try published("<script>{\"publishDate\":\u{0B}\"2019-10-19\"}</script>") == "2019-10-19")
    }

    @Test func aScriptAfterWhereThePassStoppedIsReadFromTheTree() throws {
        let page = #"<script>a = "</scriptx>";</script><script>{"publishDate": "2019-10-19"}</script>"#
        #expect(!ParserInput.prepare(Array(page.utf8)).followed)
        #expect(try published(page) == "2019-10-19")
    }

    @Test func jsonLDIsStillRead() throws {
        let page = #"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-05-06"}</script>"#
        #expect(try published(page) == "2018-05-06")
    }
}
