import Foundation
import Logging
import Synchronization
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct PipelineTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func run(_ paths: [String], jobs: Int = 2, ordered: Bool = true, failFast: Bool = false,
                     transforms: [StageSpec] = [StageSpec(name: "shout")]) async throws -> (MemorySink, RunReport, [Failure]) {
        let spec = PipelineSpec(transforms: transforms, sink: StageSpec(name: "memory"),
                                policy: RunPolicy(jobs: jobs, maxInFlight: 3, ordered: ordered, failFast: failFast))
        let pipeline = try Pipeline(spec, registry: testRegistry)
        var sink = MemorySink(options: NoOptions())
        var failures: [Failure] = []
        var selection = InputSource.Selection()
        selection.paths = paths
        selection.addFormats(of: testRegistry)
        let report = try await pipeline.run(InputSource(selection), logger: logger, write: { sink.write($0) },
                                            onFailure: { if $0.kind == .failed { failures.append($0) } })
        return (sink, report, failures)
    }

    @Test func outputKeepsInputOrderAcrossWorkers() async throws {
        let directory = try TemporaryDirectory()
        for index in 0..<40 {
            try directory.write(String(format: "in/%02d.lines", index), String(repeating: "line \(index)\n", count: 1 + (index * 37) % 200))
        }
        let (sink, report, failures) = try await run([directory.path("in")], jobs: 2)
        #expect(failures.isEmpty)
        #expect(report.written == 40)
        #expect(sink.documents.map(\.id) == (0..<40).map { directory.path(String(format: "in/%02d", $0)) })
        #expect(sink.documents[3].blocks.first?.text == "LINE 3")
    }

    @Test func failuresAndDropsAreCountedAndTheRestGoesOn() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.lines", "fine")
        try directory.write("b.lines", "please explode")
        try directory.write("c.lines", "DROP me")
        try directory.write("d.lines", "FAIL me")
        try directory.write("e.lines", "also fine")
        let missing = directory.path("nope.lines")
        let (sink, report, failures) = try await run([directory.path("."), missing])
        #expect(sink.documents.map(\.blocks.first?.text) == ["FINE", "ALSO FINE"])
        #expect(report.written == 2)
        #expect(report.dropped == ["shout": 1])
        #expect(report.failed == 3)
        #expect(failures.map(\.stage) == ["lines", "shout", "input"])
        #expect(failures[0].reason == "the input asked to explode")
        #expect(failures[1].id == directory.path("d"))
        #expect(failures[2].reason == "no such file or directory")
    }

    @Test func failFastStopsAtTheFirstFailure() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.lines", "explode")
        for index in 0..<20 { try directory.write("b\(index).lines", "fine") }
        let (_, report, _) = try await run([directory.path(".")], jobs: 1, failFast: true)
        #expect(report.stoppedEarly == "stopped at the first failure (--fail-fast)")
        #expect(report.written == 0)
    }

    @Test func unorderedRunWritesEveryDocumentOnce() async throws {
        let directory = try TemporaryDirectory()
        for index in 0..<25 { try directory.write("\(index).lines", "doc \(index)") }
        let (sink, _, _) = try await run([directory.path(".")], ordered: false)
        #expect(Set(sink.documents.map(\.id)).count == 25)
    }

    @Test func unrecognizedBytesFailWithAClearReason() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("blob.bin", Data([0x00, 0x01, 0x02, 0xFF]))
        let (_, _, failures) = try await run([directory.path("blob.bin")])
        #expect(failures.first?.reason.contains("binary") == true)
    }

    @Test func everyConfigurationProblemIsReportedBeforeReading() {
        let spec = PipelineSpec(transforms: [StageSpec(name: "shot"), StageSpec(name: "shout", options: ["x": "1"])],
                                sink: StageSpec(name: "memroy"))
        #expect {
            try Pipeline(spec, registry: testRegistry)
        } throws: { error in
            (error as? ConfigurationError)?.messages.count == 3
        }
    }

    /// Serves items in this process as a worker process would, noting the form each was asked for.
    private final class FormNotingExecutor: WorkExecutor {
        let pipeline: Pipeline
        let forms = Mutex<[DocumentForm]>([])
        let files = Atomic<Int>(0)
        init(_ pipeline: Pipeline) { self.pipeline = pipeline }

        func outcome(of input: WorkInput, index: Int, form: DocumentForm, stop: StopFlag?, logger: Logger) -> InputOutcome {
            forms.withLock { $0.append(form) }
            if case .file = input { files.add(1, ordering: .relaxed) }
            var outcome = pipeline.process(input, index: index, logger: logger)
            if form == .json {
                outcome.json = outcome.documents.map { DocumentJSON.encode($0)[...] }
                outcome.documents = []
            }
            return outcome
        }
    }

    /// With one job the run's own task calls the executor (no child task per item); with two, child tasks do.
    @Test(arguments: [false, true], [1, 2])
    func anExecutorsDocumentsReachWriteJSONUndecodedUnlessAnOrderedStageNeedsThem(ordered: Bool, jobs: Int) async throws {
        let directory = try TemporaryDirectory()
        for index in 0..<5 { try directory.write("in/\(index).lines", "line \(index)\nmore") }
        let transforms = [StageSpec(name: "shout")] + (ordered ? [StageSpec(name: "numbering")] : [])
        let pipeline = try Pipeline(PipelineSpec(transforms: transforms, sink: StageSpec(name: "memory"), policy: RunPolicy(jobs: jobs)),
                                    registry: testRegistry.with(NumberingTransform.self))
        let executor = FormNotingExecutor(pipeline)
        var selection = InputSource.Selection()
        selection.paths = [directory.path("in")]
        selection.addFormats(of: testRegistry)
        var values: [Document] = []
        var json: [[UInt8]] = []
        let report = try await pipeline.run(InputSource(selection), executor: executor, logger: logger, write: { values.append($0) },
                                            writeJSON: { json.append(Array($0)) })
        #expect(report.written == 5)
        #expect(executor.forms.withLock { $0 } == Array(repeating: ordered ? .value : .json, count: 5))
        #expect(executor.files.load(ordering: .relaxed) == 5, "regular files are left to the executor to read")
        let ids = (0..<5).map { directory.path("in/\($0)") }
        if ordered {
            #expect(json.isEmpty)
            #expect(values.map(\.id) == ids)
            #expect(values.map { $0.fields["seen"] } == (1...5).map { .number(Double($0)) }, "the ordered stage saw every document")
        } else {
            #expect(values.isEmpty)
            let inProcess = try await run([directory.path("in")]).0.documents
            #expect(json == inProcess.map(DocumentJSON.encode), "the JSON form of what an in-process run writes")
            #expect(inProcess.map(\.id) == ids)
        }
    }
}
