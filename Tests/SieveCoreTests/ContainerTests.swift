import Foundation
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct ContainerTests {
    /// One WARC record with an HTTP response inside.
    private func record(type: String = "response", uri: String, status: Int = 200, contentType: String = "text/html; charset=ISO-8859-1",
                        body: String) -> Data {
        let http = "HTTP/1.1 \(status) OK\r\nContent-Type: \(contentType)\r\nServer: test\r\n\r\n\(body)"
        let block = Data(http.utf8)
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        header += "Content-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n"
        return Data(header.utf8) + block + Data("\r\n\r\n".utf8)
    }

    private func gzip(_ data: Data) throws -> Data {
        Data(try GzipTool.compress(Array(data)))
    }

    @Test func warcGzRecordsAreStreamedSkippedAndTruncationReported() throws {
        let directory = try TemporaryDirectory()
        let records = [
            record(type: "warcinfo", uri: "", body: "software: test"),
            record(uri: "https://a.example/1", body: "<html><body><p>Một</p></body></html>"),
            record(uri: "https://a.example/logo.png", contentType: "image/png", body: "PNG"),
            record(uri: "https://a.example/gone", status: 404, body: "<html>gone</html>"),
            record(uri: "https://a.example/2", body: "<html><body><p>Hai</p></body></html>"),
        ]
        var file = Data()
        for record in records { file += try gzip(record) }
        let truncated = record(uri: "https://a.example/3", body: String(repeating: "<p>x</p>", count: 400))
        file += try gzip(truncated.prefix(truncated.count - 200))
        let path = try directory.write("crawl.warc.gz", file)

        let items = Array(WARCRecords(path: path, idPrefix: "crawl", maxBytes: 1 << 20))
        #expect(items.count == 6)
        guard case .skipped(let info) = items[0], case .record(let first, let reader) = items[1],
              case .skipped(let png) = items[2], case .skipped(let missing) = items[3],
              case .record(let second, _) = items[4], case .failed(let failure) = items[5] else {
            Issue.record("unexpected items: \(items)")
            return
        }
        #expect(info == "WARC warcinfo record")
        #expect(png == "not HTML (image/png)")
        #expect(missing == "HTTP status 404")
        #expect(reader == "html")
        #expect(String(decoding: first.bytes, as: UTF8.self) == "<html><body><p>Một</p></body></html>")
        #expect(first.url == "https://a.example/1")
        #expect(first.declaredCharset == "ISO-8859-1")
        #expect(first.date == "2024-03-01T10:00:00Z")
        #expect(first.id == "crawl#\(first.offset!)")
        #expect(second.offset! > first.offset!)
        #expect(failure.reason.contains("truncated"))
    }

    @Test func plainWarcReadsTheSameRecords() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("crawl.warc", record(uri: "https://a.example/1", body: "<p>x</p>") + record(uri: "https://a.example/2", body: "<p>y</p>"))
        let urls = WARCRecords(path: path, idPrefix: "c", maxBytes: 1 << 20).compactMap { item -> String? in
            if case .record(let input, _) = item { return input.url }
            return nil
        }
        #expect(urls == ["https://a.example/1", "https://a.example/2"])
    }

    @Test func jsonLinesRecordsCarryTheirIdsAndBadLinesFailAlone() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("pages.jsonl", """
        {"id": "a1", "url": "https://x/1", "html": "<p>một</p>"}
        not json

        {"text": "plain words"}
        {"id": "b", "title": "no body"}
        """)
        let items = Array(JSONLinesRecords(path: path, idPrefix: "pages", maxBytes: 1 << 20))
        #expect(items.count == 4)
        if case .record(let input, let reader) = items[0] {
            #expect(input.id == "a1")
            #expect(reader == "html")
            #expect(input.url == "https://x/1")
        } else { Issue.record("first line should be a record") }
        if case .failed(let failure) = items[1] { #expect(failure.reason == "line 2: not a JSON object") } else { Issue.record("line 2 should fail") }
        if case .record(let input, let reader) = items[2] {
            #expect(reader == "text")
            #expect(input.id.hasPrefix("pages#"))
        } else { Issue.record("line 4 should be a record") }
        if case .failed(let failure) = items[3] { #expect(failure.reason.contains("neither")) } else { Issue.record("line 5 should fail") }
    }

    @Test func shardsCoverEveryInputExactlyOnce() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<60 { try directory.write("d\(index % 4)/page\(index).html", "<p>\(index)</p>") }
        var seen: [String] = []
        for shard in 0..<3 {
            var selection = InputSource.Selection()
            selection.paths = [directory.url.path]
            selection.shard = (shard, 3)
            let paths = InputSource(selection).map(\.path)
            #expect(paths.count > 5)
            seen += paths
        }
        #expect(seen.count == 60)
        #expect(Set(seen).count == 60)
    }

    @Test func includeAndExcludeGlobsFilterWalkedFiles() throws {
        let directory = try TemporaryDirectory()
        for path in ["a.html", "b.txt", "drafts/c.html", "d.htm"] { try directory.write(path, "x") }
        var selection = InputSource.Selection()
        selection.paths = [directory.url.path]
        selection.include = ["*.html", "*.htm"]
        selection.exclude = ["*/drafts/*"]
        let items = Array(InputSource(selection))
        let names = items.compactMap { item -> String? in
            guard case .file(let ref) = item else { return nil }
            return ref.path.split(separator: "/").last.map(String.init)
        }
        #expect(names == ["a.html", "d.htm"])
        let skips = items.compactMap { item -> String? in
            guard case .skipped(let reason) = item else { return nil }
            return reason
        }
        #expect(skips.sorted() == ["matched by --exclude", "not matched by --include"])
    }

    @Test func filesFromListsPathsLazily() throws {
        let directory = try TemporaryDirectory()
        let a = try directory.write("a.txt", "x")
        let b = try directory.write("b.txt", "y")
        let list = try directory.write("list.txt", "\(b)\n# a comment\n\n\(a)\n\(directory.path("missing.txt"))\n")
        var selection = InputSource.Selection()
        selection.filesFrom = list
        let items = Array(InputSource(selection))
        #expect(items.map(\.path) == [b, a, directory.path("missing.txt")])
        if case .failed(let failure) = items[2] { #expect(failure.reason == "no such file or directory") } else { Issue.record("missing path should fail") }
    }
}
