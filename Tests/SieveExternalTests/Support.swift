import Foundation
import Logging
import SieveCore
import SieveTesting
import Synchronization

/// Paths and helpers shared by the external-stage tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path under `samples/`.
    static func sample(_ path: String) -> String { root.appendingPathComponent("samples/\(path)").path }

    /// Writes a Python worker script into the test's directory and returns the command that runs it.
    static func pythonWorker(_ source: String, in scratch: TemporaryDirectory) throws -> [FieldValue] {
        ["python3", .string(try scratch.write("worker.py", source))]
    }

    /// A document with a title and paragraphs.
    static func document(_ id: String, title: String? = nil, paragraphs: [String]) -> Document {
        var document = Document(id: id, source: Source(path: "\(id).txt", format: "text"),
                                blocks: paragraphs.map { Block(.paragraph, $0) })
        document.title = title
        return document
    }

    /// A stage context whose log lines are collected.
    static func context(_ log: LogCapture = LogCapture()) -> StageContext {
        StageContext(stageName: "exec", logger: Logger(label: "test") { _ in log })
    }
}

/// A log handler that keeps every line with its metadata.
struct LogCapture: LogHandler, Sendable {
    private let storage = SharedLines()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    /// Every line logged so far, as `key=value ... message`.
    var lines: [String] { storage.lines.withLock { $0 } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let tags = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
        storage.lines.withLock { $0.append("\(tags) \(event.message)") }
    }
}

/// The shared store behind `LogCapture`.
final class SharedLines: Sendable {
    let lines = Mutex<[String]>([])
}
