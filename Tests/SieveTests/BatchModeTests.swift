import Foundation
import SieveTesting
import Testing

@Suite struct BatchModeTests {
    @Test func jsonLinesFilterModeRoundTrips() throws {
        let pages = """
        {"id": "page-1", "url": "https://tin.example/1", "html": "<html><head><title>Tin một</title></head><body><article><p>Đoạn văn thứ nhất của bài báo này khá dài để được giữ lại làm nội dung chính.</p></article></body></html>"}
        {"id": "page-2", "text": "Tin hai\\n\\nNội dung của bài thứ hai."}
        """
        let first = try SieveProcess.run(["convert", "-", "--container", "jsonl", "--to", "jsonl"], stdin: Data(pages.utf8))
        #expect(first.status == 0, "\(first.stderr)")
        let records = try SieveProcess.jsonLines(first.stdout)
        #expect(records.map { $0["id"] as? String } == ["page-1", "page-2"])
        #expect((records[0]["source"] as? [String: Any])?["url"] as? String == "https://tin.example/1")
        #expect((records[0]["text"] as? String)?.contains("Đoạn văn thứ nhất") == true)

        let second = try SieveProcess.run(["convert", "-", "--container", "jsonl", "--to", "jsonl"], stdin: first.stdout)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try SieveProcess.jsonLines(second.stdout)
        #expect(again.map { $0["id"] as? String } == ["page-1", "page-2"])
        #expect(again.map { $0["text"] as? String } == records.map { $0["text"] as? String })
    }

    @Test func progressIsOffWhenStandardErrorIsNotATerminalAndCanBeForced() throws {
        let quiet = try SieveProcess.run(["convert", "seeds", "--to", "jsonl"])
        #expect(!quiet.stderr.contains("\r"))
        #expect(quiet.stderr.contains("5 read, 5 written, 0 skipped, 0 dropped, 0 failed"))
        let forced = try SieveProcess.run(["convert", "seeds", "--to", "jsonl", "--progress"])
        #expect(forced.stderr.contains("docs/s"))
    }

    @Test func maxErrorsStopsTheRunWithStatusOne() throws {
        let scratch = try TemporaryDirectory()
        for index in 0..<30 { try scratch.write("in/\(index).txt", Data([0, 1, 2, 3, 0, 0, 7])) }
        let result = try SieveProcess.run(["convert", scratch.path("in"), "--to", "jsonl", "--max-errors", "3", "--jobs", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stopped after more than 3 failures (--max-errors)"))
    }

    @Test func oversizedInputsAreReportedNotParsed() throws {
        let scratch = try TemporaryDirectory()
        let big = try scratch.write("big.txt", Data(String(repeating: "chữ ", count: 10_000).utf8))
        let result = try SieveProcess.run(["convert", big, "--to", "jsonl", "--max-bytes", "1000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("larger than the --max-bytes limit of 1000 bytes"))
    }

    @Test func dedupeKeepsTheFirstCopyInInputOrderWhateverTheJobs() throws {
        let scratch = try TemporaryDirectory()
        let article = try String(contentsOf: SieveProcess.root.appendingPathComponent("seeds/003_e404581200cffbc0.txt"), encoding: .utf8)
        for index in 0..<12 {
            let text = index % 3 == 0 ? article : "Bài số \(index)\n\nMột đoạn văn riêng của bài số \(index), không giống các bài khác."
            try scratch.write(String(format: "in/%02d.txt", index), text)
        }
        for jobs in ["1", "2"] {
            let result = try SieveProcess.run(["convert", scratch.path("in"), "--to", "jsonl", "--jobs", jobs, "--stage", "nfc",
                                               "--stage", "dedupe", "--errors", scratch.path("errors-\(jobs).jsonl")])
            #expect(result.status == 0, "\(result.stderr)")
            let kept = try SieveProcess.jsonLines(result.stdout).compactMap { ($0["id"] as? String)?.split(separator: "/").last.map(String.init) }
            #expect(kept == ["00", "01", "02", "04", "05", "07", "08", "10", "11"])
            let drops = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("errors-\(jobs).jsonl"))))
            #expect(drops.count == 3)
            #expect(drops.allSatisfy { $0["kind"] as? String == "dropped" && ($0["reason"] as? String)?.hasSuffix("in/00") == true })
        }
    }
}
