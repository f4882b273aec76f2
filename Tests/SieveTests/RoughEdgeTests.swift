import Foundation
@testable import Sieve
import SieveCore
import SieveTesting
import Testing

/// The edges a new user hits first (issue 14): each message says what is wrong in the user's terms.
@Suite struct RoughEdgeTests {
    /// A worker that logs a line per document and fails on seed 002 with a Python traceback.
    static let tracebackWorker = """
        import json, sys
        hello = json.loads(sys.stdin.readline())
        print(json.dumps({"protocol": 1, "ok": True, "name": "tracer"}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            print("tracer working on " + request["document"]["id"], file=sys.stderr, flush=True)
            if "002" in request["document"]["id"]:
                raise ValueError("cannot cope with this page")
            print(json.dumps({"id": request["id"], "document": request["document"]}), flush=True)
        """

    @Test func evalOfAMissingFolderSaysThereIsNoSuchFolder() throws {
        let scratch = try TemporaryDirectory()
        let missing = scratch.path("no-such-set")
        let result = try SieveProcess.run(["eval", missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such folder: \(missing)"), "\(result.stderr)")
        #expect(!result.stderr.contains("no .html"))
        let file = try scratch.write("page.html", "<p>x</p>")
        let notAFolder = try SieveProcess.run(["eval", file])
        #expect(notAFolder.stderr.contains("\(file) is a file, not an evaluation set folder"), "\(notAFolder.stderr)")
    }

    @Test func quietSilencesTheLogLinesOfExecWorkers() throws {
        let scratch = try TemporaryDirectory()
        let worker = try scratch.write("tracer.py", Self.tracebackWorker)
        let stage = "exec:command=python3|\(worker)"
        let loud = try SieveProcess.run(["convert", "seeds", "--stage", stage, "-o", scratch.path("loud.jsonl")])
        #expect(loud.stderr.contains("tracer working on seeds/000"), "the worker's lines are logged without --quiet: \(loud.stderr)")
        let quiet = try SieveProcess.run(["convert", "seeds", "--stage", stage, "-o", scratch.path("quiet.jsonl"), "--quiet"])
        #expect(quiet.status == 1)
        #expect(!quiet.stderr.contains("tracer working on"), "\(quiet.stderr)")
        #expect(quiet.stderr.contains("1 failed"), "a failure still shows under --quiet: \(quiet.stderr)")
    }

    @Test func aFailingWorkersTracebackIsShownOnceOnTheConsoleAndKeptInTheErrorsFile() throws {
        let scratch = try TemporaryDirectory()
        let worker = try scratch.write("tracer.py", Self.tracebackWorker)
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=python3|\(worker)", "-o", scratch.path("out.jsonl"),
                                           "--errors", scratch.path("errors.jsonl")])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "ValueError: cannot cope with this page").count - 1 == 1, "\(result.stderr)")
        #expect(result.stderr.contains("tracer working on seeds/004"), "lines of documents served well are still logged")
        let failures = try SieveProcess.jsonLines(atPath: scratch.path("errors.jsonl"))
        #expect((failures.first?["reason"] as? String)?.contains("ValueError: cannot cope with this page") == true)
    }

    @Test func aWorkerThatFailsToStartShowsItsTracebackOnceWhateverTheNumberOfWorkers() throws {
        let scratch = try TemporaryDirectory()
        let worker = try scratch.write("boot.py", "raise RuntimeError('no model file at MODEL_PATH')\n")
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=python3|\(worker),workers=3",
                                           "-o", scratch.path("out.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("failed the handshake"))
        #expect(result.stderr.components(separatedBy: "RuntimeError: no model file at MODEL_PATH").count - 1 == 1, "\(result.stderr)")
    }

    @Test func aWorkerThatEchoesTheHandshakeIsToldSo() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=cat", "-o", scratch.path("out.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("worker 'cat' failed the handshake: the worker sent the handshake back instead of answering it"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("no reason given"))
    }

    @Test func aFlagErrorUnderSieveRunShowsTheUsageOfSieveRun() throws {
        let result = try SieveProcess.run(["run", "samples/pipelines/seeds-csv.yml", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs must be at least 1"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: sieve run ") && result.stderr.contains("<pipeline.yml>"), "\(result.stderr)")
        #expect(!result.stderr.contains("Usage: convert"))
        let unknown = try SieveProcess.run(["run", "samples/pipelines/seeds-csv.yml", "--jbos", "2"])
        #expect(unknown.stderr.contains("Unknown option '--jbos'") && unknown.stderr.contains("Usage: sieve run"), "\(unknown.stderr)")
    }

    @Test func progressIntoAFileIsPlainLinesWithTheTotal() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "--progress", "-o", scratch.path("out.jsonl")])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r"), "\(result.stderr)")
        #expect(result.stderr.contains("sieve: progress: 5 docs"), "\(result.stderr)")
        #expect(result.stderr.contains("5/5 inputs"), "the folder walk gives the total: \(result.stderr)")
    }

    @Test func theProgressLineShowsTheTimeLeftFromBytesOrInputs() {
        var report = RunReport()
        report.inputs = 10
        report.written = 10
        report.bytes = 1 << 20
        let byInputs = ProgressLine.line(report, items: 10, resumed: 0, totals: .init(items: 40, bytes: nil), seconds: 5)
        #expect(byInputs.hasSuffix("10/40 inputs  ETA 0:15"), "\(byInputs)")
        let byBytes = ProgressLine.line(report, items: 10, resumed: 0, totals: .init(items: nil, bytes: 4 << 20), seconds: 5)
        #expect(byBytes.hasSuffix("of 4.0 MB  ETA 0:15"), "\(byBytes)")
        let unknown = ProgressLine.line(report, items: 10, resumed: 0, totals: nil, seconds: 5)
        #expect(!unknown.contains("ETA"))
    }

    @Test func aFolderWalkCountsItsInputsAndAWARCItsBytes() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.txt", "Một")
        try scratch.write("in/sub/b.html", "<p>Hai</p>")
        try scratch.write("in/notes.png", "x")
        var selection = InputSource.Selection()
        selection.paths = [scratch.path("in")]
        #expect(InputCount.count(selection) == .init(items: 3, bytes: "Một".utf8.count + "<p>Hai</p>".utf8.count), "the skipped .png counts as an input read, not its bytes")
        try scratch.write("crawl/news.warc", String(repeating: "w", count: 100))
        selection.paths = [scratch.path("crawl")]
        #expect(InputCount.count(selection) == .init(items: nil, bytes: 100))
        try scratch.write("crawl/more.warc.gz", "z")
        #expect(InputCount.count(selection) == .init(items: nil, bytes: nil))
    }

    @Test func completionsAreInstalledUnderThePrefix() throws {
        let scratch = try TemporaryDirectory()
        let process = Process()
        process.executableURL = SieveProcess.root.appendingPathComponent("scripts/install-completions")
        process.arguments = ["--prefix", scratch.path("prefix"), "--sieve", SieveProcess.binary.path, "--no-manual"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(said.contains("zsh:") && !said.contains("man sieve"), "--no-manual installs no man page, so it names none: \(said)")
        let bash = try String(contentsOfFile: scratch.path("prefix/share/bash-completion/completions/sieve"), encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("report"))
        let zsh = try String(contentsOfFile: scratch.path("prefix/share/zsh/site-functions/_sieve"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef sieve"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("prefix/share/fish/vendor_completions.d/sieve.fish")))
    }
}
