import Foundation
import Testing

/// Each `samples/html/<case>/input.html` is a realistic Vietnamese news page (menus, breadcrumbs, share bar,
/// related news, comment box with captcha, sidebar, footer) built around a seed whose body was checked by
/// hand; `expected.json` holds the values a person read off the gold file. The default pipeline must give
/// exactly that title, date, body, captions, authors and school years, and none of the page chrome.
@Suite struct SampleGoldenTests {
    static let cases = ["le-chan-tong-ket", "long-bien-thcs", "thanh-tri-cong-doan"]

    @Test(arguments: cases)
    func defaultPipelineMatchesTheHandCheckedValues(sample: String) throws {
        let folder = SieveProcess.root.appendingPathComponent("samples/html/\(sample)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any])
        let result = try SieveProcess.run(["convert", folder.appendingPathComponent("input.html").path, "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])

        #expect(document["title"] as? String == expected["title"] as? String)
        #expect(document["published"] as? String == expected["published"] as? String)
        #expect(document["language"] as? String == expected["language"] as? String)
        let paragraphs = try #require(expected["paragraphs"] as? [String])
        #expect(document["text"] as? String == paragraphs.joined(separator: "\n\n"))
        let blocks = document["blocks"] as? [[String: Any]] ?? []
        // A figure's text is its picture's caption.
        let captions = blocks.filter { ["caption", "figure"].contains($0["kind"] as? String) }.compactMap { $0["text"] as? String }
            .filter { !$0.isEmpty }
        #expect(captions == (expected["captions"] as? [String] ?? []))
        #expect(document["authors"] as? [String] == (expected["authors"] as? [String] ?? []))
        let fields = document["fields"] as? [String: Any] ?? [:]
        #expect(fields["school_years"] as? [String] == expected["school_years"] as? [String])
        let text = document["text"] as? String ?? ""
        for chrome in expected["absent"] as? [String] ?? [] {
            #expect(!text.contains(chrome), "page chrome left in the text: \(chrome)")
        }
    }

    /// `expected.md` is the page's Markdown as a person read it line by line: the front matter's core
    /// fields, the article's paragraphs, its figures with their captions. The `fields:` and `diagnostics:`
    /// lines are left out of the comparison: they belong to the field extractors, which their own tests pin.
    @Test(arguments: cases)
    func markdownMatchesTheGoldenFile(sample: String) throws {
        let folder = "samples/html/\(sample)"
        let result = try SieveProcess.run(["convert", "\(folder)/input.html", "--to", "markdown", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("fields: ") && !$0.hasPrefix("diagnostics: ") }
        let expected = try String(contentsOf: SieveProcess.root.appendingPathComponent("\(folder)/expected.md"), encoding: .utf8)
        #expect(lines.joined(separator: "\n") == expected)
    }

    @Test func theWindows1258PageIsDecodedWithoutMojibake() throws {
        let page = SieveProcess.root.appendingPathComponent("samples/html/thanh-tri-cong-doan/input.html")
        #expect((try? String(contentsOf: page, encoding: .utf8)) == nil, "the sample must really be windows-1258 bytes, not UTF-8")
        let result = try SieveProcess.run(["convert", page.path, "--to", "json"])
        let document = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect((document?["text"] as? String)?.contains("Nguyễn Xuân Phong – Phó Bí thư Huyện uỷ") == true)
    }
}
