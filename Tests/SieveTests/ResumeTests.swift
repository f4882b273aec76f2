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
        let process = try SieveProcess.start(["convert", scratch.path("in"), "-o", output, "--jobs", "2", "-q", "--errors",
                                              scratch.path("errors.jsonl")] + stages, quiet: false)
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
        let process = try SieveProcess.start(["convert", scratch.path("in"), "-o", output, "-q"] + stages)
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
        try scratch.write("out.jsonl.sieve-journal", Data("{\"sieveJournal\":2,\"fingerprint\":\"0\"}\n".utf8))
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

    /// Five small articles, the middle one a `.gz` file that is not gzip (it fails), for `--fail-fast` runs.
    private func foldWithABadFile(in scratch: TemporaryDirectory) throws {
        for name in ["a", "b", "d", "e"] {
            try scratch.write("rs/\(name).txt", Data("Article \(name)\n\nThe council met on Tuesday to discuss the new budget for the town.\n".utf8))
        }
        try scratch.write("rs/c.txt.gz", Data("not gzip at all".utf8))
    }

    private func ids(_ path: String) throws -> [String] {
        try SieveProcess.jsonLines(atPath: path).compactMap { $0["id"] as? String }
    }

    @Test func resumeAfterAnInputIsAddedBeforeTheDonePartIsRefusedNamingIt() throws {
        let scratch = try TemporaryDirectory()
        try foldWithABadFile(in: scratch)
        let command = ["convert", scratch.path("rs"), "-o", scratch.path("rs.jsonl"), "--fail-fast", "--jobs", "1"] + stages
        let first = try SieveProcess.run(command)
        #expect(first.status == 1, "\(first.stderr)")
        try scratch.write("rs/0.txt", Data("Article zero\n\nThe mayor opened the new library on Monday morning.\n".utf8))
        try FileManager.default.removeItem(atPath: scratch.path("rs/c.txt.gz"))
        try scratch.write("rs/c.txt", Data("Article c\n\nThe river rose after three days of rain in the valley.\n".utf8))

        let resumed = try SieveProcess.run(command + ["--resume"])
        #expect(resumed.status == 2, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("c.txt.gz") && resumed.stderr.contains("inputs were added, removed, renamed"), "\(resumed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("rs.jsonl")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("rs.jsonl.sieve-journal")), "the refused resume keeps the journal")

        let fresh = try SieveProcess.run(command.filter { $0 != "--fail-fast" })
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try ids(scratch.path("rs.jsonl")).count == 6)
    }

    @Test func resumeAfterAnInputIsAddedAfterTheDonePartConvertsIt() throws {
        let scratch = try TemporaryDirectory()
        try foldWithABadFile(in: scratch)
        let command = ["convert", scratch.path("rs"), "-o", scratch.path("rs.jsonl"), "--fail-fast", "--jobs", "1"] + stages
        #expect(try SieveProcess.run(command).status == 1)
        try scratch.write("rs/f.txt", Data("Article f\n\nThe harbour reopened after the storm passed on Friday.\n".utf8))
        let resumed = try SieveProcess.run(command + ["--resume"])
        #expect(resumed.status == 1, "the earlier failure still counts: \(resumed.stderr)")
        #expect(try ids(scratch.path("rs.jsonl")).count == 5)
    }

    @Test func failuresBeforeAResumeCountInItsSummaryAndExitStatus() throws {
        let scratch = try TemporaryDirectory()
        try foldWithABadFile(in: scratch)
        let command = ["convert", scratch.path("rs"), "-o", scratch.path("rs.jsonl"), "--jobs", "1",
                       "--errors", scratch.path("rs.err")] + stages
        let first = try SieveProcess.run(command + ["--fail-fast"])
        #expect(first.status == 1)
        #expect(first.stderr.contains(scratch.path("rs.err.partial")), "the stop names every kept file: \(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("rs.err.partial")))

        let resumed = try SieveProcess.run(command + ["--resume"])
        #expect(resumed.status == 1, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("0 dropped, 1 failed, 3 already done (resumed; 1 of the failures were among them)"), "\(resumed.stderr)")
        #expect(try ids(scratch.path("rs.jsonl")).count == 4)
        let errors = try String(contentsOfFile: scratch.path("rs.err"), encoding: .utf8)
        #expect(errors.contains("c.txt.gz"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("rs.err.partial")))
    }

    @Test func aWriteErrorIsReportedOnceAndIsNotTakenForACrashByTheResume() throws {
        let scratch = try TemporaryDirectory()
        try corpus(in: scratch, count: 300)
        let output = scratch.path("out.jsonl")
        let process = Process()
        let stderr = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 100 blocks of 512 or 1024 bytes (the shell's unit): far less than the 300 articles' output.
        process.arguments = ["-c", "ulimit -f 100 && exec \"$0\" \"$@\"", SieveProcess.binary.path,
                             "convert", scratch.path("in"), "-o", output, "--jobs", "2"] + stages
        process.standardError = stderr
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.components(separatedBy: "File too large").count == 2, "reported once: \(message)")

        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--jobs", "2", "--resume"] + stages)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(!resumed.stderr.contains("ended abruptly"), "\(resumed.stderr)")
        #expect(try ids(output).count == 300)
    }
}
