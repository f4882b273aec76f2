import Foundation
import SieveCore
import SieveTesting
import Testing
@testable import SieveSinks

@Suite struct XMLSinkTests {
    @Test func libxml2ParsesTheOutputStrictly() throws {
        let text = try render(XMLSink(options: NoOptions()), awkwardDocuments())
        let parsed = try ParsedHTML(text, xml: true)
        #expect(try parsed.elements().first?.name == "documents")
        let values = try parsed.strings("//document[@id='odd']/text")
        #expect(values == ["=HYPERLINK(\"http://evil\")\n\nbell nul-ish  and  gone"])
        #expect(try parsed.strings("//document[1]/fields/field[@name='people']/item/member[@name='role']")
                == ["Giám đốc Sở Giáo dục và Đào tạo"])
        #expect(try parsed.strings("//document[1]/blocks/block[@kind='caption']") == ["Ảnh: Bí thư quận ủy Trần Thu Hương"])
    }
}
