import SieveCore

#if canImport(Glibc)
import Glibc
#endif

/// Progress on standard error: documents, MB, docs/s, MB/s, errors, elapsed time and, once the inputs are
/// counted (`InputCount`), how far along the run is and the time left. On a terminal, one line redrawn at
/// most four times a second and cleared at the end; into a file or a pipe (`--progress 2> log`), a plain
/// line every `plainInterval` and one at the end, with no escape codes.
final class ProgressLine {
    private let enabled: Bool
    private let terminal: Bool
    private let count: InputCount?
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant
    private var drawn = false
    private var latest: (report: RunReport, items: Int, resumed: Int)?
    /// How often a plain line is written when standard error is not a terminal.
    static let plainInterval = Duration.seconds(5)

    /// Shows progress when `force` says so, or by default when standard error is a terminal; `count` gives
    /// the totals when known.
    init(force: Bool?, count: InputCount?) {
        terminal = isatty(STDERR_FILENO) == 1
        enabled = force ?? terminal
        self.count = count
        lastDraw = terminal ? start - .seconds(1) : start
    }

    /// Redraws the line (a quarter second after the last on a terminal; `plainInterval` otherwise). `items`
    /// counts the work items done, `resumed` of them by an earlier run.
    func update(_ report: RunReport, items: Int, resumed: Int = 0) {
        guard enabled else { return }
        latest = (report, items, resumed)
        guard ContinuousClock.now - lastDraw >= (terminal ? .milliseconds(250) : Self.plainInterval) else { return }
        lastDraw = .now
        draw(report, items: items, resumed: resumed)
    }

    /// Clears the line before the summary (on a terminal), or writes the last plain line.
    func finish() {
        if terminal {
            if drawn { printRaw("\r\u{1B}[K") }
        } else if enabled, let latest {
            draw(latest.report, items: latest.items, resumed: latest.resumed)
        }
    }

    private func draw(_ report: RunReport, items: Int, resumed: Int) {
        let line = Self.line(report, items: items, resumed: resumed, totals: count?.totals, seconds: Self.seconds(ContinuousClock.now - start))
        printRaw(terminal ? "\r\u{1B}[K" + line : "sieve: progress: " + line + "\n")
        drawn = true
    }

    /// `12 docs  1.5 MB  40 docs/s  0.3 MB/s  0 errors  0:03`, with `  12/50 inputs  ETA 0:09` once the
    /// totals are known (the time left from bytes when they are counted, else from files).
    static func line(_ report: RunReport, items: Int, resumed: Int, totals: InputCount.Totals?, seconds elapsed: Double) -> String {
        let seconds = max(0.001, elapsed)
        let megabytes = Double(report.bytes) / 1_048_576
        var line = "\(report.written) docs  \(fixed(megabytes, 1)) MB  \(fixed(Double(report.inputs) / seconds, 0)) docs/s  "
            + "\(fixed(megabytes / seconds, 1)) MB/s  \(report.failed) errors  \(clock(seconds))"
        if let total = totals?.items {
            line += "  \(items)/\(total) inputs"
        } else if let bytes = totals?.bytes, resumed == 0 {
            line += "  of \(fixed(Double(bytes) / 1_048_576, 1)) MB"
        }
        if let bytes = totals?.bytes, resumed == 0, report.bytes > 0, report.bytes < bytes {
            line += "  ETA \(clock(seconds / Double(report.bytes) * Double(bytes - report.bytes)))"
        } else if let total = totals?.items, items > resumed, items < total {
            line += "  ETA \(clock(seconds / Double(items - resumed) * Double(total - items)))"
        }
        return line
    }

    private func printRaw(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds)
        let minutes = whole / 60 % 60
        let secs = whole % 60
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return whole >= 3600 ? "\(whole / 3600):\(pad(minutes)):\(pad(secs))" : "\(minutes):\(pad(secs))"
    }
}
