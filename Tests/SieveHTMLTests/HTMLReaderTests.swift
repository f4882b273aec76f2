import Foundation
import SieveCore
import Testing
@testable import SieveHTML

@Suite("html reader")
struct HTMLReaderTests {
    @Test func dropsScriptsStylesHiddenAndControls() throws {
        let document = try readHTML("""
            <html><head><title>T</title><style>p { color: red }</style></head><body>
            <h1>Big  news</h1>
            <script>var leaked = "script text";</script>
            <noscript>enable js</noscript>
            <p>First   paragraph
               continues.</p>
            <div hidden>hidden attribute</div>
            <div aria-hidden="true">aria hidden</div>
            <p style="DISPLAY: none">display none</p>
            <p style="visibility:hidden">visibility hidden</p>
            <form><input value="typed"><select><option>choice</option></select><button>Send</button></form>
            <template><p>template text</p></template>
            <svg><text>svg text</text></svg>
            <p>Last.</p>
            </body></html>
            """)
        #expect(describe(document.blocks) == ["heading1:Big news", "paragraph:First paragraph continues.", "paragraph:Last."])
        #expect(document.source.format == "html")
    }

    @Test func lineBreaksAndDoubleBreaks() throws {
        let document = try readHTML("<body><div>line one<br>line two<br><br>next para<br/> <br>third</div></body>")
        #expect(describe(document.blocks) == ["paragraph:line one\nline two", "paragraph:next para", "paragraph:third"])
    }

    @Test func blockKinds() throws {
        let document = try readHTML("""
            <body><h2>Sub <b>head</b></h2><ul><li>one</li><li><p>two</p></li></ul>
            <blockquote><p>quoted</p></blockquote>
            <figure><img src="a.jpg"><figcaption>A <i>caption</i></figcaption></figure>
            <pre>let x = 1
              let y = 2</pre>
            <div>direct <a href="#">link</a> text<p>inner</p>tail</div></body>
            """)
        #expect(describe(document.blocks) == [
            "heading2:Sub head", "list_item:one", "list_item:two", "quote:quoted", "figure:A caption",
            "code:let x = 1\n  let y = 2", "paragraph:direct link text", "paragraph:inner", "paragraph:tail",
        ])
        #expect(!document.text.contains("A caption"))
    }

    @Test func dataTableIsOneBlock() throws {
        let document = try readHTML("""
            <body><p>Before</p><table><caption>Scores</caption>
            <tr><th>Team</th><th>Points</th></tr><tr><td>Red</td><td>3</td></tr><tr><td> Blue <br>side</td><td>1</td></tr>
            </table></body>
            """)
        #expect(describe(document.blocks) == ["paragraph:Before", "table:Scores\nTeam\tPoints\nRed\t3\nBlue side\t1"])
    }

    @Test func layoutTableIsReadAsContainers() throws {
        let document = try readHTML("<body><table><tr><td><p>Story text.</p><p>More.</p></td><td>Menu</td></tr></table></body>")
        #expect(describe(document.blocks) == ["paragraph:Story text.", "paragraph:More.", "paragraph:Menu"])
    }

    @Test func languageAndCanonicalURL() throws {
        let document = try readHTML("""
            <html lang="vi-VN"><head><link rel="canonical" href="/tin/bai-viet.html"></head><body><p>Xin chào</p></body></html>
            """, url: "https://example.vn/a?b=c")
        #expect(document.language == "vi")
        #expect(document.url == "https://example.vn/tin/bai-viet.html")
        #expect(document.source.url == "https://example.vn/a?b=c")
        #expect(document.attachments[HTMLTreeKey.self] != nil)
    }

    @Test func charsetFromMeta() throws {
        // "café" in windows-1252 is 63 61 66 E9.
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>caf".utf8) + [0xE9]
            + Array("</p></body></html>".utf8)
        #expect(try readHTML(bytes).text == "café")
    }

    @Test func charsetFromHTTPEquivAndTransport() throws {
        let equiv = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na".utf8)
            + [0xEF, 0x76, 0x65]
        #expect(try readHTML(equiv).text == "naïve")
        let plain = Array("<html><body><p>na".utf8) + [0xEF, 0x76, 0x65]
        #expect(try readHTML(plain, declaredCharset: "latin1").text == "naïve")
    }

    @Test func vietnameseWindows1258() throws {
        let text = "Thứ hai, học sinh được nghỉ. Đường phố Hà Nội đông người."
        let html = "<html lang=\"vi\"><head><meta charset=\"windows-1258\"></head><body><p>\(text)</p></body></html>"
        let bytes = try #require(encode(html, as: "WINDOWS-1258"))
        #expect(UTF8Check.scan(ArraySlice(bytes)).invalid > 0)
        let document = try readHTML(bytes)
        #expect(document.text.precomposedStringWithCanonicalMapping == text)
        #expect(document.diagnostics.isEmpty)
    }

    @Test(arguments: [("tcvn3", "TCVN5712-1"), ("VISCII", "VISCII")])
    func vietnameseLegacyCharsetsByTheirCommonNames(declared: String, iconvName: String) throws {
        let text = "hội nghị tổng kết năm học ở huyện thanh trì"
        let html = "<html lang=\"vi\"><head><meta charset=\"\(declared)\"></head><body><p>\(text)</p></body></html>"
        let bytes = try #require(encode(html, as: iconvName))
        let document = try readHTML(bytes)
        #expect(document.text.precomposedStringWithCanonicalMapping == text)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func undeclaredVietnameseLegacyBytesFallBackTo1258() throws {
        let text = "Người dân đường phố được hỗ trợ"
        let bytes = try #require(encode("<html><body><p>\(text)</p></body></html>", as: "WINDOWS-1258"))
        let document = try readHTML(bytes)
        #expect(document.text.precomposedStringWithCanonicalMapping == text)
        #expect(document.diagnostics.contains { $0.message.contains("windows-1258") })
    }

    @Test func lyingCharsetOnUTF8Bytes() throws {
        let document = try readHTML("<html><head><meta charset=\"windows-1258\"></head><body><p>Tiếng Việt</p></body></html>")
        #expect(document.text == "Tiếng Việt")
        #expect(document.diagnostics.contains { $0.message.contains("valid UTF-8") })
    }

    @Test func invalidUTF8WithoutDeclarationFallsBackTo1252() throws {
        let bytes = Array("<html><body><p>Se".utf8) + [0xF1] + Array("or ".utf8) + [0xE9, 0xE8]
            + Array("</p></body></html>".utf8)
        let document = try readHTML(bytes)
        #expect(document.text == "Señor éè")
        #expect(document.diagnostics.contains { $0.message.contains("windows-1252") })
    }

    @Test(arguments: [
        ("GB2312", "北京时间今天上午，国家主席在人民大会堂会见了来访的外国领导人，双方就经贸合作交换了意见。"),
        ("SHIFT_JIS", "東京都は本日、新しい交通政策を発表しました。市民の意見を聞くため、説明会を開く予定です。"),
        ("WINDOWS-1251", "Следователи объявили правонарушителю о подозрении в совершении преступления."),
        ("ISO-8859-1", "Die Bürger sind völlig überrascht, für Übergänge gibt es keine Lösung, schöne Grüße aus München."),
    ])
    func undeclaredLegacyBytesAreDetectedStatistically(_ charset: String, _ text: String) throws {
        let bytes = try #require(encode("<html><head><title>t</title></head><body><p>\(text)</p></body></html>", as: charset))
        let document = try readHTML(bytes)
        #expect(document.text == text)
        #expect(document.diagnostics.contains { $0.message.contains("detected from the bytes") })
    }

    @Test func aDeclaredCharsetComesBeforeDetection() throws {
        // Latin-1 bytes that uchardet alone might take for another charset: the declaration decides.
        let text = "Ça coûte 5 € à Noël"
        let bytes = try #require(encode("<meta charset=\"windows-1252\"><p>\(text)</p>", as: "WINDOWS-1252"))
        let document = try readHTML(bytes)
        #expect(document.text == text)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func utf16WithoutBOM() throws {
        let html = "<html><body><p>UTF-16 text ưu đãi</p></body></html>"
        let bytes = Array(html.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try readHTML(bytes).text == "UTF-16 text ưu đãi")
    }

    /// Bytes from a linear congruential generator: no structure, every byte value, like `head -c N /dev/urandom`.
    static func junk(_ count: Int) -> [UInt8] {
        var state: UInt32 = 12_345
        return (0..<count).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }

    @Test func randomBytesFailAsBinaryNamingTheInput() throws {
        #expect {
            try readHTML(Self.junk(5000))
        } throws: { error in
            "\(error)".contains("page.html: binary data, not text or HTML") && "\(error)".contains("control characters")
        }
    }

    @Test func aPageWithAFewStrayControlCharactersStillConverts() throws {
        let html = "<html><body><p>One\u{01} stray\u{08} control\u{1F}.</p>" + String(repeating: "<p>Plain paragraph of text.</p>", count: 20)
            + "<p>Last\u{7F}\u{02}\u{03}\u{04} one.</p></body></html>"
        let document = try readHTML(html)
        #expect(document.text.contains("Plain paragraph of text."))
        #expect(document.text.contains("one."))
    }

    @Test func utf16WithBOMStillConverts() throws {
        let html = "<html><body><p>UTF-16 có BOM</p></body></html>"
        let little: [UInt8] = [0xFF, 0xFE] + Array(html.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + Array(html.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try readHTML(little).text == "UTF-16 có BOM")
        #expect(try readHTML(big).text == "UTF-16 có BOM")
    }

    @Test func nulBytesAreRemoved() throws {
        let bytes = Array("<body><p>before".utf8) + [0] + Array(" after</p><p>next</p></body>".utf8)
        let document = try readHTML(bytes)
        #expect(describe(document.blocks) == ["paragraph:before after", "paragraph:next"])
        #expect(document.diagnostics.contains { $0.message.contains("NUL") })
    }

    @Test func deepNestingKeepsText() throws {
        let depth = 5000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "<p>after</p></body></html>"
        let document = try readHTML(html)
        #expect(describe(document.blocks) == ["paragraph:deep text", "paragraph:after"])
    }

    @Test func truncatedHTMLKeepsWhatIsThere() throws {
        let document = try readHTML("<html><body><h1>Title</h1><p>Complete.</p><p>Cut in the mid")
        #expect(describe(document.blocks) == ["heading1:Title", "paragraph:Complete.", "paragraph:Cut in the mid"])
    }

    @Test func strayClosingHTMLKeepsLaterText() throws {
        let document = try readHTML("<html><body><p>one</p></body></html><p>two</p>")
        #expect(document.text == "one\n\ntwo")
    }

    @Test func emptyInputIsAClearError() {
        #expect(throws: StageError.self) { try readHTML([UInt8]()) }
        #expect(throws: StageError.self) { try readHTML("  \n ") }
        do {
            _ = try readHTML([UInt8]())
        } catch let error as StageError {
            #expect(error.description.contains("page.html") && error.description.contains("empty"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func recognizesMarkup() {
        #expect(HTMLReader.recognizes(ArraySlice("  <!DOCTYPE html><html>".utf8)))
        #expect(HTMLReader.recognizes(ArraySlice("<div><p>a</p><p>b</p></div>".utf8)))
        #expect(!HTMLReader.recognizes(ArraySlice("Plain text < with a bracket".utf8)))
        #expect(!HTMLReader.recognizes(ArraySlice("<b>only one".utf8)))
    }
}
