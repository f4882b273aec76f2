import Foundation
import SieveCore
import SieveTesting
import Testing

/// Isolated runs: an input that crashes or stalls its worker fails alone; stops and resumes stay prompt and safe.
/// The faults come from the hidden `--debug-faults` hook (a marker in a document's text crashes or stalls).
@Suite struct IsolationTests {
    private let stages = ["--stage", "nfc", "--stage", "title"]

    /// Five good articles, with `extra` marker files between them (named so they sort where given).
    private func corpus(_ scratch: TemporaryDirectory, extra: [String: String]) throws {
        for index in 1...5 { try scratch.write("in/\(index).txt", "Bài số \(index)\n\nNội dung của bài số \(index), đủ dài để giữ lại.") }
        for (name, marker) in extra { try scratch.write("in/\(name)", "Bài lỗi\n\nsieve-debug-fault:\(marker)") }
    }

    /// Waits until the journal has the line `{"KEY":ITEM}` (`start`: handed to a worker; `slow`: in flight for seconds).
    private func wait(for key: String, of item: Int, journal: String) {
        for _ in 0..<400 {
            let text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
            if text.contains("{\"\(key)\":\(item)}") { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the journal never noted \(key) of item \(item)")
    }

    private func ids(_ path: String) throws -> [String] {
        try SieveProcess.jsonLines(atPath: path).compactMap { ($0["id"] as? String)?.split(separator: "/").last.map(String.init) }
    }

    /// With one job the run's own task serves the worker (no child task per item); with two, child tasks do.
    @Test(arguments: ["1", "2"])
    func aCrashAndAStallFailAloneAndTheRestIsWritten(jobs: String) throws {
        let scratch = try TemporaryDirectory()
        try corpus(scratch, extra: ["2a.txt": "crash", "4a.txt": "stall"])
        let result = try SieveProcess.run(["convert", scratch.path("in"), "-o", scratch.path("out.jsonl"), "--debug-faults", "--timeout", "2",
                                           "--jobs", jobs, "--errors", scratch.path("errors.jsonl")] + stages)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try ids(scratch.path("out.jsonl")) == ["1", "2", "3", "4", "5"])
        let failures = try SieveProcess.jsonLines(atPath: scratch.path("errors.jsonl"))
        #expect(failures.map { $0["input"] as? String } == [scratch.path("in/2a.txt"), scratch.path("in/4a.txt")])
        #expect(failures.map { $0["stage"] as? String } == ["worker", "worker"])
        #expect((failures[0]["reason"] as? String)?.contains("killed by signal 11") == true, "\(failures[0])")
        #expect((failures[1]["reason"] as? String)?.contains("timed out after 2") == true, "\(failures[1])")
        #expect(result.stderr.contains("7 read, 5 written, 0 skipped, 0 dropped, 2 failed"))
    }

    @Test(arguments: [true, false])
    func sigtermDuringAStallEndsTheRunWithinASecond(isolated: Bool) throws {
        let scratch = try TemporaryDirectory()
        try corpus(scratch, extra: ["3a.txt": "stall"])
        let output = scratch.path("out.jsonl")
        let process = try SieveProcess.start(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--jobs", "1",
                                 isolated ? "--isolate" : "--no-isolate"] + stages)
        wait(for: "start", of: 3, journal: output + ".sieve-journal")
        Thread.sleep(forTimeInterval: 0.3)
        let signalled = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(signalled)
        #expect(seconds < 1.8, "took \(seconds) s to stop")
        #expect(process.terminationStatus == 130)
        #expect(!FileManager.default.fileExists(atPath: output), "an interrupted run must not leave a complete-looking file")
        #expect(FileManager.default.fileExists(atPath: output + ".partial"))
    }

    @Test func resumeAfterKillDuringAStallSetsTheStalledRecordAside() throws {
        let scratch = try TemporaryDirectory()
        try corpus(scratch, extra: ["3a.txt": "stall"])
        let output = scratch.path("out.jsonl")
        let process = try SieveProcess.start(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--jobs", "2"] + stages)
        wait(for: "slow", of: 3, journal: output + ".sieve-journal")
        let workers = children(of: process.processIdentifier)
        #expect(!workers.isEmpty)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(workers.filter(isRunning).isEmpty, "workers die with their parent")

        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--jobs", "2", "--resume",
                                            "--errors", scratch.path("errors.jsonl")] + stages)
        #expect(resumed.status == 1, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("in/3a.txt: resume: was still being converted 3.0 seconds or more after it started"))
        #expect(try ids(output) == ["1", "2", "3", "4", "5"])
        let failures = try SieveProcess.jsonLines(atPath: scratch.path("errors.jsonl"))
        #expect(failures.map { $0["input"] as? String } == [scratch.path("in/3a.txt")])
    }

    @Test func resumeAfterAKillReplaysWhatWasInFlightInWorkersSoTheCrasherFailsAlone() throws {
        let scratch = try TemporaryDirectory()
        try corpus(scratch, extra: ["2a.txt": "crash"])
        let output = scratch.path("out.jsonl")
        let crashed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--no-isolate", "--jobs", "1"] + stages)
        #expect(crashed.status != 0 && crashed.status != 1)
        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--jobs", "1", "--resume",
                                            "--errors", scratch.path("errors.jsonl")] + stages)
        #expect(resumed.status == 1, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("1 input(s) were being converted when the previous run ended abruptly"))
        #expect(try ids(output) == ["1", "2", "3", "4", "5"])
        let failures = try SieveProcess.jsonLines(atPath: scratch.path("errors.jsonl"))
        #expect(failures.map { $0["stage"] as? String } == ["worker"])
        #expect((failures.first?["reason"] as? String)?.contains("killed by signal 11") == true)
    }

    @Test func resumeAfterAnInProcessCrashSetsTheKillerAsideWithNoIsolate() throws {
        let scratch = try TemporaryDirectory()
        try corpus(scratch, extra: ["2a.txt": "crash"])
        let output = scratch.path("out.jsonl")
        let crashed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--no-isolate", "--jobs", "1"] + stages)
        #expect(crashed.status != 0 && crashed.status != 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        let resumed = try SieveProcess.run(["convert", scratch.path("in"), "-o", output, "--debug-faults", "--no-isolate", "--jobs", "1",
                                            "--resume"] + stages)
        #expect(resumed.status == 1, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("in/2a.txt: resume: was being converted"))
        #expect(try ids(output) == ["1", "2", "3", "4", "5"])
    }

    @Test func anIsolatedRunWritesWhatAnInProcessRunWrites() throws {
        let scratch = try TemporaryDirectory()
        // A WARC record travels to the worker as raw bytes: a Latin-1 page must arrive byte for byte.
        let sentence = " au lait is served here every morning with fresh bread and butter for everyone who comes in."
        let body = Data("<html><head><title>Cafe</title></head><body><article><p>".utf8) + Data([0x43, 0x61, 0x66, 0xE9])
            + Data(String(repeating: sentence, count: 3).utf8) + Data("</p></article></body></html>".utf8)
        let http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n".utf8) + body
        let warc = Data(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/cafe\r\n"
            + "WARC-Date: 2024-03-01T10:00:00Z\r\nContent-Length: \(http.count)\r\n\r\n").utf8) + http + Data("\r\n\r\n".utf8)
        let archive = try scratch.write("pages.warc", warc)
        let pages = SieveProcess.root.appendingPathComponent("samples/html").path
        let arguments = ["convert", "seeds", pages, archive, "--include", "*.html", "--include", "*.txt", "--include", "*.warc", "--to", "jsonl", "-q"]
        let isolated = try SieveProcess.run(arguments + ["--isolate"])
        let inProcess = try SieveProcess.run(arguments + ["--no-isolate"])
        #expect(isolated.status == 0, "\(isolated.stderr)")
        #expect(isolated.stdout == inProcess.stdout)
        let documents = try SieveProcess.jsonLines(isolated.stdout)
        #expect(documents.count == 9)
        #expect((documents.last?["text"] as? String)?.hasPrefix("Caf\u{E9} au lait") == true)
    }

    /// A worker reads a regular file itself (and gunzips it); the parent loads what the worker cannot open by the
    /// same path (a name that is not UTF-8, standard input): either way, output and failures are an in-process run's.
    @Test func filesReadByTheWorkerOrLoadedByTheRunGiveWhatAnInProcessRunGives() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.txt", "Bài một\n\nNội dung của bài một, đủ dài để giữ lại.")
        let gzipped = try OutputChannel(path: scratch.path("in/b.txt.gz"), gzip: true)
        gzipped.write("Bài hai\n\nNội dung của bài hai, đủ dài để giữ lại.")
        try gzipped.commit()
        try scratch.write("in/broken.html.gz", "not gzip at all")
        try scratch.write("in/empty.txt", "")
        let latin1 = Array(scratch.path("in/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = latin1.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        let text = Array("Bài ba\n\nNội dung của bài ba, tên tệp không phải UTF-8.".utf8)
        #expect(write(fd, text, text.count) == text.count)
        close(fd)
        func run(_ isolation: String) throws -> (Data, Data) {
            let errors = scratch.path("errors\(isolation).jsonl")
            let result = try SieveProcess.run(["convert", scratch.path("in"), "-", "--to", "jsonl", "-q", "--errors", errors, isolation] + stages,
                                              stdin: Data("Bài bốn\n\nTừ đầu vào chuẩn.".utf8))
            #expect(result.status == 1, "\(result.stderr)")
            return (result.stdout, try Data(contentsOf: URL(fileURLWithPath: errors)))
        }
        let (isolated, isolatedErrors) = try run("--isolate")
        let (inProcess, inProcessErrors) = try run("--no-isolate")
        let ids = try SieveProcess.jsonLines(isolated).compactMap { ($0["id"] as? String)?.split(separator: "/").last.map(String.init) }
        #expect(ids == ["a", "b", "caf\\xE9", "stdin"])
        #expect(isolated == inProcess)
        #expect(String(decoding: isolatedErrors, as: UTF8.self).contains("named .gz but not gzip data"))
        #expect(isolatedErrors == inProcessErrors)
    }

    /// The stages of the default pipeline with `dedupe`, which runs in the parent (in output order), at the end.
    static let withDedupe = RunReportTests.stages.flatMap { ["--stage", $0] }

    /// An isolated run passes its workers' JSON straight to a JSON Lines or JSON output, and decodes the documents
    /// for other sinks and for a parent-side stage: each way writes what an in-process run writes.
    @Test(arguments: [["--to", "jsonl"], ["--to", "json"], ["--to", "csv"], ["--to", "xml"], ["--to", "markdown"],
                      ["--to", "jsonl"] + withDedupe, ["--to", "json"] + withDedupe])
    func everyOutputOfAnIsolatedRunIsWhatAnInProcessRunWrites(_ output: [String]) throws {
        let arguments = ["convert", "seeds", "samples/html", "-q"] + output
        let isolated = try SieveProcess.run(arguments + ["--isolate"])
        let inProcess = try SieveProcess.run(arguments + ["--no-isolate"])
        #expect(isolated.status == 0, "\(isolated.stderr)")
        #expect(isolated.stdout.count > 1000)
        #expect(isolated.stdout == inProcess.stdout)
    }

    /// The run report counts documents from their JSON form in an isolated run: its charts are those of an in-process run.
    @Test func anIsolatedRunsReportChartsWhatAnInProcessRunsReportCharts() throws {
        let scratch = try TemporaryDirectory()
        func charts(_ isolation: String) throws -> [String] {
            let report = scratch.path("report\(isolation).html")
            let result = try SieveProcess.run(["convert", "seeds", "samples/html", "-q", "-o", scratch.path("out\(isolation).jsonl"),
                                               "--report", report, isolation])
            #expect(result.status == 0, "\(result.stderr)")
            let page = try String(contentsOfFile: report, encoding: .utf8)
            return page.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        }
        let isolated = try charts("--isolate")
        #expect(isolated.count >= 4)
        #expect(isolated == (try charts("--no-isolate")))
    }

    /// Whether a process exists and is not a zombie waiting for a reaper.
    private func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    /// The processes whose parent is `pid`.
    private func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { child in
            guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == pid
        }
    }
}
