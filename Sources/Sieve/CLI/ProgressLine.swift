import SieveCore

#if canImport(Glibc)
import Glibc
#endif

/// The live progress line on standard error: documents, MB, docs/s, MB/s, errors, elapsed time and, when
/// the number of inputs is known, the ETA. Redrawn at most four times a second; cleared at the end.
final class ProgressLine {
    private let enabled: Bool
    private let total: Int?
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    /// Shows progress when `force` says so, or by default when standard error is a terminal.
    init(force: Bool?, total: Int?) {
        enabled = force ?? (isatty(STDERR_FILENO) == 1)
        self.total = total
    }

    /// Redraws the line if a quarter second has passed.
    func update(_ report: RunReport, items: Int) {
        guard enabled, ContinuousClock.now - lastDraw >= .milliseconds(250) else { return }
        lastDraw = .now
        let seconds = max(0.001, Self.seconds(ContinuousClock.now - start))
        let megabytes = Double(report.bytes) / 1_048_576
        var line = "\(report.written) docs  \(Self.fixed(megabytes, 1)) MB  \(Self.fixed(Double(report.inputs) / seconds, 0)) docs/s  "
            + "\(Self.fixed(megabytes / seconds, 1)) MB/s  \(report.failed) errors  \(Self.clock(seconds))"
        if let total, items > 0, items < total {
            line += "  ETA \(Self.clock(seconds / Double(report.inputs) * Double(total - items)))"
        }
        printRaw("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Clears the line before the summary.
    func finish() {
        if drawn { printRaw("\r\u{1B}[K") }
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
