import Foundation
import SieveTesting
import Testing

@Suite struct BadInputTests {
    @Test func aBatchWithBrokenInputsConvertsTheRestAndNamesEachFailure() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/good.txt", Data("Một bài báo ngắn.\n\nĐoạn thứ hai.".utf8))
        try scratch.write("in/empty.txt", Data())
        try scratch.write("in/binary.txt", Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        var state: UInt32 = 7
        try scratch.write("in/junk.html", Data((0..<5000).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }))
        try scratch.write("in/invalid.txt", Data([0x48, 0x61, 0xFF, 0xFE, 0x20, 0x6E, 0xE1, 0xBB]))
        try scratch.write("in/truncated.html", Data("<html><head><title>Cắt</title></head><body><p>Đoạn văn bị cắt giữa chừng <b>và".utf8))
        try scratch.write("in/deep.html", Data(("<html><body>" + String(repeating: "<div>", count: 5000) + "<p>Sâu lắm</p>"
            + String(repeating: "</div>", count: 5000) + "</body></html>").utf8))
        let missing = scratch.path("in/missing.txt")
        let result = try SieveProcess.run(["convert", scratch.path("in"), missing, "--to", "jsonl", "-o", scratch.path("out.jsonl"),
                                           "--errors", scratch.path("errors.jsonl")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("binary.txt"))
        #expect(result.stderr.contains("junk.html: binary data, not text or HTML"))
        #expect(result.stderr.contains("missing.txt: input: no such file or directory"))
        let documents = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out.jsonl"))))
        let texts = Dictionary(uniqueKeysWithValues: documents.map { (($0["id"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "", $0["text"] as? String ?? "") })
        #expect(texts["good"]?.contains("Đoạn thứ hai.") == true)
        #expect(texts["invalid"]?.contains("\u{FFFD}") == true)
        #expect(texts["truncated"]?.contains("Đoạn văn bị cắt giữa chừng") == true)
        #expect(texts["deep"]?.contains("Sâu lắm") == true)
        let errors = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("errors.jsonl"))))
        let failedInputs = Set(errors.compactMap { ($0["input"] as? String)?.split(separator: "/").last.map(String.init) })
        #expect(failedInputs.isSuperset(of: ["binary.txt", "junk.html", "missing.txt", "empty.txt"]))
        #expect(errors.allSatisfy { $0["stage"] is String && $0["reason"] is String })
    }

    @Test func anUnknownStageFailsBeforeAnyInputIsReadOrOutputWritten() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "unwarp", "-o", scratch.path("out.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--stage: unknown normalizer, extractor or filter 'unwarp' (did you mean 'unwrap'?)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func aBadOptionNamesTheStageAndOption() throws {
        let result = try SieveProcess.run(["convert", "seeds", "--to", "csv:colums=id"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("stage 'csv' has no option 'colums' (did you mean 'columns'?)"))
    }

    @Test func anUnwritableOutputFailsAtOnce() throws {
        let result = try SieveProcess.run(["convert", "seeds", "-o", "/nonexistent-sieve-dir/out.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write /nonexistent-sieve-dir/out.jsonl"))
    }

    @Test func standardInputIsReadWithAForcedReader() throws {
        let result = try SieveProcess.run(["convert", "-", "--from", "html", "--to", "jsonl"],
                                          stdin: Data("<html><head><title>Tin nhanh</title></head><body><p>Nội dung.</p></body></html>".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try SieveProcess.jsonLines(result.stdout)
        #expect(records.first?["title"] as? String == "Tin nhanh")
        #expect(records.first?["id"] as? String == "stdin")
    }
}
