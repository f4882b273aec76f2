import Foundation
import Logging
import SieveCore

/// The contract checks every stage should pass, in one call from a stage author's test:
///
/// ```swift
/// @Test func conforms() throws { try StageConformance.check(SectionTagger.self) }
/// ```
///
/// - every property of its `Options` is declared once, the options survive being written out and read back
///   unchanged and pass their declared checks, and they build the stage;
/// - a transform handles empty, blank, ordinary, unusual and huge documents without crashing, failing only
///   with a `StageError`;
/// - a normalizer is idempotent: applying it to its own output changes nothing;
/// - a reader survives empty, binary, invalid UTF-8 and huge inputs; a sink writes all the sample documents.
public enum StageConformance {
    /// Runs every check that applies to the stage's role; throws one `ConformanceFailure` listing every problem.
    public static func check<S: Stage>(_ type: S.Type, options: S.Options = S.Options(),
                                       documents extra: [Document] = []) throws {
        var problems: [String] = []
        problems += options.declarationProblems(stage: S.name)
        let stage: S
        do { stage = try S(options: options) } catch {
            throw ConformanceFailure(stage: S.name, problems: problems + ["cannot be created from these options: \(error)"])
        }
        let documents = SampleDocuments.all + extra
        switch stage {
        case let transform as any Transform:
            problems += checkTransform(transform, idempotent: stage is any Normalizer, documents: documents)
        case let reader as any SourceReader:
            problems += checkReader(reader)
        case let sink as any SinkWriter:
            problems += checkSink(sink, documents: documents)
        default:
            problems.append("is neither a reader, a transform nor a sink")
        }
        guard problems.isEmpty else { throw ConformanceFailure(stage: S.name, problems: problems) }
    }

    static func checkTransform(_ stage: any Transform, idempotent: Bool, documents: [Document]) -> [String] {
        var problems: [String] = []
        let context = testContext(stage: type(of: stage).name)
        for original in documents {
            var once = original
            let verdict: Verdict
            do { verdict = try stage.apply(to: &once, context: context) } catch is StageError {
                continue
            } catch {
                problems.append("document '\(original.id)': threw \(type(of: error)), not a StageError: \(error)")
                continue
            }
            guard idempotent, verdict == .keep else { continue }
            var twice = once
            do {
                let second = try stage.apply(to: &twice, context: context)
                if second != .keep {
                    problems.append("document '\(original.id)': not idempotent: kept once, then \(second) on its own output")
                } else if DocumentJSON.encode(once) != DocumentJSON.encode(twice) {
                    problems.append("document '\(original.id)': not idempotent: a second application changed "
                        + firstDifference(once, twice))
                }
            } catch {
                problems.append("document '\(original.id)': not idempotent: failed on its own output: \(error)")
            }
        }
        return problems
    }

    static func checkReader(_ reader: any SourceReader) -> [String] {
        var problems: [String] = []
        let context = testContext(stage: type(of: reader).name)
        for (name, bytes) in SampleDocuments.inputs {
            let input = Input(path: "conformance/\(name)", bytes: bytes, id: "conformance/\(name)")
            do {
                try reader.read(input, context: context) { document in
                    if document.id.isEmpty { problems.append("input '\(name)': emitted a document without an id") }
                }
            } catch is StageError {
                continue
            } catch {
                problems.append("input '\(name)': threw \(type(of: error)), not a StageError: \(error)")
            }
        }
        return problems
    }

    static func checkSink(_ sink: any SinkWriter, documents: [Document]) -> [String] {
        var sink = sink
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sieve-conformance-\(UUID().uuidString).\(type(of: sink).fileExtension)").path
        do {
            if var database = sink as? any DatabaseSink {
                defer { unlink(path) }
                try database.open(database: path)
                for document in documents { try database.write(document) }
                try database.close()
                return []
            }
            let channel = try OutputChannel(path: path)
            defer { channel.abort() }
            try sink.open(channel)
            for document in documents { try sink.write(document) }
            try sink.close()
            try channel.flush()
            return []
        } catch {
            return ["failed writing the sample documents: \(error)"]
        }
    }

    private static func testContext(stage: String) -> StageContext {
        StageContext(stageName: stage, logger: Logger(label: "sieve-testing") { _ in SwiftLogNoOpLogHandler() })
    }

    private static func firstDifference(_ left: Document, _ right: Document) -> String {
        let a = DocumentJSON.encode(left), b = DocumentJSON.encode(right)
        let index = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
        let start = max(0, index - 40)
        return "its JSON near byte \(index): '\(String(decoding: a[start..<min(a.count, index + 40)], as: UTF8.self))' → '"
            + "\(String(decoding: b[start..<min(b.count, index + 40)], as: UTF8.self))'"
    }
}

/// The problems a stage showed in `StageConformance.check`, all of them.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// The stage's name.
    public var stage: String
    /// One line per problem.
    public var problems: [String]

    /// The stage and its problems, one per line.
    public var description: String {
        "stage '\(stage)' fails the conformance check:\n  - " + problems.joined(separator: "\n  - ")
    }
}
