import Foundation
import Glibc
import SieveTesting
import Testing

@Suite struct InputWalkTests {
    @Test func aMixedFolderReadsItsPagesAndAccountsForEveryOtherEntry() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a/good.html", "<html><head><title>Trang</title></head><body><p>Một trang HTML có nội dung.</p></body></html>")
        try scratch.write("in/a/good.txt", "Một bài văn bản.\n\nĐoạn thứ hai.")
        try scratch.write("in/logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]))
        try scratch.write("in/LICENSE", "MIT")
        try scratch.write("in/fake.txt.gz", "plain text under a .gz name")
        try scratch.write("in/out.jsonl.partial", "{}")
        #expect(mkfifo(scratch.path("in/pipe.html"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("in/gone.txt"), withDestinationPath: "missing.txt")
        let result = try SieveProcess.run(["convert", "in", "-o", "out.jsonl", "--errors", "errors.jsonl"], in: scratch.url)
        #expect(result.status == 1)
        let ids = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out.jsonl")))).compactMap { $0["id"] as? String }
        #expect(ids == ["in/a/good.html", "in/a/good.txt"])
        let errors = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("errors.jsonl"))))
        let reasons = Dictionary(uniqueKeysWithValues: errors.map { ($0["input"] as? String ?? "", $0["reason"] as? String ?? "") })
        #expect(reasons.keys.sorted() == ["in/fake.txt.gz", "in/gone.txt", "in/pipe.html"])
        #expect(reasons["in/pipe.html"] == "a FIFO (named pipe), not a regular file: not read")
        #expect(reasons["in/gone.txt"] == "a symbolic link to a missing target (missing.txt)")
        #expect(result.stderr.contains("a Sieve working file (.partial or .sieve-journal): 1"))
        #expect(result.stderr.contains("not a known input format (.png): 1"))
        #expect(result.stderr.contains("not a known input format (no extension): 1"))
    }

    @Test func includeReadsFilesOfAnyNameFromFolders() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/notes.md", "Ghi chú.\n\nMột đoạn văn.")
        try scratch.write("in/page.txt", "Một bài.")
        let result = try SieveProcess.run(["convert", "in", "--include", "*.md", "--from", "text", "--to", "jsonl"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SieveProcess.jsonLines(result.stdout).compactMap { $0["id"] as? String } == ["in/notes"])
    }

    @Test func aRecordsAddressFillsTheDocumentURL() throws {
        let scratch = try TemporaryDirectory()
        let page = "<html><head><title>Tin</title></head><body><article><p>Một đoạn văn đủ dài để được giữ lại trong bài báo này.</p></article></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://tin.example/2024/05/06/bai.html\r\n"
            + "WARC-Date: 2024-05-06T10:00:00Z\r\nContent-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
        try scratch.write("crawl.warc", warc)
        try scratch.write("pages.jsonl", #"{"id": "p1", "url": "https://tin.example/p1", "text": "Một bài.\n\nĐoạn văn."}"# + "\n")
        let result = try SieveProcess.run(["convert", "crawl.warc", "pages.jsonl", "--to", "jsonl"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let urls = try SieveProcess.jsonLines(result.stdout).map { $0["url"] as? String }
        #expect(urls == ["https://tin.example/2024/05/06/bai.html", "https://tin.example/p1"])
    }
}
