import Foundation
import SieveCore
import SieveExternal
import SieveTesting
import Testing

/// The `exec` stage against real Python workers: the sample, and workers that crash, hang or fail the handshake.
@Suite struct ExecStageTests {
    let registry = StageRegistry().with(ExecStage.self)
    let scratch: TemporaryDirectory

    init() throws {
        scratch = try TemporaryDirectory(prefix: "sieve-exec")
    }

    func stage(_ command: [FieldValue], timeout: Double? = nil, config: FieldValue? = nil) throws -> any Transform {
        var options: [String: FieldValue] = ["command": .list(command)]
        if let timeout { options["timeout"] = .number(timeout) }
        if let config { options["config"] = config }
        return try registry.makeTransform(StageSpec(name: "exec", options: options, origin: "test.yml:3:5"))
    }

    var wordcount: [FieldValue] { ["python3", .string(Fixtures.sample("exec-stage-python/wordcount.py"))] }

    @Test func sampleCountsWordsAndKeepsEverythingElse() throws {
        let exec = try stage(wordcount)
        var document = Fixtures.document("a", title: "Hà Nội \"mùa thu\"", paragraphs: ["Một hai ba", "four five\tsix\nseven"])
        document.blocks.append(Block(.caption, "caption words are not counted"))
        document.published = "2023-08-23"
        document.fields = ["kept": ["x", .number(2)]]
        let sent = document
        #expect(try exec.apply(to: &document, context: Fixtures.context()) == .keep)
        #expect(document.fields["word_count"] == .number(7))
        #expect(document.fields["reading_minutes"] == .number(1))
        #expect(document.fields["kept"] == ["x", .number(2)])
        #expect(document.title == sent.title)
        #expect(document.published == "2023-08-23")
        #expect(document.blocks == sent.blocks)
        #expect(document.id == "a")
        #expect(document.source == sent.source)
    }

    @Test func unusualTextSurvivesTheRoundTrip() throws {
        let exec = try stage(wordcount)
        var document = SampleDocuments.unusual
        let sent = document
        #expect(try exec.apply(to: &document, context: Fixtures.context()) == .keep)
        #expect(document.blocks == sent.blocks)
    }

    @Test func configReachesTheWorkerAndDropsCarryTheirReason() throws {
        let exec = try stage(wordcount, config: ["min_words": .number(5)])
        var short = Fixtures.document("short", paragraphs: ["only three words"])
        #expect(try exec.apply(to: &short, context: Fixtures.context()) == .drop(reason: "3 words, fewer than min_words=5"))
    }

    @Test func anErrorAnswerFailsOnlyThatDocument() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.failOnTitle, in: scratch))
        var bad = Fixtures.document("bad", title: "fail", paragraphs: ["x"])
        #expect { try exec.apply(to: &bad, context: Fixtures.context()) } throws: { error in
            "\(error)".contains("worker 'failer': asked to fail")
        }
        var good = Fixtures.document("good", title: "fine", paragraphs: ["x"])
        #expect(try exec.apply(to: &good, context: Fixtures.context()) == .keep)
    }

    @Test func aCrashFailsItsDocumentAndTheWorkerIsRestarted() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.crashOnTitle, in: scratch))
        var crash = Fixtures.document("c", title: "crash", paragraphs: ["x"])
        #expect { try exec.apply(to: &crash, context: Fixtures.context()) } throws: { error in
            let message = "\(error)"
            return message.contains("exited with status 3") && message.contains("about to crash on c")
                && message.contains("will be restarted")
        }
        for index in 0..<3 {
            var next = Fixtures.document("n\(index)", title: "fine", paragraphs: ["x"])
            #expect(try exec.apply(to: &next, context: Fixtures.context()) == .keep)
            #expect(next.fields["served_by"] != nil)
        }
    }

    @Test func aHangPastTheTimeoutFailsItsDocumentAndTheWorkerIsRestarted() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.hangOnTitle, in: scratch), timeout: 0.5)
        var hang = Fixtures.document("h", title: "hang", paragraphs: ["x"])
        let start = ContinuousClock.now
        #expect { try exec.apply(to: &hang, context: Fixtures.context()) } throws: { error in
            "\(error)".contains("did not answer within 0.5 seconds")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        var next = Fixtures.document("n", title: "fine", paragraphs: ["x"])
        #expect(try exec.apply(to: &next, context: Fixtures.context()) == .keep)
    }

    @Test func aBadHandshakeStopsBeforeAnyInputWithTheWorkersStderr() throws {
        let command = try Fixtures.pythonWorker(Workers.badHandshake, in: scratch)
        #expect { try stage(command) } throws: { error in
            guard let configuration = error as? ConfigurationError else { return false }
            let message = configuration.description
            return message.hasPrefix("test.yml:3:5: stage 'exec':") && message.contains("failed the handshake")
                && message.contains("ModuleNotFoundError: No module named 'nonexistent_model'")
        }
    }

    @Test func aWrongProtocolVersionIsRefusedByName() throws {
        let command = try Fixtures.pythonWorker(Workers.protocolTwo, in: scratch)
        #expect { try stage(command) } throws: { error in
            "\(error)".contains("the worker speaks protocol 2, this Sieve speaks protocol 1")
        }
    }

    @Test func aMissingProgramOrCommandIsAConfigurationError() throws {
        #expect { try stage(["/nonexistent/sieve-worker"]) } throws: { error in
            error is ConfigurationError && "\(error)".contains("cannot start '/nonexistent/sieve-worker'")
        }
        #expect { try stage([]) } throws: { error in "\(error)".contains("test.yml:3:5: option 'command' of stage 'exec' is required") }
    }

    @Test func workerStderrIsLoggedWithTheStageAndWorkerNames() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.crashOnTitle, in: scratch))
        let log = LogCapture()
        var document = Fixtures.document("logged", title: "fine", paragraphs: ["x"])
        _ = try exec.apply(to: &document, context: Fixtures.context(log))
        let deadline = ContinuousClock.now + .seconds(5)
        while !log.lines.contains(where: { $0.contains("serving logged") }), ContinuousClock.now < deadline {
            usleep(10_000)
        }
        #expect(log.lines.contains("stage=exec worker=crasher serving logged"))
    }

    @Test func parallelDocumentsGetTheirOwnAnswers() async throws {
        let exec = try stage(wordcount)
        let counts = try await withThrowingTaskGroup(of: (Int, FieldValue?).self) { group in
            for index in 0..<40 {
                group.addTask {
                    var document = Fixtures.document("p\(index)", paragraphs: [String(repeating: "w ", count: index + 1)])
                    _ = try exec.apply(to: &document, context: Fixtures.context())
                    return (index, document.fields["word_count"])
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(counts.count == 40)
        for (index, count) in counts { #expect(count == .number(Double(index + 1))) }
    }

    @Test func aGarbledAnswerReplacesTheWorkerAndAMalformedDocumentFailsOnlyItself() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.garbler, in: scratch))
        var garbled = Fixtures.document("g", title: "garble", paragraphs: ["x"])
        #expect { try exec.apply(to: &garbled, context: Fixtures.context()) } throws: { error in
            "\(error)".contains("broke the protocol: the answer is not a JSON object")
        }
        var malformed = Fixtures.document("m", title: "malformed", paragraphs: ["x"])
        #expect { try exec.apply(to: &malformed, context: Fixtures.context()) } throws: { error in
            "\(error)".contains("the document it answered is malformed: document member 'title' must be a string or null")
        }
        var fine = Fixtures.document("f", title: "fine", paragraphs: ["x"])
        #expect(try exec.apply(to: &fine, context: Fixtures.context()) == .keep)
    }

    @Test func workersRunInTheirOwnProcessGroupSoCtrlCReachesOnlySieve() throws {
        let exec = try stage(try Fixtures.pythonWorker(Workers.processGroup, in: scratch))
        var document = Fixtures.document("p", paragraphs: ["x"])
        _ = try exec.apply(to: &document, context: Fixtures.context())
        let pid = try #require(document.fields["pid"])
        #expect(document.fields["pgid"] == pid)
        #expect(document.fields["pgid"] != .number(Double(getpgrp())))
    }

    @Test func passesTheConformanceCheck() throws {
        try StageConformance.check(ExecStage.self, options: {
            var options = ExecStage.Options()
            options.command = ["python3", Fixtures.sample("exec-stage-python/wordcount.py")]
            return options
        }())
    }
}

/// Small Python workers that misbehave on purpose.
enum Workers {
    static let prelude = """
    import json, os, sys, time
    def send(message):
        sys.stdout.write(json.dumps(message) + "\\n"); sys.stdout.flush()
    hello = json.loads(sys.stdin.readline())

    """

    static let failOnTitle = prelude + """
    send({"protocol": 1, "ok": True, "name": "failer"})
    for line in sys.stdin:
        request = json.loads(line)
        if request["document"]["title"] == "fail":
            send({"id": request["id"], "error": "asked to fail"})
        else:
            send({"id": request["id"], "document": request["document"]})
    """

    static let crashOnTitle = prelude + """
    send({"protocol": 1, "ok": True, "name": "crasher"})
    for line in sys.stdin:
        request = json.loads(line)
        document = request["document"]
        print("serving " + document["id"], file=sys.stderr, flush=True)
        if document["title"] == "crash":
            print("about to crash on " + document["id"], file=sys.stderr, flush=True)
            os._exit(3)
        document["fields"]["served_by"] = os.getpid()
        send({"id": request["id"], "document": document})
    """

    static let hangOnTitle = prelude + """
    send({"protocol": 1, "ok": True, "name": "hanger"})
    for line in sys.stdin:
        request = json.loads(line)
        if request["document"]["title"] == "hang":
            time.sleep(60)
        send({"id": request["id"], "document": request["document"]})
    """

    static let garbler = prelude + """
    send({"protocol": 1, "ok": True, "name": "garbler"})
    for line in sys.stdin:
        request = json.loads(line)
        document = request["document"]
        if document["title"] == "garble":
            print("oops, not JSON", flush=True)
        elif document["title"] == "malformed":
            document["title"] = 3
            send({"id": request["id"], "document": document})
        else:
            send({"id": request["id"], "document": document})
    """

    static let processGroup = prelude + """
    send({"protocol": 1, "ok": True, "name": "group"})
    for line in sys.stdin:
        request = json.loads(line)
        request["document"]["fields"] = {"pid": os.getpid(), "pgid": os.getpgrp()}
        send({"id": request["id"], "document": request["document"]})
    """

    static let badHandshake = """
    import sys
    print("loading model...", flush=True)
    import nonexistent_model
    """

    static let protocolTwo = prelude + """
    send({"protocol": 2, "ok": True, "name": "future"})
    """
}
