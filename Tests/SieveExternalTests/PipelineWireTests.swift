import Foundation
import Glibc
import SieveCore
import SieveTesting
@testable import SieveExternal
import Testing

/// The messages between an isolated run and its workers carry work items and outcomes without loss.
@Suite struct PipelineWireTests {
    /// Writes `bytes` to a pipe and reads them back through a `FrameReader`.
    private func reader(over bytes: [UInt8]) throws -> FrameReader {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        close(fds[1])
        return FrameReader(fd: fds[0])
    }

    @Test func anInputsRawBytesAndSourceInfoCrossIntact() throws {
        var input = Input(path: "cc.warc.gz", bytes: [0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x0A, 0x00, 0xC3], id: "cc.warc#42",
                          declaredCharset: "windows-1258", url: "https://tin.example/a", offset: 42)
        input.date = "2024-01-05T08:00:00Z"
        let file = Input(path: "a/b\\xff.html", bytes: Array("<p>x</p>".utf8), id: "a/b\\xff")
        let stream = PipelineWire.request(id: 7, input: input, reader: "html") + PipelineWire.request(id: 8, input: file, reader: nil)
        var reader = try reader(over: stream)
        let first = try #require(try PipelineWire.readRequest(from: &reader))
        #expect(first.id == 7)
        #expect(first.input.bytes == input.bytes)
        #expect(first.reader == "html")
        #expect([first.input.path, first.input.id, first.input.declaredCharset, first.input.url, first.input.date]
            == [input.path, input.id, input.declaredCharset, input.url, input.date])
        #expect(first.input.offset == 42)
        let second = try #require(try PipelineWire.readRequest(from: &reader))
        #expect(second.id == 8)
        #expect([second.input.path, second.input.id] == [file.path, file.id])
        #expect(second.input.bytes == file.bytes)
        #expect(second.input.offset == nil && second.reader == nil)
        #expect(try PipelineWire.readRequest(from: &reader) == nil)
    }

    @Test func anOutcomeComesBackWithItsDocumentsDropsFailuresAndSkips() throws {
        var outcome = InputOutcome(index: 3)
        outcome.bytes = 1234
        var document = Document(id: "cc.warc#42", source: Source(path: "cc.warc", format: "html", offset: 42, url: "https://tin.example/a"),
                                blocks: [Block(.heading, "Tiêu đề", level: 1), Block(.paragraph, "Đoạn \"một\"\nhai")])
        document.title = "Tiêu đề"
        document.fields = ["school_years": ["2023-2024"]]
        outcome.documents = [document]
        outcome.drops = [Failure(input: "cc.warc", offset: 99, id: "cc.warc#99", stage: "dedupe", reason: "duplicate", kind: .dropped)]
        outcome.failures = [Failure(input: "cc.warc", offset: 120, stage: "html", reason: "no body")]
        outcome.skips = ["HTTP status 404"]
        var line = PipelineWire.answer(id: 9, outcome: outcome)
        #expect(line.last == 0x0A)
        line.removeLast()
        #expect(!line.contains(0x0A), "an answer is one line")
        let back = try PipelineWire.outcome(of: line, id: 9, index: 3, path: "cc.warc")
        #expect(back.index == 3)
        #expect(back.bytes == 1234)
        #expect(back.documents.map(\.id) == ["cc.warc#42"])
        #expect(back.documents.first?.blocks == document.blocks)
        #expect(back.documents.first?.source == document.source)
        #expect(back.documents.first?.fields == document.fields)
        #expect(back.drops == outcome.drops)
        #expect(back.failures == outcome.failures)
        #expect(back.skips == outcome.skips)
        #expect(throws: (any Error).self) { try PipelineWire.outcome(of: line, id: 10, index: 3, path: "cc.warc") }
    }

    @Test func inlineStructureAndCommentsCrossToAWorkerAndBack() throws {
        var outcome = InputOutcome(index: 0)
        outcome.documents = [SampleDocuments.structured]
        var line = PipelineWire.answer(id: 1, outcome: outcome)
        line.removeLast()
        let back = try PipelineWire.outcome(of: line, id: 1, index: 0, path: "x")
        let document = try #require(back.documents.first)
        #expect(document.blocks == SampleDocuments.structured.blocks)
        #expect(document.blocks[1].spans.map(\.kind) == [.link, .bold, .italic, .code, .image])
        #expect(document.comments == SampleDocuments.structured.comments)
        #expect(document.source == SampleDocuments.structured.source)
    }

    @Test func theHandshakeCarriesTheStagesAndLimits() throws {
        let spec = PipelineSpec(reader: StageSpec(name: "html"), transforms: [StageSpec(name: "main-content", options: ["prune": ["//aside"]]), StageSpec(name: "nfc")],
                                sink: StageSpec(name: "csv"), policy: RunPolicy(jobs: 4, maxBytes: 5000, documentTimeout: .milliseconds(2500)))
        var hello = PipelineWire.hello(spec)
        hello.removeLast()
        let back = try PipelineWire.spec(fromHello: hello)
        #expect(back.reader?.name == "html")
        #expect(back.transforms.map(\.name) == ["main-content", "nfc"])
        #expect(back.transforms.first?.options == ["prune": ["//aside"]])
        #expect(back.policy.maxBytes == 5000)
        #expect(back.policy.documentTimeout == .milliseconds(2500))
        #expect(back.policy.jobs == 1)
        #expect(back.policy.profile == false)
    }

    @Test func aProfiledRunGetsEachItemsTimesBackWithTheWorkersOwnShare() throws {
        var policy = RunPolicy(jobs: 2)
        policy.profile = true
        var hello = PipelineWire.hello(PipelineSpec(transforms: [StageSpec(name: "nfc")], sink: StageSpec(name: "jsonl"), policy: policy))
        hello.removeLast()
        #expect(try PipelineWire.spec(fromHello: hello).policy.profile)
        var outcome = InputOutcome(index: 0)
        outcome.profile = StageProfile()
        outcome.profile!.add("html", .reader, 1_500_000)
        outcome.profile!.add("html: parse", .reader, 2_000_000)
        outcome.profile!.add("nfc", .transform, 300_000)
        var line = PipelineWire.answer(id: 1, outcome: outcome)
        line.removeLast()
        let back = try #require(try PipelineWire.outcome(of: line, id: 1, index: 0, path: "a.html").profile)
        #expect(back.ordered.map(\.name) == ["html", "html: parse", "nfc", "isolation"])
        #expect(back.ordered.prefix(3).map(\.nanoseconds) == [1_500_000, 2_000_000, 300_000])
        #expect(back.ordered.map(\.place) == [.reader, .reader, .transform, .isolation])
        // Without a profile, the answer carries none.
        var plain = PipelineWire.answer(id: 2, outcome: InputOutcome(index: 0))
        plain.removeLast()
        #expect(try PipelineWire.outcome(of: plain, id: 2, index: 0, path: "a.html").profile == nil)
    }
}
