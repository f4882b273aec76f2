import Glibc
import SieveCore
import SieveReport

/// `sieve convert --report FILE`: counts every written document and every failure as the run goes (never
/// holding them), then writes the HTML run report with the run's settings, speed, CPU time and peak memory.
/// The page is opened before any input is read (an unwritable path fails first) and appears only when the
/// run ends, through `OutputChannel`.
final class RunReportRecorder {
    private var aggregates = ReportAggregates()
    private let channel: OutputChannel
    private let title: String

    /// Opens the report's output; `title` names the run's output on the page.
    init(path: String, title: String) throws(OutputError) {
        channel = try OutputChannel(path: path)
        self.title = title
    }

    /// Counts a document handed to the sink.
    func add(_ document: Document) {
        aggregates.add(ReportRecord(document))
    }

    /// Counts a document handed to the sink in its JSON form.
    func add(json: ArraySlice<UInt8>) {
        if let record = ReportRecord(line: json) { aggregates.add(record) }
    }

    /// Counts a failed or dropped input or document.
    func add(failure: Failure) {
        aggregates.add(failure: failure)
    }

    /// Writes and commits the page, with the run's counts, `settings` and wall-clock `seconds`.
    func finish(_ report: RunReport, settings: [(label: String, value: String)], seconds: Double) throws(OutputError) {
        var facts = RunFacts()
        facts.settings = settings
        if report.resumed > 0 {
            facts.settings.append(("resumed", "\(report.resumed) inputs done by the interrupted run are not counted in this report"))
        }
        facts.inputs = report.inputs
        facts.bytes = report.bytes
        facts.written = report.written
        facts.skipped = report.skipped
        facts.seconds = seconds
        facts.stoppedEarly = report.stoppedEarly
        var own = rusage(), children = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        facts.cpuSeconds = Self.seconds(own.ru_utime) + Self.seconds(own.ru_stime) + Self.seconds(children.ru_utime) + Self.seconds(children.ru_stime)
        facts.peakMemoryBytes = max(own.ru_maxrss, children.ru_maxrss) * 1024
        aggregates.run = facts
        ReportPage.write(aggregates, title: title, to: channel)
        try channel.commit()
    }

    /// Discards the page (the run failed before it could report).
    func abort() {
        channel.abort()
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

extension RunReportRecorder {
    /// The settings the report shows for a run of `spec` over `inputs` into `output`.
    static func settings(spec: PipelineSpec, inputs: [String], output: String?) -> [(label: String, value: String)] {
        let shownInputs = inputs.prefix(5).joined(separator: " ") + (inputs.count > 5 ? " … (\(inputs.count) in all)" : "")
        var settings: [(label: String, value: String)] = [
            ("inputs", shownInputs.isEmpty ? "(from --files-from)" : shownInputs),
            ("reader", spec.reader?.name ?? "auto"),
            ("stages", spec.transforms.map(\.name).joined(separator: ", ")),
            ("output", "\(output ?? "standard output") (\(spec.sink.name))"),
            ("jobs", "\(spec.policy.jobs), at most \(spec.policy.maxInFlight) inputs in flight"),
            ("largest input", "\(spec.policy.maxBytes) bytes"),
        ]
        if let timeout = spec.policy.documentTimeout { settings.append(("timeout", "\(timeout)")) }
        if !spec.policy.ordered { settings.append(("order", "as finished (--unordered)")) }
        return settings
    }
}
