import Synchronization

/// CPU time spent in each stage of a run (`sieve convert --profile`, `sieve eval --profile`), measured with the
/// thread CPU clock (`ThreadCPUClock`) around each piece of work, so it counts what the work cost whatever
/// else the machine is doing.
///
/// Rows, in pipeline order: `input` (reading and decompressing files), each reader with the parts it times
/// itself (`html: parse`, libxml2 building the tree), each transform, `isolation` (the messages between the
/// run and its worker processes, both sides), each ordered transform, then the sink. A reader's row is its
/// own work only: the transforms it hands documents to, and its parts, are in their own rows, so the rows
/// add up to the total. Not counted: starting the process and its workers, walking folders.
///
/// Example row of `table(unit:)`: `main-content      612.4 ms     1.029 ms   23.1%`.
public struct StageProfile: Sendable, Equatable {
    /// Where a row sits in the pipeline; rows are listed in this order, then in the order first seen.
    public enum Place: Int, Sendable, Comparable, Codable {
        case input, reader, transform, isolation, ordered, sink

        public static func < (lhs: Place, rhs: Place) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One stage's (or one part's) time.
    public struct Row: Sendable, Equatable {
        /// The stage name (`html`, `main-content`), a reader's part (`html: parse`), `input` or `isolation`.
        public var name: String
        /// Where it sits in the pipeline.
        public var place: Place
        /// Thread CPU nanoseconds.
        public var nanoseconds: UInt64
    }

    /// The rows, in the order first added.
    public private(set) var rows: [Row] = []
    /// Inputs the times were spent on (the divisor of the per-input column).
    public var inputs = 0

    /// An empty profile.
    public init() {}

    /// Adds `nanoseconds` to the row `name` (created at `place` when new).
    public mutating func add(_ name: String, _ place: Place, _ nanoseconds: UInt64) {
        if let index = rows.firstIndex(where: { $0.name == name && $0.place == place }) {
            rows[index].nanoseconds += nanoseconds
        } else {
            rows.append(Row(name: name, place: place, nanoseconds: nanoseconds))
        }
    }

    /// Adds a reader's rows: its own time, that is `spent` less `inner` (the transforms it handed documents to)
    /// and less the `parts` it timed itself (`StageTimer`), each part as a row `name: part` of its own.
    public mutating func addReader(_ name: String, spent: UInt64, inner: UInt64, parts: [(name: String, nanoseconds: UInt64)]) {
        let others = inner + parts.reduce(0) { $0 + $1.nanoseconds }
        add(name, .reader, spent > others ? spent - others : 0)
        for part in parts { add("\(name): \(part.name)", .reader, part.nanoseconds) }
    }

    /// Adds every row and input of `other`.
    public mutating func merge(_ other: StageProfile) {
        for row in other.rows { add(row.name, row.place, row.nanoseconds) }
        inputs += other.inputs
    }

    /// This profile with every row and input of `other` added.
    public func merging(_ other: StageProfile) -> StageProfile {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// The rows in pipeline order.
    public var ordered: [Row] {
        rows.enumerated().sorted { ($0.element.place, $0.offset) < ($1.element.place, $1.offset) }.map(\.element)
    }

    /// The sum of every row, nanoseconds.
    public var total: UInt64 { rows.reduce(0) { $0 + $1.nanoseconds } }

    /// The profile as a table: per row the total milliseconds, milliseconds per input and share of the total.
    public var table: String {
        let total = self.total
        let perInput = Double(max(inputs, 1))
        var lines = ["profile: CPU time by stage (thread CPU clock) over \(inputs) input(s)",
                     pad("stage", 28) + pad("total ms", 12, right: true) + pad("ms/input", 12, right: true) + pad("share", 8, right: true)]
        for row in ordered + [Row(name: "total", place: .sink, nanoseconds: total)] {
            let milliseconds = Double(row.nanoseconds) / 1e6
            let share = total > 0 ? Double(row.nanoseconds) * 100 / Double(total) : 0
            lines.append(pad(row.name, 28) + pad(Self.fixed(milliseconds, 1), 12, right: true)
                + pad(Self.fixed(milliseconds / perInput, 3), 12, right: true) + pad(Self.fixed(share, 1) + "%", 8, right: true))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let fraction = String(scaled % Int(scale))
        return "\(scaled / Int(scale)).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}

/// Where a stage times parts of its own work (`StageContext.measure`): the `html` reader times the libxml2 parse.
/// Shared by the pipeline and the stage it hands it to; safe from any thread.
public final class StageTimer: Sendable {
    private let parts = Mutex<[(name: String, nanoseconds: UInt64)]>([])

    /// A timer with no parts yet.
    public init() {}

    /// Runs `body`, adding its thread CPU time to the part `name`.
    public func measure<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
        let start = ThreadCPUClock.now()
        defer {
            let spent = ThreadCPUClock.now() - start
            parts.withLock { parts in
                if let index = parts.firstIndex(where: { $0.name == name }) { parts[index].nanoseconds += spent } else {
                    parts.append((name, spent))
                }
            }
        }
        return try body()
    }

    /// The parts timed so far, and clears them.
    public func take() -> [(name: String, nanoseconds: UInt64)] {
        parts.withLock { parts in
            defer { parts.removeAll() }
            return parts
        }
    }
}
