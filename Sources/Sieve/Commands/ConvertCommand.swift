import ArgumentParser
import Logging
import SieveCore

/// `sieve convert`: run inputs through the pipeline into one output.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert text and HTML files into JSON, JSON Lines, CSV or XML.",
        discussion: """
        Inputs are files, directories (walked recursively in sorted order; hidden entries skipped) \
        and '-' for standard input. Files ending in .gz are decompressed. The format of each input is \
        detected from its extension and first bytes unless --from names a reader.

        With no --stage, the default news pipeline runs: main content extraction for HTML, Unicode \
        and whitespace normalization, rejoining of hard-wrapped lines, boilerplate removal, title and \
        field extraction. Each --stage replaces that list with your own, in the order given.

        EXAMPLES:
          sieve convert page.html
          sieve convert seeds --to jsonl
          sieve convert seeds --to csv:columns=id|title|published -o seeds.csv
          sieve convert news/ --to jsonl -o news.jsonl --errors errors.jsonl --jobs 2
          sieve convert a.txt --stage nfc --stage whitespace --stage unwrap
          cat page.html | sieve convert - --from html

        EXIT STATUS: 0 all converted, 1 some inputs failed (the rest are written), 2 usage or \
        configuration error (nothing is read).
        """
    )

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Reader for every input: auto, or a reader name such as text or html.", valueName: "reader"))
    var from = "auto"

    @Option(help: ArgumentHelp(
        "Output format: json, jsonl, csv or xml, optionally with options (csv:columns=id|title). Default: from the -o extension, else json.",
        valueName: "sink[:key=value,...]"))
    var to: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file, written atomically; - or absent for standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("stage"), help: ArgumentHelp(
        "A normalizer or extractor to run, in order; repeat for more. Replaces the default pipeline.",
        valueName: "name[:key=value,...]"))
    var stages: [String] = []

    @OptionGroup var run: RunOptions

    func validate() throws {
        if inputs.isEmpty {
            throw ValidationError("no input given; name files, directories, or - for standard input")
        }
    }

    func run() async throws {
        let registry = SieveCommand.registry
        let spec = try pipelineSpec(registry: registry)
        let pipeline = try Pipeline(spec, registry: registry)
        var sink = try registry.makeSink(spec.sink)
        let channel = try output.map { $0 == "-" ? OutputChannel() : try OutputChannel(path: $0) } ?? OutputChannel()
        let errorReport = try run.errors.map { try ErrorReport(path: $0) }
        let logger = Logger(label: "sieve") { StreamLogHandler.standardError(label: $0) }
        let console = FailureConsole(limit: run.quiet ? 0 : 20)
        let clock = ContinuousClock.now

        try sink.open(channel)
        let report: RunReport
        do {
            report = try await pipeline.run(InputWalker(paths: inputs), into: &sink, logger: logger, onFailure: { failure in
                console.show(failure)
                errorReport?.record(failure)
            })
            try sink.close()
            try channel.commit()
            try errorReport?.commit()
        } catch {
            channel.abort()
            errorReport?.abort()
            throw error
        }
        console.finish(hasReport: errorReport != nil)
        if !run.quiet || report.failed > 0 {
            let elapsed = ContinuousClock.now - clock
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            printError("sieve: \(report.summary) in \((seconds * 100).rounded() / 100) s")
        }
        if report.failed > 0 || report.stoppedEarly { throw ExitCode(1) }
    }

    private func pipelineSpec(registry: StageRegistry) throws -> PipelineSpec {
        var problems: [String] = []
        func parse(_ text: String, origin: String) -> StageSpec? {
            do { return try StageSpec(parsing: text, origin: origin) } catch {
                problems += error.messages
                return nil
            }
        }
        let reader = from == "auto" ? nil : parse(from, origin: "--from")
        let sinkText = to ?? output.flatMap(Self.sinkName(forOutput:)) ?? "json"
        let sink = parse(sinkText, origin: "--to")
        let transforms = stages.isEmpty ? registry.defaultTransforms : stages.compactMap { parse($0, origin: "--stage") }
        guard problems.isEmpty, let sink else { throw ConfigurationError(messages: problems) }
        return PipelineSpec(reader: reader, transforms: transforms, sink: sink, policy: run.policy)
    }

    /// The sink named by an output file's extension: `out.jsonl` → `jsonl`.
    static func sinkName(forOutput path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        return ["json", "jsonl", "csv", "xml"].contains(ext) ? ext : (ext == "ndjson" ? "jsonl" : nil)
    }
}

/// The run-policy flags shared by the commands that run a pipeline.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Inputs processed in parallel (default: the number of cores).", valueName: "n"))
    var jobs: Int = RunPolicy.coreCount

    @Option(help: ArgumentHelp("Largest input accepted, in bytes after decompression; larger ones are reported, not parsed.", valueName: "bytes"))
    var maxBytes: Int = 64 << 20

    @Option(help: ArgumentHelp("Write every failed input as a JSON line (input, stage, reason) to this file.", valueName: "file"))
    var errors: String?

    @Flag(help: "Stop at the first failed input.")
    var failFast = false

    @Flag(help: "Write documents as they finish instead of in input order.")
    var unordered = false

    @Flag(name: .shortAndLong, help: "Print nothing on standard error unless something failed.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be at least 1, got \(maxBytes)") }
    }

    var policy: RunPolicy {
        RunPolicy(jobs: jobs, ordered: !unordered, maxBytes: maxBytes, failFast: failFast)
    }
}
