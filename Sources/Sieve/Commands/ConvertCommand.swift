import ArgumentParser
import Glibc
import Logging
import SieveCore

/// `sieve convert`: run inputs through the pipeline into one output.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert text and HTML files into JSON, JSON Lines, CSV, XML, Markdown, text, HTML or SQLite.",
        discussion: """
        Inputs are files, directories (walked recursively in sorted order; hidden entries skipped) \
        and '-' for standard input. Files ending in .gz are decompressed. WARC files (.warc, .warc.gz) \
        and JSON Lines files of pages (.jsonl: {"id", "url", "html" or "text"} per line) are read record \
        by record. The format of each input is detected from its extension and first bytes unless --from \
        names a reader.

        In folders, only files of a known format are read (.html, .htm, .xhtml, .shtml, .txt, .warc, .jsonl, \
        .ndjson, and those under .gz); others are skipped and counted (--include reads the files it matches, whatever \
        their format). FIFOs, sockets, devices and broken links met in a folder are reported, not opened.

        Output is JSON for a single file and JSON Lines for a batch, unless --to or the -o extension \
        says otherwise: .json, .jsonl, .csv, .xml, .md, .txt, .html, .sqlite (or .db); .gz after a text \
        format compresses it (out.jsonl.gz); any other extension is refused unless --to names the format. \
        -o DIR/ writes one file per document into DIR. A SQLite database is updated in place: a document \
        already in it is replaced (by id), others are kept. Output files appear only when complete (through a symbolic link, the link's target \
        is replaced and the link kept); -o /dev/stdout, /dev/fd/N, a device or a FIFO is written as a \
        stream. An output that is an input, or that lies in an input folder where the walk would read it, \
        is refused, and so is one that is the --files-from list or the pipeline file, or standard output \
        redirected into an input (>> input.txt). A run writing JSON Lines or CSV to a file keeps a journal (FILE.sieve-journal) while it \
        runs: if it is interrupted or stopped early, the same command with --resume continues where it \
        stopped, and the result equals an uninterrupted run.

        With no --stage, the default news pipeline runs: main content extraction for HTML, Unicode \
        and whitespace normalization, rejoining of hard-wrapped lines, boilerplate removal, title and \
        field extraction. Each --stage replaces that list with your own, in the order given.

        EXAMPLES:
          sieve convert page.html
          sieve convert seeds --to jsonl
          sieve convert page.html -o page.md
          sieve convert news/ -o news.sqlite            # then: sqlite3 news.sqlite
          sieve convert news/ --to markdown -o pages/   # one .md file per document
          sieve convert seeds --to 'csv:columns=id|title|published' -o seeds.csv
          sieve convert news/ --to jsonl -o news.jsonl --errors errors.jsonl --jobs 2
          sieve convert news/ -o news.jsonl --resume       # continue a stopped run
          sieve convert CC-NEWS-*.warc.gz -o out/ --partition-by date
          sieve convert news/ --include '*.html' --shard 3/8 -o part3.jsonl
          sieve convert a.txt --stage nfc --stage whitespace --stage unwrap
          cat page.html | sieve convert - --from html

        EXIT STATUS:
          0    every input was converted
          1    some inputs failed (named on standard error and in --errors); the
               rest were written
          2    usage or configuration error, refused before any input is read; or
               a write error during the run (nothing is left under the output's name)
          130  stopped by Ctrl-C or SIGTERM (a journaled output is kept for --resume)
          141  the reader of the output went away (sieve convert big | head): the
               run ends quietly
        """
    )

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Reader for every input: auto, or a reader name such as text or html.", valueName: "reader"))
    var from = "auto"

    @Option(help: ArgumentHelp(
        "Output format: json, jsonl, csv, xml, markdown (md), text, html or sqlite, optionally with options ('csv:columns=id|title'). Default: from the -o extension, else json for one named file and jsonl for a batch or standard input.",
        valueName: "sink[:key=value,...]"))
    var to: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file, written atomically (its extension picks the format); DIR/ for one file per document; - or absent for standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("stage"), help: ArgumentHelp(
        "A normalizer or extractor to run, in order; repeat for more. Replaces the default pipeline.",
        valueName: "name[:key=value,...]"))
    var stages: [String] = []

    @Option(help: ArgumentHelp("Run the pipeline in this YAML file: reader, stages, sink, inputs, output, run settings.", valueName: "file"))
    var pipeline: String?

    @Option(help: ArgumentHelp("Write an HTML report of the run here: charts of the documents and failures, settings, speed, memory (see 'sieve report').", valueName: "file"))
    var report: String?

    @OptionGroup var selection: InputOptions
    @OptionGroup var run: RunOptions

    func validate() throws {
        if let first = inputs.first, let command = Self.mistypedCommand(first) {
            throw ValidationError("'\(first)' is neither a file nor a command (did you mean 'sieve \(command)'?)")
        }
        if inputs.isEmpty && selection.filesFrom == nil && pipeline == nil {
            throw ValidationError("no input given; name files, directories, or - for standard input (or use --files-from)")
        }
        if pipeline != nil, from != "auto" || to != nil || !stages.isEmpty {
            throw ValidationError("--pipeline sets the reader, stages and sink; do not combine it with --from, --to or --stage")
        }
    }

    func run() async throws {
        let interrupts = InterruptHandler()
        defer { interrupts.remove() }
        let registry = SieveCommand.registry
        let file = try pipeline.map { path throws(ConfigurationError) in try PipelineFile.load(path, registry: registry) }
        let inputs = self.inputs.isEmpty ? file?.inputs ?? [] : self.inputs
        let output = self.output ?? file?.output
        guard !inputs.isEmpty || selection.filesFrom != nil else {
            throw ConfigurationError("no input given; name files or directories on the command line or in 'inputs:' of \(pipeline ?? "the pipeline file")")
        }
        let explicitFiles = selection.filesFrom == nil && inputs.allSatisfy { Self.isPlainFile($0) }
        let format = try OutputFormat(output: output, sinkGiven: to != nil || file?.sink != nil, partitioned: run.partitionBy != nil)
        let defaultSink = format.sink ?? (format.perDocument || explicitFiles && inputs.count == 1 ? "json" : "jsonl")
        let fullSpec = try file.map { file in
            file.spec(policy: run.policy(over: file.run), defaultTransforms: registry.defaultTransforms, defaultSink: defaultSink)
        } ?? pipelineSpec(registry: registry, defaultSink: defaultSink)
        let (stages, spec) = RunIsolation.withDebugFaults(registry, fullSpec, enabled: run.debugFaults)
        let pipeline = try Pipeline(spec, registry: stages)
        var selection = self.selection.selection(paths: inputs, maxBytes: spec.policy.maxBytes)
        selection.addFormats(of: registry)
        let errorsPath = (run.errors ?? file?.errors).map { $0 == "-" ? "/dev/stderr" : $0 }
        try OutputSafety.check(outputs(output: output, errors: errorsPath, sink: spec.sink.name, registry: registry, format: format),
                               inputs: inputs, configuration: configurationFiles, selection: selection)
        let plan = try OutputPlan(output: output, format: format, sink: spec.sink, registry: registry, partition: run.partitionBy,
                                  resume: run.resume, ordered: spec.policy.ordered, fingerprint: fingerprint(spec, inputs: inputs),
                                  errorsPath: errorsPath, inputs: Set(inputs.compactMap { FileIdentity(path: $0) }))
        let recorder = try report.map { path throws(OutputError) in try RunReportRecorder(path: path, title: output ?? "standard output") }
        selection.outputs = Set([output, errorsPath, report].compactMap { $0.flatMap { FileIdentity(path: $0) } })
        var logger = Logger(label: "sieve") { StreamLogHandler.standardError(label: $0) }
        if run.quiet { logger.logLevel = .error }
        let isolation = try RunIsolation(pipeline: pipeline, spec: spec, options: run, batch: !(explicitFiles && inputs.count == 1),
                                         output: output, resumeAfter: plan.resumeAfter, logger: logger)
        let console = FailureConsole(limit: run.quiet ? 0 : 20)
        let progress = ProgressLine(force: run.progress, count: run.progress ?? (isatty(STDERR_FILENO) == 1) ? InputCount(selection) : nil)
        let clock = ContinuousClock.now
        let walk = InputSource(selection)
        let source = plan.ledger.map { $0.track(walk) } ?? AnySequence(walk)
        var report: RunReport
        do {
            report = try await pipeline.run(source, resumeAfter: plan.resumeAfter, setAside: isolation.setAside, executor: isolation.executor,
                                            inFlight: plan.journal, stop: interrupts.flag, logger: logger,
                                            write: { document in try plan.write(document); recorder?.add(document) },
                                            writeJSON: plan.takesJSON ? { json in try plan.write(json: json); recorder?.add(json: json) } : nil,
                                            onFailure: { failure in
                if failure.kind == .failed { console.show(failure) }
                plan.errors?.record(failure)
                recorder?.add(failure: failure)
            }, onProgress: { report in
                let items = report.inputs + plan.resumeAfter
                progress.update(report, items: items, resumed: plan.resumeAfter)
                try? plan.progress(items: items, failed: report.failed + plan.earlierFailures)
            })
            interrupts.settled()
            if plan.ledger?.mismatch != nil {
                plan.keepForLaterResume()
            } else if report.stoppedEarly != nil {
                plan.journal?.abandonedInFlight()
                try plan.stop(items: report.inputs + plan.resumeAfter, failed: report.failed + plan.earlierFailures)
            } else if report.written == 0, report.failed > 0, plan.resumeAfter == 0 {
                let kept = try plan.finishKeepingEarlierFiles()
                if !kept.isEmpty {
                    printError("sieve: no input was converted; \(kept.joined(separator: ", ")) was left as it was")
                }
            } else {
                try plan.finish()
            }
        } catch {
            progress.finish()
            recorder?.abort()
            for problem in plan.abort(reported: error) { printError("sieve: error: \(problem)") }
            throw error
        }
        progress.finish()
        if let mismatch = plan.ledger?.mismatch {
            throw ConfigurationError("--resume: \(mismatch); restore the inputs and resume, or run without --resume to start over")
        }
        console.finish(hasReport: plan.errors != nil)
        report.failed += plan.earlierFailures
        report.resumedFailed = plan.earlierFailures
        let elapsed = ProgressLine.seconds(ContinuousClock.now - clock)
        try recorder?.finish(report, settings: RunReportRecorder.settings(spec: spec, inputs: inputs, output: output), seconds: elapsed)
        if !run.quiet || report.failed > 0 {
            printError("sieve: \(report.summary.replacingFirstLine { "\($0) in \(ProgressLine.fixed(elapsed, 2)) s" })")
        }
        if let profile = report.profile { printError(profile.table) }
        if interrupts.flag.isRaised { throw ExitCode(130) }
        if report.failed > 0 || report.stoppedEarly != nil { throw ExitCode(1) }
    }

    private func pipelineSpec(registry: StageRegistry, defaultSink: String) throws -> PipelineSpec {
        var problems: [String] = []
        func parse(_ text: String, origin: String) -> StageSpec? {
            do { return try StageSpec(parsing: text, origin: origin) } catch {
                problems += error.messages
                return nil
            }
        }
        let reader = from == "auto" ? nil : parse(from, origin: "--from")
        var sink = parse(to ?? defaultSink, origin: "--to")
        if let name = sink?.name { sink?.name = SinkNames.resolve(name, in: registry) }
        if let sink, registry.descriptor(named: sink.name)?.role != .sink {
            let formats = SinkNames.shown(in: registry)
            problems.append("--to: unknown output format '\(sink.name)'\(Suggestion.hint(for: sink.name, among: formats)); "
                + "formats: \(formats.joined(separator: ", "))")
        }
        let transforms = stages.isEmpty ? registry.defaultTransforms : stages.compactMap { parse($0, origin: "--stage") }
        guard problems.isEmpty, let sink else { throw ConfigurationError(messages: problems) }
        return PipelineSpec(reader: reader, transforms: transforms, sink: sink, policy: run.policy)
    }

    /// What must match for `--resume` to continue a run: inputs, selection, stages and output format.
    private func fingerprint(_ spec: PipelineSpec, inputs: [String]) -> String {
        let parts = inputs + [selection.filesFrom ?? "", selection.include.joined(separator: "|"),
                              selection.exclude.joined(separator: "|"), selection.shard ?? "", from, spec.sink.name,
                              "\(spec.sink.options.sorted { $0.key < $1.key })"]
            + spec.transforms.map { "\($0.name)\($0.options.sorted { $0.key < $1.key })" }
        return String(StableHash.of(parts.joined(separator: "\u{1F}")), radix: 16)
    }

    /// The files the run reads its own configuration from, which no output may overwrite.
    private var configurationFiles: [OutputSafety.Configuration] {
        [selection.filesFrom.map { OutputSafety.Configuration(path: $0, role: "the --files-from list", isPathList: true) },
         pipeline.map { OutputSafety.Configuration(path: $0, role: "the pipeline file") }].compactMap { $0 }
    }

    /// The outputs `OutputSafety` checks: the `-o` file (or partition folder) and the `--errors` file.
    private func outputs(output: String?, errors: String?, sink: String, registry: StageRegistry,
                         format: OutputFormat) -> [OutputSafety.Output] {
        let folder = run.partitionBy != nil || format.perDocument
        let partitionExtension = folder ? (registry.descriptor(named: sink)?.type as? any SinkWriter.Type)?.fileExtension ?? sink : nil
        let file = output.flatMap { $0 == "-" ? nil : $0 }
        var outputs = [OutputSafety.Output(flag: file == nil ? "" : "-o", path: file ?? "/dev/stdout",
                                           partitionExtension: partitionExtension)]
        if let errors { outputs.append(OutputSafety.Output(flag: "--errors", path: errors)) }
        if let report { outputs.append(OutputSafety.Output(flag: "--report", path: report)) }
        return outputs
    }

    /// The command a first argument that is not a path was probably meant to be: `covert` → `convert`.
    static func mistypedCommand(_ argument: String) -> String? {
        guard argument != "-", !argument.contains("/"), !argument.contains("."), access(argument, F_OK) != 0 else { return nil }
        let commands = SieveCommand.configuration.subcommands.map { $0._commandName }
        return Suggestion.closest(to: argument, among: commands)
    }

    /// Whether a path names one regular file that is not a container of many records.
    static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        let lower = path.lowercased()
        let container = [".warc", ".warc.gz", ".jsonl", ".jsonl.gz", ".ndjson"].contains { lower.hasSuffix($0) }
        return path != "-" && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && !container
    }
}

extension String {
    /// The text with its first line rewritten.
    func replacingFirstLine(_ transform: (Substring) -> String) -> String {
        guard let newline = firstIndex(of: "\n") else { return transform(self[...]) }
        return transform(self[..<newline]) + self[newline...]
    }
}
