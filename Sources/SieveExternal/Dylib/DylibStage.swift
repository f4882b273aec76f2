import Foundation
import SieveCore

/// `dylib`: runs each document through a shared library loaded at run time, through one C entry point
/// (`sieve_stage_v1`, ABI version 1, header `samples/dylib-stage-c/sieve_stage.h`). Documents cross as JSON
/// bytes; no Swift types cross the boundary. A library built for another ABI version is refused by name.
///
/// Options: `path` (the `.so` file; relative to the current directory), `config` (an object handed to the
/// library's `create`; pipeline files only).
/// Example: `--stage dylib:path=libwordcount.so` on a 7-word article → the document with `fields.word_count = 7`.
public struct DylibStage: Extractor {
    /// Options of the dylib stage.
    public struct Options: StageOptions {
        /// Path of the shared library.
        public var path = ""
        /// Settings handed to the library's `create`.
        public var config: [String: FieldValue] = [:]
        /// The defaults: no path (one must be given).
        public init() {}
        /// `path`, `config`.
        public static let declared: [OptionSpec<Options>] = [
            .option("path", \.path, "the shared library (.so) to load", check: {
                $0.isEmpty ? "is required: the shared library to load, such as path=./libmystage.so" : nil
            }),
            .option("config", \.config, "an object handed to the library when the stage is created"),
        ]
    }

    /// `dylib`.
    public static let name = "dylib"
    /// One line for `sieve stages`.
    public static let summary = "run documents through a shared library loaded at run time (C entry point sieve_stage_v1)"
    /// The library sees the document as JSON, never the HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let library: StageLibrary

    /// Loads the library and creates its state; a missing file, entry point or wrong ABI version fails here.
    public init(options: Options) throws {
        let path = options.path.hasPrefix("/") ? options.path
            : FileManager.default.currentDirectoryPath + "/" + options.path
        var writer = JSONWriter()
        writer.value(.object(options.config))
        library = try StageLibrary(path: path, options: writer.bytes)
    }

    /// Hands the document's JSON to the library and applies its answer.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        switch library.apply(DocumentJSON.encode(document)) {
        case .keep(let bytes):
            do { document = try DocumentDecoding.decode(bytes, replacing: document) } catch {
                throw StageError(stage: context.stageName, "library stage '\(library.name)' returned invalid JSON: \(error)")
            }
            return .keep
        case .drop(let reason):
            return .drop(reason: reason)
        case .error(let message):
            throw StageError(stage: context.stageName, "library stage '\(library.name)': \(message)")
        }
    }
}
