import CLibXML2
import Foundation
import SieveCore
import Testing
@testable import SieveSinks

@Suite struct XMLSinkTests {
    @Test func libxml2ParsesTheOutputStrictly() throws {
        let text = try render(XMLSink(options: NoOptions()), awkwardDocuments())
        let document = text.withCString { xmlReadMemory($0, Int32(strlen($0)), "out.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue)) }
        let parsed = try #require(document, "libxml2 rejected the XML")
        defer { xmlFreeDoc(parsed) }
        let root = try #require(xmlDocGetRootElement(parsed))
        #expect(String(cString: root.pointee.name) == "documents")
        let values = try xpathStrings(parsed, "//document[@id='odd']/text")
        #expect(values == ["=HYPERLINK(\"http://evil\")\n\nbell nul-ish  and  gone"])
        #expect(try xpathStrings(parsed, "//document[1]/fields/field[@name='people']/item/member[@name='role']")
                == ["Giám đốc Sở Giáo dục và Đào tạo"])
        #expect(try xpathStrings(parsed, "//document[1]/blocks/block[@kind='caption']") == ["Ảnh: Bí thư quận ủy Trần Thu Hương"])
    }

    private func xpathStrings(_ document: xmlDocPtr, _ expression: String) throws -> [String] {
        let context = try #require(xmlXPathNewContext(document))
        defer { xmlXPathFreeContext(context) }
        let result = try #require(xmlXPathEvalExpression(expression, context))
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).map { index in
            let content = xmlNodeGetContent(nodes.pointee.nodeTab[index])
            defer { sieve_xmlFree(content) }
            return content.map { String(cString: $0) } ?? ""
        }
    }
}
