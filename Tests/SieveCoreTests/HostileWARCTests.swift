import Foundation
import SieveTesting
import Testing
@testable import SieveCore

/// WARC records whose sizes and framing lie: each fails alone with a reason naming the record, and the
/// good record after it is still read.
@Suite struct HostileWARCTests {
    /// A WARC response record around `http` (an HTTP message), declaring `length` (default: the true size).
    private func record(http: [UInt8], length: String? = nil, uri: String = "https://a.example/x") -> [UInt8] {
        let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(length ?? String(http.count))\r\n\r\n"
        return Array(header.utf8) + http + Array("\r\n\r\n".utf8)
    }

    private func response(headers: String = "", body: [UInt8]) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\(headers)\r\n".utf8) + body
    }

    private var good: [UInt8] {
        record(http: response(body: Array("<html><body><p>Good page</p></body></html>".utf8)), uri: "https://a.example/good")
    }

    /// The items of a WARC file made of `records`, read with `maxBytes`.
    private func items(_ bytes: [UInt8], maxBytes: Int = 1 << 20) throws -> [WorkItem] {
        let directory = try TemporaryDirectory()
        let path = try directory.write("hostile.warc", Data(bytes))
        return Array(WARCRecords(path: path, idPrefix: "hostile", maxBytes: maxBytes))
    }

    private func failureReason(_ item: WorkItem?) -> String? {
        if case .failed(let failure)? = item { return "\(failure.input)@\(failure.offset ?? -1): \(failure.reason)" }
        return nil
    }

    private func goodURL(_ item: WorkItem?) -> String? {
        if case .record(let input, _)? = item, String(decoding: input.bytes, as: UTF8.self).contains("Good page") { return input.url }
        return nil
    }

    @Test(arguments: [String(Int.max), String(Int.max - 1), String(1 << 40)])
    func aDeclaredLengthFarBeyondTheLimitIsSkippedWithoutReservingIt(length: String) throws {
        let lying = record(http: response(body: Array("<p>short</p>".utf8)), length: length)
        let result = try items(lying + good)
        let reason = try #require(failureReason(result.first))
        #expect(reason.contains("hostile.warc@0"))
        #expect(reason.contains("record of \(length) bytes exceeds the --max-bytes limit of 1048576"))
        #expect(reason.contains("truncated"))
        #expect(result.count == 1, "the lying record swallows the rest of the file, as its length says")
    }

    /// A 0-byte WARC (or one of blank lines) is usually a failed download: it fails as an empty input, as an
    /// empty page does, instead of passing silently as "0 read".
    @Test(arguments: [[UInt8](), Array("\r\n\n\r\n".utf8)])
    func aWARCHoldingNoRecordFailsAsEmpty(bytes: [UInt8]) throws {
        let result = try items(bytes)
        #expect(result.count == 1)
        #expect(failureReason(result.first)?.hasSuffix("hostile.warc@-1: empty input: the file holds no WARC record") == true)
    }

    @Test func aWARCWithRecordsEndsWithoutAFailure() throws {
        let result = try items(good + good)
        #expect(result.count == 2)
        #expect(result.allSatisfy { goodURL($0) == "https://a.example/good" })
    }

    @Test func aRefusedRecordIsSkippedAndTheNextOneRead() throws {
        let big = record(http: response(body: [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20)))
        let result = try items(big + good)
        #expect(result.count == 2)
        #expect(failureReason(result.first)?.contains("exceeds the --max-bytes limit") == true)
        #expect(goodURL(result.last) == "https://a.example/good")
    }

    @Test(arguments: [
        ("-5", "'-5' at byte"),
        ("-7fffffffffffffff", "is not a chunk size"),
        ("7fffffffffffffff", "is not a chunk size"),
        ("fffffffffffffff", "declares 1152921504606846975 bytes but only"),
        ("ffffffffffffffffffff", "is not a chunk size"),
        ("zz", "is not a chunk size"),
        ("", "is not a chunk size"),
        ("40", "declares 64 bytes but only"),
    ])
    func aLyingChunkSizeFailsTheRecordAlone(size: String, expected: String) throws {
        let body = Array("\(size)\r\n<p>chunk</p>\r\n0\r\n\r\n".utf8)
        let result = try items(record(http: response(headers: "Transfer-Encoding: chunked\r\n", body: body)) + good)
        #expect(result.count == 2)
        let reason = try #require(failureReason(result.first))
        #expect(reason.hasPrefix(result.first!.path + "@0: HTTP chunked body"))
        #expect(reason.contains(expected))
        #expect(goodURL(result.last) == "https://a.example/good")
    }

    @Test func chunkedBodiesWithExtensionsAndACutOffEndAreDecoded() throws {
        let whole = Array("4;name=x\r\n<p>W\r\n0007 \r\niki</p>\r\n0\r\nTrailer: y\r\n\r\n".utf8)
        let cutOff = Array("4\r\n<p>C\r\n6\r\nut</p>\r\n".utf8)
        let result = try items(record(http: response(headers: "Transfer-Encoding: chunked\r\n", body: whole))
            + record(http: response(headers: "Transfer-Encoding: chunked\r\n", body: cutOff)))
        let bodies = result.compactMap { item -> String? in
            if case .record(let input, _) = item { return String(decoding: input.bytes, as: UTF8.self) }
            return nil
        }
        #expect(bodies == ["<p>Wiki</p>", "<p>Cut</p>"])
    }

    @Test func aGzipBombInTheBodyFailsAtTheLimit() throws {
        let bomb = try GzipTool.compress([UInt8](repeating: 0, count: 8 << 20), level: 9)
        #expect(bomb.count < 20_000)
        let result = try items(record(http: response(headers: "Content-Encoding: gzip\r\n", body: bomb)) + good)
        #expect(result.count == 2)
        #expect(failureReason(result.first)?.contains("exceeds the --max-bytes limit of 1048576") == true)
        #expect(goodURL(result.last) == "https://a.example/good")
    }

    @Test func aBrokenGzipContentEncodingFailsTheRecordAlone() throws {
        let broken: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF]
        let result = try items(record(http: response(headers: "Content-Encoding: gzip\r\n", body: broken)) + good)
        #expect(result.count == 2)
        #expect(failureReason(result.first)?.contains("HTTP body with Content-Encoding gzip") == true)
        #expect(goodURL(result.last) == "https://a.example/good")
    }

    @Test func aBodyAlreadyDecodedDespiteItsGzipHeaderIsKept() throws {
        let result = try items(record(http: response(headers: "Content-Encoding: gzip\r\n", body: Array("<p>plain</p>".utf8))))
        guard case .record(let input, _)? = result.first else {
            Issue.record("expected a record, got \(result)")
            return
        }
        #expect(String(decoding: input.bytes, as: UTF8.self) == "<p>plain</p>")
    }

    @Test func anEndlessHeaderBlockFailsWithItsOffset() throws {
        let header = "WARC/1.0\r\n" + String(repeating: "X-Filler: 0123456789012345678901234567890123456789\r\n", count: 30_000)
        let result = try items(Array(header.utf8))
        #expect(result.count == 1)
        #expect(failureReason(result.first)?.contains("WARC header block passes 1048576 bytes") == true)
    }

    @Test(arguments: [10, 60, 200])
    func aTruncatedRecordFailsAlone(cut: Int) throws {
        let whole = good
        let result = try items(good + Array(whole.prefix(whole.count - cut)))
        #expect(result.count == 2)
        #expect(goodURL(result.first) == "https://a.example/good")
        #expect(failureReason(result.last) != nil)
    }

    @Test func chunkSizesAreReadWithoutOverflow() {
        #expect(ChunkedBody.size(of: ArraySlice("1a3F".utf8)) == 0x1A3F)
        #expect(ChunkedBody.size(of: ArraySlice(" 10 ;ext=1\r".utf8)) == 16)
        #expect(ChunkedBody.size(of: ArraySlice("000000000000000000000000001".utf8)) == 1)
        #expect(ChunkedBody.size(of: ArraySlice("fffffffffffffff".utf8)) == (1 << 60) - 1)
        #expect(ChunkedBody.size(of: ArraySlice("1000000000000000".utf8)) == nil)
        #expect(ChunkedBody.size(of: ArraySlice("-1".utf8)) == nil)
        #expect(ChunkedBody.size(of: ArraySlice("+1".utf8)) == nil)
        #expect(ChunkedBody.size(of: ArraySlice("1 2".utf8)) == nil)
        #expect(ChunkedBody.size(of: ArraySlice(";".utf8)) == nil)
    }
}
