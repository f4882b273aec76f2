import Testing
@testable import SieveHTML

@Suite("xpath")
struct XPathTests {
    @Test func selectsNodes() throws {
        let tree = try #require(try? HTMLTree(utf8: Array("<body><div class='ad'>x</div><p>a</p><div class='ad b'>y</div></body>".utf8)))
        let nodes = XPath.nodes("//div[contains(@class,'ad')]", in: tree)
        #expect(nodes.map(\.collapsedText) == ["x", "y"])
        #expect(XPath.nodes("//table", in: tree).isEmpty)
    }

    @Test func reportsBadExpressions() {
        #expect(XPath.problem(in: "//div[@class='a']") == nil)
        #expect(XPath.problem(in: "//div[") != nil)
    }
}
