import Foundation
import SieveTesting
import Testing

/// `sieve convert --profile`: after the run, the CPU time of every stage of the pipeline on standard error,
/// in-process and with isolated workers (which send their times back to the run).
@Suite struct ProfileTests {
    /// Rows of the profile table on standard error: name and total milliseconds, the `total` row last.
    private func rows(_ stderr: String) throws -> [(name: String, milliseconds: Double, share: Double)] {
        let lines = stderr.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("profile: CPU time by stage") }, "\(stderr)")
        return try lines[(start + 2)...].map { line in
            let columns = line.split(separator: " ").map(String.init)
            let name = columns.dropLast(3).joined(separator: " ")
            let total = try #require(Double(columns[columns.count - 3]), "\(line)")
            let share = try #require(Double(columns[columns.count - 1].dropLast()), "\(line)")
            return (name, total, share)
        }
    }

    private func page(_ paragraph: String) -> String {
        """
        <html><head><title>Một bài báo</title></head><body><article><h1>Một bài báo</h1>
        <p>\(paragraph) Đây là đoạn văn đầu tiên của bài báo, đủ dài để được giữ lại trong nội dung chính.</p>
        <p>Đoạn thứ hai nói thêm về sự kiện, với nhiều chi tiết, con số và lời kể của người dân địa phương.</p>
        </article></body></html>
        """
    }

    @Test(arguments: ["--isolate", "--no-isolate"])
    func everyStageIsListedAndASlowStageHasTheLargestShare(isolation: String) throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/1.html", page("Mở đầu."))
        try scratch.write("in/2.html", page("sieve-debug-fault:slow"))
        try scratch.write("in/3.html", page("Kết thúc."))
        let result = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("out.jsonl"), "--jobs", "1",
                                           "--debug-faults", "--profile", isolation])
        #expect(result.status == 0, "\(result.stderr)")
        let table = try rows(result.stderr)
        let names = table.map(\.name)
        let expected = ["input", "html", "html: parse", "debug-fault", "main-content", "metadata", "language", "nfc", "whitespace",
                        "unwrap", "boilerplate-lines", "title", "published", "dates", "school-years", "people", "organizations",
                        "places"] + (isolation == "--isolate" ? ["isolation"] : []) + ["jsonl", "total"]
        #expect(names == expected, "\(result.stderr)")
        #expect(table.allSatisfy { $0.milliseconds >= 0 && $0.share >= 0 })
        let stages = table.dropLast()
        let total = try #require(table.last).milliseconds
        // Each row is rounded to 0.1 ms.
        #expect(abs(stages.map(\.milliseconds).reduce(0, +) - total) <= 0.05 * Double(stages.count) + 0.05, "\(result.stderr)")
        #expect(stages.max { $0.milliseconds < $1.milliseconds }?.name == "debug-fault", "\(result.stderr)")
        #expect(try #require(stages.first { $0.name == "debug-fault" }).milliseconds >= 300)
        #expect(try #require(stages.first { $0.name == "html: parse" }).milliseconds > 0)
        #expect(result.stderr.contains("over 3 input(s)"))
    }

    @Test func withoutTheFlagThereIsNoProfile() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/1.html", page("Mở đầu."))
        let result = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("out.jsonl")])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("profile:"))
    }
}
