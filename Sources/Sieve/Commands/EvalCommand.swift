import ArgumentParser
import Glibc
import SieveCore

/// `sieve eval`: extract every page of an evaluation set, timing each page in-process.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Extract and time every page of an HTML evaluation set; write predictions as JSON Lines.",
        discussion: """
        Pages are DIR/html/*.html[.gz] (or DIR/*.html[.gz]). Each page is read by the html reader and run \
        through the --stage transforms on one thread; its CPU time is measured with the thread CPU clock, \
        for the full extraction and for a bare libxml2 parse of the same bytes (each the fastest of --repeat \
        runs). Each output line is {"id", "path", "bytes", "cpu_ms", "parse_ms", "failure", "document"}. \
        A summary goes to standard error. scripts/eval-extraction scores the output against the ground truth.

        EXAMPLES:
          sieve eval eval/aeb-dev -o predictions.jsonl
          sieve eval eval/aeb-dev --stage main-content --repeat 5 -o predictions.jsonl
        """
    )

    @Argument(help: ArgumentHelp("The evaluation set folder.", valueName: "dir"))
    var directory: String

    @Option(name: .customLong("stage"), help: ArgumentHelp("A transform to run, in order; repeat for more.", valueName: "name[:key=value,...]"))
    var stages: [String] = ["main-content", "metadata"]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Predictions file (JSON Lines); - for standard output.", valueName: "file"))
    var output = "-"

    @Option(help: "Time each page this many times and keep the fastest run.")
    var `repeat` = 3

    @Option(help: "Only the first N pages.")
    var limit: Int?

    @Flag(help: "Also print the CPU time of each stage (reader, libxml2 parse, each transform) over the first run of every page.")
    var profile = false

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw ValidationError("no such folder: \(directory) (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw ValidationError("\(directory) is a file, not an evaluation set folder") }
    }

    func run() throws {
        let registry = SieveCommand.registry
        let reader = try registry.makeReader(StageSpec(name: "html", origin: "eval"))
        var transforms: [(name: String, stage: any Transform)] = []
        for text in stages {
            let spec = try StageSpec(parsing: text)
            transforms.append((spec.name, try registry.makeTransform(spec)))
        }
        var pages = EvaluationRunner.pages(in: directory)
        if let limit { pages = Array(pages.prefix(limit)) }
        guard !pages.isEmpty else { throw ValidationError("no .html or .html.gz pages in \(directory)") }
        let channel = output == "-" ? OutputChannel() : try OutputChannel(path: output)
        var runner = EvaluationRunner(reader: reader, transforms: transforms, repeats: `repeat`)
        runner.profile = profile
        var stageProfile = StageProfile()
        let loader = InputLoader(maxBytes: 256 << 20)
        var full: [Double] = [], parse: [Double] = []
        var failures = 0
        for path in pages {
            let result = runner.run(path: path, loader: loader)
            full.append(result.fullMilliseconds)
            parse.append(result.parseMilliseconds)
            if result.failure != nil { failures += 1 }
            if let profile = result.profile { stageProfile.merge(profile) }
            channel.write(Self.line(for: result))
        }
        try channel.commit()
        let total = full.reduce(0, +)
        let rate = total > 0 ? Double(full.count) * 1000 / total : 0
        printError("eval: \(pages.count) pages, \(failures) failed; CPU ms per page: median \(Self.fixed(Self.median(full))), "
            + "mean \(Self.fixed(total / Double(full.count))), max \(Self.fixed(full.max() ?? 0)); "
            + "parse-only median \(Self.fixed(Self.median(parse))); \(Int(rate.rounded())) pages/s of CPU")
        if profile { printError(stageProfile.table) }
    }

    /// One JSON line for a page.
    static func line(for result: EvaluationRunner.PageResult) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("id"); writer.string(result.id)
        writer.raw(","); writer.key("path"); writer.string(result.path)
        writer.raw(","); writer.key("bytes"); writer.number(Double(result.bytes))
        writer.raw(","); writer.key("cpu_ms"); writer.number((result.fullMilliseconds * 1000).rounded() / 1000)
        writer.raw(","); writer.key("parse_ms"); writer.number((result.parseMilliseconds * 1000).rounded() / 1000)
        writer.raw(","); writer.key("failure"); writer.optionalString(result.failure)
        writer.raw(","); writer.key("document")
        if let document = result.document { DocumentJSON.write(document, to: &writer) } else { writer.raw("null") }
        writer.raw("}\n")
        return writer.bytes
    }

    /// A number with three decimals.
    static func fixed(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// The median of some values (0 for none).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
