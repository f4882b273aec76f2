import ArgumentParser
import SieveCore
import SieveReport

/// `sieve report OUT.jsonl [--errors ERRORS.jsonl] -o report.html`: the run report of an earlier run,
/// from its JSON Lines output and its `--errors` file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make an HTML report with charts from a JSON Lines output (and its --errors file).",
        discussion: """
        The report is one self-contained HTML page (no script, font or network): documents per \
        publication day with the gaps, per site and per language, text lengths, the share of documents \
        with a title, a date and an author, the top authors and organizations, and failures and drops by \
        stage and reason with example inputs. The files are read one line at a time, so a run of any \
        size reports in bounded memory. 'sieve convert --report FILE' writes the same page at the end of \
        a run, with the run's settings, speed and peak memory.

        EXAMPLES:
          sieve report news.jsonl -o report.html
          sieve report news.jsonl --errors errors.jsonl -o report.html
          sieve convert news/ -o news.jsonl --report report.html
        """
    )

    @Argument(help: ArgumentHelp("The JSON Lines output of a run (.jsonl, or .jsonl.gz); - for standard input.", valueName: "output.jsonl"))
    var documents: String

    @Option(help: ArgumentHelp("The --errors file of the same run: failures and drops by stage and reason.", valueName: "file"))
    var errors: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write; - or absent for standard output.", valueName: "report.html"))
    var output: String?

    func run() throws {
        let target = output.flatMap { $0 == "-" ? nil : $0 }
        try OutputSafety.check([OutputSafety.Output(flag: target == nil ? "" : "-o", path: target ?? "/dev/stdout")],
                               inputs: [documents] + (errors.map { [$0] } ?? []), selection: InputSource.Selection())
        let channel = try target.map { path throws(OutputError) in try OutputChannel(path: path) } ?? OutputChannel()
        var aggregates = ReportAggregates()
        do {
            try ReportInput.addDocuments(from: documents, to: &aggregates)
            if let errors { try ReportInput.addFailures(from: errors, to: &aggregates) }
        } catch {
            channel.abort()
            throw ConfigurationError("\(error)")
        }
        ReportPage.write(aggregates, title: documents, to: channel)
        try channel.commit()
    }
}
