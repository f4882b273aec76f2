import Foundation
import Logging
import SieveCore
@testable import SieveText

/// Shared helpers: run the reader and stages on small inputs, and find the package's seeds and gold files.
enum TestSupport {
    /// A context for running a stage in a test.
    static func context(_ name: String) -> StageContext {
        StageContext(stageName: name, logger: Logger(label: "test"))
    }

    /// Reads bytes with the text reader.
    static func read(_ bytes: [UInt8], path: String = "input.txt", options: TextReader.Options = .init(),
                     declaredCharset: String? = nil) throws -> Document {
        let reader = try TextReader(options: options)
        var documents: [Document] = []
        let input = Input(path: path, bytes: bytes, id: "input", declaredCharset: declaredCharset)
        try reader.read(input, context: context(TextReader.name)) { documents.append($0) }
        return documents[0]
    }

    /// Reads a string with the text reader.
    static func read(_ text: String) throws -> Document {
        try read(Array(text.utf8))
    }

    /// Applies transforms in order.
    static func run(_ document: Document, _ stages: [any Transform]) throws -> Document {
        var document = document
        for stage in stages {
            _ = try stage.apply(to: &document, context: context(type(of: stage).name))
        }
        return document
    }

    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bytes of a seed article.
    static func seed(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent("seeds/\(name).txt")))
    }

    /// The gold annotation of a seed, as JSON.
    static func gold(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("samples/gold/vi/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The non-caption block texts of a document.
    static func bodyTexts(_ document: Document) -> [String] {
        document.blocks.filter { $0.kind != .caption && $0.kind != .heading }.map(\.text)
    }
}
