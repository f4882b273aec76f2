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

    /// Reads an answer back as the parent does: its header line, then the documents' lines it counts.
    private func outcome(of answer: [UInt8], id: Int, index: Int, path: String, form: DocumentForm = .value) throws -> InputOutcome {
        let newline = try #require(answer.firstIndex(of: 0x0A))
        let header = try PipelineWire.answerHeader(Array(answer[..<newline]), id: id, index: index)
        return try PipelineWire.outcome(header, body: Array(answer[(newline + 1)...]), form: form, path: path)
    }

    @Test func anInputsRawBytesAndSourceInfoOrAFileToReadCrossIntact() throws {
        var input = Input(path: "cc.warc.gz", bytes: [0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x0A, 0x00, 0xC3], id: "cc.warc#42",
                          declaredCharset: "windows-1258", url: "https://tin.example/a", offset: 42)
        input.date = "2024-01-05T08:00:00Z"
        let file = Input(path: "a/b\\xff.html", bytes: Array("<p>x</p>".utf8), id: "a/b\\xff")
        let stream = Array((PipelineWire.request(id: 7, input: .loaded(input, reader: "html"), form: .json)
            + PipelineWire.request(id: 8, input: .loaded(file, reader: nil), form: .value)
            + PipelineWire.request(id: 9, input: .file(path: "news/a.html.gz", id: "news/a"), form: .json)).joined())
        var reader = try reader(over: stream)
        let first = try #require(try PipelineWire.readRequest(from: &reader))
        #expect(first.id == 7 && first.text)
        guard case .loaded(let record, let readerName) = first.input else { Issue.record("not a loaded input"); return }
        #expect(record.bytes == input.bytes)
        #expect(readerName == "html")
        #expect([record.path, record.id, record.declaredCharset, record.url, record.date]
            == [input.path, input.id, input.declaredCharset, input.url, input.date])
        #expect(record.offset == 42)
        let second = try #require(try PipelineWire.readRequest(from: &reader))
        #expect(second.id == 8 && !second.text, "documents wanted as values come without their text")
        guard case .loaded(let loaded, let noReader) = second.input else { Issue.record("not a loaded input"); return }
        #expect([loaded.path, loaded.id] == [file.path, file.id])
        #expect(loaded.bytes == file.bytes)
        #expect(loaded.offset == nil && noReader == nil)
        let third = try #require(try PipelineWire.readRequest(from: &reader))
        #expect(third.id == 9 && third.text)
        guard case .file(let path, let documentID) = third.input else { Issue.record("not a file"); return }
        #expect([path, documentID] == ["news/a.html.gz", "news/a"])
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
        let answer = PipelineWire.answer(id: 9, outcome: outcome)
        let lines = answer.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last?.isEmpty == true, "a header line, then one line per document")
        #expect(Array(lines[1]) == DocumentJSON.encode(document), "the document's line is what a JSON Lines sink writes")
        let back = try self.outcome(of: answer, id: 9, index: 3, path: "cc.warc")
        #expect(back.index == 3)
        #expect(back.bytes == 1234)
        #expect(back.documents.map(\.id) == ["cc.warc#42"])
        #expect(back.documents.first?.blocks == document.blocks)
        #expect(back.documents.first?.source == document.source)
        #expect(back.documents.first?.fields == document.fields)
        #expect(back.drops == outcome.drops)
        #expect(back.failures == outcome.failures)
        #expect(back.skips == outcome.skips)
        #expect(throws: (any Error).self) { try self.outcome(of: answer, id: 10, index: 3, path: "cc.warc") }
    }

    @Test func inlineStructureAndCommentsCrossToAWorkerAndBack() throws {
        var outcome = InputOutcome(index: 0)
        outcome.documents = [SampleDocuments.structured]
        let back = try self.outcome(of: PipelineWire.answer(id: 1, outcome: outcome), id: 1, index: 0, path: "x")
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
        let back = try #require(try self.outcome(of: PipelineWire.answer(id: 1, outcome: outcome), id: 1, index: 0, path: "a.html").profile)
        #expect(back.ordered.map(\.name) == ["html", "html: parse", "nfc", "isolation"])
        #expect(back.ordered.prefix(3).map(\.nanoseconds) == [1_500_000, 2_000_000, 300_000])
        #expect(back.ordered.map(\.place) == [.reader, .reader, .transform, .isolation])
        // Without a profile, the answer carries none.
        let plain = PipelineWire.answer(id: 2, outcome: InputOutcome(index: 0))
        #expect(try self.outcome(of: plain, id: 2, index: 0, path: "a.html").profile == nil)
    }

    @Test func documentsCanStayInTheirJSONFormUndecoded() throws {
        var outcome = InputOutcome(index: 0)
        outcome.documents = [SampleDocuments.structured, Document(id: "b", source: Source(path: "b.txt", format: "text"))]
        let back = try self.outcome(of: PipelineWire.answer(id: 4, outcome: outcome), id: 4, index: 0, path: "x", form: .json)
        #expect(back.documents.isEmpty)
        #expect(back.json.map(Array.init) == outcome.documents.map(DocumentJSON.encode))
    }

    @Test func anAnswerWhoseDocumentLinesDoNotMatchTheirCountsIsRefused() throws {
        let line = Array(#"{"a":1}"#.utf8)
        func answer(lengths: [Int], body: [UInt8]) -> [UInt8] {
            Array(#"{"id":5,"bytes":9,"documents":\#(lengths),"drops":[],"failures":[],"skips":[]}"#.utf8) + [0x0A] + body
        }
        _ = try self.outcome(of: answer(lengths: [8], body: line + [0x0A]), id: 5, index: 0, path: "x", form: .json)
        // Cut short, run on, not ending with its newline, or holding a newline inside: all refused.
        let cases: [([Int], String)] = [([8], #"{"a":1}"#), ([8], "{\"a\":1}\n{"), ([7], #"{"a":1}"#), ([4, 4], "{\"a\n1}}\n"),
                                        ([9], "{\"a\":\n1}\n"), ([8], "[1,2,3]\n")]
        for (lengths, text) in cases {
            let body = Array(text.utf8)
            #expect(throws: DocumentShapeError.self, "\(lengths) \(body)") {
                try self.outcome(of: answer(lengths: lengths, body: body), id: 5, index: 0, path: "x", form: .json)
            }
        }
    }

    @Test func theUsualHeaderIsReadByItsBytesAndAnyOtherByTheParserAlike() throws {
        var plain = InputOutcome(index: 3)
        plain.bytes = 120
        plain.documents = [SampleDocuments.structured, Document(id: "b", source: Source(path: "b.txt", format: "text"))]
        let answer = PipelineWire.answer(id: 12, outcome: plain)
        let header = Array(answer[..<answer.firstIndex(of: 0x0A)!])
        let read = try #require(PipelineWire.plainHeader(header))
        #expect(read.id == 12 && read.bytes == 120 && read.lengths.count == 2)
        #expect(read.lengths.reduce(0, +) == answer.count - header.count - 1)
        #expect(PipelineWire.plainHeader(Array(#"{"id":1,"bytes":0,"documents":[],"drops":[],"failures":[],"skips":[]}"#.utf8))! == (1, 0, []))
        #expect(throws: DocumentShapeError.self) { try PipelineWire.answerHeader(header, id: 13, index: 3) }
        // Skips, failures, spaces, a leading zero, a short line or anything after the object: left to the parser.
        var skipped = plain
        skipped.skips = ["not a page"]
        skipped.failures = [Failure(input: "a.html", stage: "html", reason: "broken")]
        let others = [PipelineWire.answer(id: 12, outcome: skipped), Array(#"{"id":12, "bytes":120,"documents":[],"drops":[],"failures":[],"skips":[]}"#.utf8),
                      Array(#"{"id":012,"bytes":120,"documents":[],"drops":[],"failures":[],"skips":[]}"#.utf8),
                      Array(#"{"id":12,"bytes":120,"documents":[2],"drops":[],"failures":[],"skips":[]}"#.utf8),
                      Array(#"{"id":12,"bytes":120,"documents":[],"drops":[],"failures":[],"skips":[]} "#.utf8)]
        for other in others {
            let line = Array(other.prefix { $0 != 0x0A })
            #expect(PipelineWire.plainHeader(line) == nil, "\(String(decoding: line, as: UTF8.self))")
        }
        let back = try outcome(of: PipelineWire.answer(id: 12, outcome: skipped), id: 12, index: 3, path: "a.html")
        #expect(back.skips == ["not a page"] && back.failures.map(\.reason) == ["broken"] && back.documents.count == 2)
        let viaBytes = try outcome(of: answer, id: 12, index: 3, path: "a.html", form: .json)
        #expect(viaBytes.bytes == 120 && viaBytes.json.map(Array.init) == plain.documents.map(DocumentJSON.encode))
    }

    @Test func aFilesRequestIsReadByItsBytesUnlessItsStringsHoldEscapes() throws {
        let names = ["news/a.html", "tin tức/bài viết.html.gz", #"odd "quoted" \ name.html"#, "tab\there.html"]
        for name in names {
            for form in [DocumentForm.json, .value] {
                let request = PipelineWire.request(id: 41, input: .file(path: name, id: name + "#id"), form: form)
                let line = Array(request[0].dropLast())
                let plain = PipelineWire.plainFileRequest(line)
                #expect((plain == nil) == (name.contains("\"") || name.contains("\\") || name.contains("\t")), "\(name)")
                if let plain { #expect(plain.id == 41 && plain.path == name && plain.documentID == name + "#id" && plain.text == (form == .json)) }
                var reader = try reader(over: Array(request.joined()))
                let read = try #require(try PipelineWire.readRequest(from: &reader))
                guard case .file(let path, let id) = read.input else { Issue.record("not a file"); continue }
                #expect(read.id == 41 && path == name && id == name + "#id" && read.text == (form == .json))
            }
        }
        #expect(PipelineWire.plainFileRequest(Array(#"{"id":41,"path":"a","file":{"id":"a"}} "#.utf8)) == nil)
        #expect(PipelineWire.plainFileRequest(Array(#"{"id":-1,"path":"a","file":{"id":"a"}}"#.utf8)) == nil)
        #expect(PipelineWire.plainFileRequest([0x7B, 0x22] + Array(#"id":1,"path":""#.utf8) + [0xFF] + Array(#"","file":{"id":"a"}}"#.utf8)) == nil,
                "bytes that are not UTF-8 are left to the parser")
    }

    @Test func aWorkerRefusesAHandshakeOfAnotherWireVersion() throws {
        var hello = PipelineWire.hello(PipelineSpec(transforms: [], sink: StageSpec(name: "jsonl"), policy: RunPolicy(jobs: 1)))
        hello.removeLast()
        _ = try PipelineWire.spec(fromHello: hello)
        let older = Array(String(decoding: hello, as: UTF8.self).replacingOccurrences(of: #""wire":2"#, with: #""wire":1"#).utf8)
        #expect(older != hello)
        #expect(throws: DocumentShapeError.self) { try PipelineWire.spec(fromHello: older) }
    }

    @Test func documentsWantedAsValuesCrossWithoutTheirTextAndDecodeTheSame() throws {
        var outcome = InputOutcome(index: 0)
        outcome.documents = [SampleDocuments.structured]
        let answer = PipelineWire.answer(id: 3, outcome: outcome, text: false)
        let full = PipelineWire.answer(id: 3, outcome: outcome)
        #expect(answer.count < full.count)
        let lines = answer.split(separator: 0x0A)
        #expect(Array(lines[1]) == { var writer = JSONWriter(); DocumentJSON.write(SampleDocuments.structured, to: &writer, text: false); return writer.bytes }())
        let document = try #require(try self.outcome(of: answer, id: 3, index: 0, path: "x").documents.first)
        #expect(document.blocks == SampleDocuments.structured.blocks)
        #expect(document.text == SampleDocuments.structured.text)
        #expect(DocumentJSON.encode(document) == DocumentJSON.encode(SampleDocuments.structured))
    }
}
