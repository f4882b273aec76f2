import Foundation
import SieveTesting
import Testing

/// One batch over a folder of hostile inputs, run as a user would: each input is converted with its text
/// kept or fails with an error naming it, and the batch finishes. Sizes are cut down for the debug build;
/// `scripts/hostile-batch` runs the full-size versions (10^6 paragraphs, a 200 MB line, a 1 GB gzip bomb)
/// on the release build and checks peak memory.
@Suite struct HostileBatchTests {
    /// A WARC response record around an HTTP message; `length` may lie.
    static func warcRecord(_ http: String, length: String? = nil) -> Data {
        let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\n"
            + "Content-Length: \(length ?? String(http.utf8.count))\r\n\r\n"
        return Data((header + http + "\r\n\r\n").utf8)
    }

    static let goodRecord = warcRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Good record.</p></body></html>")

    private func gzip(_ data: Data, in scratch: TemporaryDirectory) throws -> Data {
        let path = try scratch.write("raw.bin", data)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-f", "-1", path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
    }

    @Test func everyHostileInputIsConvertedOrNamedInTheErrorReport() throws {
        let scratch = try TemporaryDirectory()
        let files: [String: Data] = [
            "deep.html": Data(("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Sâu lắm</p>"
                + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8),
            "many-p.html": Data(("<html><body>" + String(repeating: "<p>Đoạn văn.</p>", count: 20_000) + "</body></html>").utf8),
            "long-line.txt": Data(String(repeating: "Một dòng rất dài ", count: 30_000).utf8),
            "bomb.html.gz": try gzip(Data(count: 64 << 20), in: scratch),
            "lying-meta.html": Data(#"<html><head><meta charset="shift_jis"></head><body><p>Tiếng Việt có dấu đầy đủ.</p></body></html>"#.utf8),
            "lying-utf16.html": Data(#"<html><head><meta charset="utf-16"></head><body><p>Plain ASCII page.</p></body></html>"#.utf8),
            "xxe.html": Data(("<!DOCTYPE html [<!ENTITY e SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<html><body><p>Entities &e; &c; end.</p></body></html>").utf8),
            "nul.html": Data("<html><body><p>Trước\0sau</p>\0<p>Hai</p></body></html>".utf8),
            "nul-text.txt": Data("Dòng một\0có NUL.\nDòng hai.\n".utf8),
            "script-lookalike.html": Data(("<html><body><script>var a = \"</scrip\"; var b = \"<\\/script>\";</script><p>Hiện ra.</p>"
                + "<scripty>Thẻ lạ.</scripty><script>document.write(\"</scr\" + \"ipt>\")</script ><p>Cuối.</p></body></html>").utf8),
            "stray-end.html": Data("<html><body><p>Trong.</p></body></html><p>Sau thẻ đóng.</p>".utf8),
            "truncated.warc": Self.goodRecord + Self.goodRecord.prefix(Self.goodRecord.count - 40),
            "lying.warc": Self.warcRecord("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n<p>x</p>\r\n0\r\n\r\n")
                + Self.goodRecord + Self.warcRecord("<p>x</p>", length: String(Int.max)),
        ]
        for (name, data) in files { try scratch.write("in/\(name)", data) }
        try? FileManager.default.removeItem(atPath: scratch.path("raw.bin.gz"))
        let result = try SieveProcess.run(["convert", scratch.path("in"), "--to", "jsonl", "-o", scratch.path("out.jsonl"),
                                           "--errors", scratch.path("errors.jsonl"), "--max-bytes", String(16 << 20)])
        #expect(result.status == 1, "\(result.stderr)")

        let documents = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out.jsonl"))))
        var texts: [String: [String]] = [:]
        for document in documents {
            let id = (document["id"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            texts[String(id.split(separator: "#").first ?? ""), default: []].append(document["text"] as? String ?? "")
        }
        #expect(texts["deep"] == ["Sâu lắm"])
        #expect(texts["many-p"]?.first?.components(separatedBy: "Đoạn văn.").count == 20_001)
        #expect(texts["long-line"]?.first?.hasPrefix("Một dòng rất dài Một dòng") == true)
        #expect(texts["long-line"]?.first?.utf8.count ?? 0 > 500_000)
        #expect(texts["lying-meta"] == ["Tiếng Việt có dấu đầy đủ."])
        #expect(texts["lying-utf16"] == ["Plain ASCII page."])
        let xxe = texts["xxe"]?.first ?? ""
        #expect(xxe.contains("end.") && !xxe.contains("root:") && !xxe.contains(String(repeating: "a", count: 100)))
        #expect(texts["nul"] == ["Trướcsau\n\nHai"])
        #expect(texts["script-lookalike"] == ["Hiện ra.\n\nThẻ lạ.\n\nCuối."])
        #expect(texts["stray-end"] == ["Trong.\n\nSau thẻ đóng."])
        #expect(texts["truncated"] == ["Good record."])
        #expect(texts["lying"] == ["Good record."])

        let errors = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("errors.jsonl"))))
        let reasons = errors.map { error -> String in
            let input = (error["input"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            return "\(input): \(error["reason"] as? String ?? "")"
        }.sorted()
        #expect(reasons.count == 5, "\(reasons)")
        #expect(reasons.contains("bomb.html.gz: decompressed size exceeds the --max-bytes limit of 16777216 bytes"))
        #expect(reasons.contains { $0.hasPrefix("lying.warc: HTTP chunked body: '-5' at byte") })
        #expect(reasons.contains { $0.hasPrefix("lying.warc: record of \(Int.max) bytes exceeds the --max-bytes limit") })
        #expect(reasons.contains { $0.hasPrefix("nul-text.txt:") && $0.contains("NUL") })
        #expect(reasons.contains { $0.hasPrefix("truncated.warc: truncated record") })
    }
}
