import Foundation
import SieveCore
import Yams

/// A pipeline written in YAML: reader, ordered stages with options, sink, inputs and outputs, run policy.
///
/// ```yaml
/// reader: auto                 # or html, text, {name: html, options: {...}}
/// stages:                      # in order; omit for the default news pipeline
///   - main-content
///   - nfc
///   - name: exec
///     options:
///       command: [python3, samples/exec-stage-python/wordcount.py]
///       config: {min_words: 50}
/// sink: jsonl                  # or text, html, markdown, {name: csv, options: {columns: [id, title]}}; default from `output`
/// inputs: [news/]              # used when the command line names none
/// output: news.jsonl
/// errors: errors.jsonl
/// run: {jobs: 2, ordered: true, fail_fast: false, max_errors: 100, max_in_flight: 16, max_bytes: 67108864, timeout: 60}
/// ```
///
/// Loading checks everything a file can get wrong and reports every problem at once, each as
/// `file:line:column:`, before any stage is built or any input read: unknown keys, unknown stages, a stage in the wrong place, and every
/// option against its stage's declaration (name, type, choices, declared checks, such as a CSV column that
/// does not exist). Paths under `inputs:`, `output:` and `errors:` are relative to the file's folder; stage
/// options (an exec `command`, a dylib `path`) reach their stage as written.
public struct PipelineFile: Sendable {
    /// The file's path as given.
    public var path: String
    /// The reader for every input, or nil for automatic choice.
    public var reader: StageSpec?
    /// The transforms in order, or nil for the default pipeline.
    public var transforms: [StageSpec]?
    /// The sink, or nil to choose from the output's extension.
    public var sink: StageSpec?
    /// Inputs named in the file.
    public var inputs: [String] = []
    /// The output file, if named.
    public var output: String?
    /// The error report file, if named.
    public var errors: String?
    /// The `run:` settings that were written, by key.
    public var run: RunSettings = RunSettings()

    /// The run policy keys a file may set; nil where the file is silent.
    public struct RunSettings: Sendable {
        /// `jobs`.
        public var jobs: Int?
        /// `max_in_flight`.
        public var maxInFlight: Int?
        /// `ordered`.
        public var ordered: Bool?
        /// `max_bytes`.
        public var maxBytes: Int?
        /// `fail_fast`.
        public var failFast: Bool?
        /// `max_errors`.
        public var maxErrors: Int?
        /// `timeout`, in seconds.
        public var timeout: Double?
    }

    /// Reads and checks the pipeline file at `path` against `registry`; `checkInputs` also requires every
    /// path under `inputs:` to exist (`sieve validate`).
    public static func load(_ path: String, registry: StageRegistry, checkInputs: Bool = false) throws(ConfigurationError) -> PipelineFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError("\(path): cannot read the pipeline file: \(readProblem(path, error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("\(path): cannot read the pipeline file: it is not UTF-8 text")
        }
        return try parse(text, path: path, registry: registry, checkInputs: checkInputs)
    }

    /// Why `path` could not be read, in the words of the rest of Sieve's messages rather than Foundation's
    /// ("The operation could not be completed. The file doesn't exist.").
    private static func readProblem(_ path: String, _ error: any Error) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "no such file" }
        if isFolder.boolValue { return "it is a folder" }
        return FileManager.default.isReadableFile(atPath: path) ? error.localizedDescription : "permission denied"
    }

    /// Checks pipeline-file text; `path` names it in messages and is the folder its paths are relative to.
    public static func parse(_ text: String, path: String, registry: StageRegistry,
                             checkInputs: Bool = false) throws(ConfigurationError) -> PipelineFile {
        var parser = PipelineFileParser(file: path, registry: registry, checkInputs: checkInputs)
        let file = parser.parse(text)
        guard parser.problems.isEmpty, let file else { throw ConfigurationError(messages: parser.problems) }
        return file
    }

    /// The spec to run: the file's reader, stages (or `defaultTransforms`) and sink (or `defaultSink`), with `policy`.
    public func spec(policy: RunPolicy, defaultTransforms: [StageSpec], defaultSink: String) -> PipelineSpec {
        PipelineSpec(reader: reader, transforms: transforms ?? defaultTransforms,
                     sink: sink ?? StageSpec(name: defaultSink, origin: path), policy: policy)
    }
}
