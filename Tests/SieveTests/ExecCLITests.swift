import Foundation
import SieveTesting
import Testing

/// The exec route end to end through the `sieve` executable: the Python sample on the seeds, a crashing worker
/// in a batch, a bad handshake, and the same pipeline from a file.
@Suite struct ExecCLITests {
    static let wordcount = "exec:command=python3|samples/exec-stage-python/wordcount.py"

    /// Parses JSON Lines output.
    static func documents(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func thePythonSampleRunsOverTheSeedsWithTwoJobs() throws {
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "nfc", "--stage", Self.wordcount, "--to", "jsonl",
                                  "--jobs", "2", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try Self.documents(result.text)
        #expect(documents.count == 5)
        for document in documents {
            let fields = try #require(document["fields"] as? [String: Any])
            let text = try #require(document["text"] as? String)
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
            #expect(fields["word_count"] as? Int == words)
        }
        #expect(documents.map { $0["id"] as? String } == documents.map { $0["id"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
    }

    @Test func aCrashingWorkerFailsOnlyItsDocument() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.url
        let worker = URL(fileURLWithPath: try scratch.write("crash_on_002.py", """
        import json, os, sys
        hello = json.loads(sys.stdin.readline())
        print(json.dumps({"protocol": 1, "ok": True, "name": "crashy"}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            if "002" in request["document"]["id"]:
                print("cannot cope with " + request["document"]["id"], file=sys.stderr, flush=True)
                os._exit(9)
            print(json.dumps({"id": request["id"], "document": request["document"]}), flush=True)
        """))
        let errors = directory.appendingPathComponent("errors.jsonl")
        let output = directory.appendingPathComponent("out.jsonl")
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=python3|\(worker.path)", "-o", output.path,
                                  "--errors", errors.path, "--jobs", "2"])
        #expect(result.status == 1)
        let written = try Self.documents(String(contentsOf: output, encoding: .utf8))
        #expect(written.count == 4)
        #expect(!written.contains { ($0["id"] as? String)?.contains("002") == true })
        let failures = try Self.documents(String(contentsOf: errors, encoding: .utf8))
        #expect(failures.count == 1)
        let reason = failures.first?["reason"] as? String ?? ""
        #expect(reason.contains("exited with status 9"))
        #expect(reason.contains("cannot cope with seeds/002"))
        #expect(failures.first?["stage"] as? String == "exec")
    }

    /// What an exec worker writes to standard error is logged once, as in an in-process run, when the stage runs
    /// inside an isolated run's `sieve worker` (that worker hands its log records to the run, which logs them).
    @Test func anExecWorkersLogLinesAppearOnceUnderIsolationAsInProcess() throws {
        let scratch = try TemporaryDirectory()
        let worker = try scratch.write("chatty.py", """
        import json, sys
        hello = json.loads(sys.stdin.readline())
        print(json.dumps({"protocol": 1, "ok": True, "name": "chatty"}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            print("note about " + request["document"]["id"].split("/")[-1], file=sys.stderr, flush=True)
            print(json.dumps({"id": request["id"], "document": request["document"]}), flush=True)
        """)
        func logLines(_ flags: [String]) throws -> [String] {
            let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=python3|\(worker)", "--to", "jsonl",
                                               "--jobs", "1"] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            // Without the timestamp that opens each line.
            return result.stderr.split(separator: "\n").filter { $0.contains(" info ") }.map { String($0.drop { $0 != " " }) }
        }
        let isolated = try logLines(["--isolate"])
        #expect(isolated.count == 5, "\(isolated)")
        #expect(isolated.first == " info sieve: stage=exec worker=chatty [SieveExternal] note about 000_9c02ce070c99dc81")
        #expect(isolated == (try logLines(["--no-isolate"])))
        #expect(try logLines(["--isolate", "--quiet"]).isEmpty)
    }

    @Test func aBadHandshakeStopsTheRunBeforeAnyInput() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.url
        let worker = URL(fileURLWithPath: try scratch.write("broken.py",
            "import sys\nprint('config missing: set MODEL_PATH', file=sys.stderr)\nsys.exit(4)\n"))
        let output = directory.appendingPathComponent("out.jsonl")
        let result = try SieveProcess.run(["convert", "seeds", "--stage", "exec:command=python3|\(worker.path)", "-o", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--stage: stage 'exec': worker 'python3 \(worker.path)' failed the handshake"))
        #expect(result.stderr.contains("config missing: set MODEL_PATH"))
        #expect(result.stderr.contains("exited with status 4"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func theSamplePipelineFileRunsWithRunAndConvert() throws {
        let run = try SieveProcess.run(["run", "samples/pipelines/wordcount-python.yml", "seeds", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let viaRun = try Self.documents(run.text)
        #expect(viaRun.count == 5)
        #expect(viaRun.allSatisfy { ($0["fields"] as? [String: Any])?["word_count"] is Int })
        let convert = try SieveProcess.run(["convert", "--pipeline", "samples/pipelines/wordcount-python.yml", "seeds", "--quiet"])
        #expect(convert.text == run.text)
    }

    @Test func aBadPipelineFileFailsWithEveryProblemAndReadsNothing() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.url
        let file = URL(fileURLWithPath: try scratch.write("bad.yml",
            "stages:\n  - nfd\n  - name: title\n    options: {replac: true}\noutput: \(directory.path)/out.jsonl\n"))
        let result = try SieveProcess.run(["run", file.path, "seeds"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):2:5: unknown normalizer, extractor or filter 'nfd' (did you mean 'nfc'?)"))
        #expect(result.stderr.contains("\(file.path):4:15: stage 'title' has no option 'replac' (did you mean 'replace'?)"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
    }
}
