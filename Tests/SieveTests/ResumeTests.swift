import Foundation
import SieveTesting
import Testing

@Suite struct ResumeTests {
    /// Light stages: resuming does not depend on which stages run, and the tests should not wait on heavy ones.
    private let stages = ["--stage", "nfc", "--stage", "whitespace", "--stage", "unwrap", "--stage", "title"]

    /// A corpus big enough that a run can be killed part-way.
    private func corpus(in scratch: TemporaryDirectory, count: Int) throws {
        let paragraph = try String(contentsOf: SieveProcess.root.appendingPathComponent("seeds/003_e404581200cffbc0.txt"), encoding: .utf8)
        for index in 0..<count {
            try scratch.write(String(format: "in/%02d/%05d.txt", index % 7, index), Data("Bài số \(index)\n\n\(paragraph)".utf8))
        }
    }

    @Test(arguments: [0.05, 0.4, 0.9])
    func aRunKilledAtAnyMomentAndResumedEqualsAnUninterruptedRun(killAfter seconds: Double) throws {
        let scratch = try TemporaryDirectory()
        try corpus(in: scratch, count: 1500)
        let reference = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("reference.jsonl"), "--jobs", "2", "-q"] + stages)
        #expect(reference.status == 0, "\(reference.stderr)")

        let output = scratch.path("out.jsonl")
        let process = Process()
        process.executableURL = SieveProcess.binary
        process.arguments = ["convert", scratch.path("in"), "-o", output, "--jobs", "2", "-q", "--errors", scratch.path("errors.jsonl")] + stages
        try process.run()
        Thread.sleep(forTimeInterval: seconds)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: output), "a killed run must not leave a complete-looking file")
        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--jobs", "2", "--resume",
                                            "--errors", scratch.path("errors.jsonl")] + stages)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: scratch.path("reference.jsonl")))
        let actual = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(actual == expected)
        #expect(try SieveProcess.jsonLines(actual).count == 1500)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix("out.jsonl.") || $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "journal and partial files are removed at the end: \(leftovers)")
    }

    @Test func ctrlCStopsPolitelyAndResumeFinishesTheRun() throws {
        let scratch = try TemporaryDirectory()
        try corpus(in: scratch, count: 1500)
        let reference = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("reference.jsonl"), "-q"] + stages)
        #expect(reference.status == 0)
        let output = scratch.path("out.jsonl")
        let process = Process()
        process.executableURL = SieveProcess.binary
        process.arguments = ["convert", scratch.path("in"), "-o", output, "-q"] + stages
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = output + ".sieve-journal"
        // Once the first item is back from its worker it is written before the stop: the resume has something to skip.
        for _ in 0..<200 where !((try? String(contentsOfFile: journal, encoding: .utf8))?.contains("{\"done\":0}") ?? false) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(FileManager.default.fileExists(atPath: output + ".sieve-journal"))
        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--resume"] + stages)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("already done (resumed)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: scratch.path("reference.jsonl"))))
    }

    @Test func resumingWithOtherStagesIsRefused() throws {
        let scratch = try TemporaryDirectory()
        try corpus(in: scratch, count: 3)
        try scratch.write("out.jsonl.sieve-journal", Data("{\"sieveJournal\":1,\"fingerprint\":\"0\"}\n".utf8))
        let result = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("out.jsonl"), "--resume"] + stages)
        #expect(result.status == 2)
        #expect(result.stderr.contains("belongs to a run with other inputs, stages or output options"))
    }

    @Test func partitionByDateWritesOneFilePerDay() throws {
        let scratch = try TemporaryDirectory()
        let jsonl = """
        {"id": "a", "html": "<html><head><meta property='article:published_time' content='2024-01-05T08:00:00+07:00'><title>A</title></head><body><p>Một</p></body></html>"}
        {"id": "b", "html": "<html><head><title>B</title></head><body><p>Hai</p></body></html>"}
        """
        let input = try scratch.write("pages.jsonl", Data(jsonl.utf8))
        let result = try SieveProcess.run(["convert", input, "-o", scratch.path("out"), "--partition-by", "date", "--to", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted()
        #expect(files == ["2024-01-05.jsonl", "undated.jsonl"])
        let day = try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/2024-01-05.jsonl"))))
        #expect(day.map { $0["id"] as? String } == ["a"])
    }
}
