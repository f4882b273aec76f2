import SieveCore

/// Failures and drops grouped by kind, stage and reason, each group with a count and its first few inputs
/// as examples. Memory is bounded: at most `maxGroups` groups; failures past that are counted under their
/// stage with the reason "(other reasons)".
public struct FailureTally: Sendable {
    /// One kind of failure at one stage for one reason.
    public struct Group: Sendable {
        /// Failed or dropped.
        public var kind: Failure.Kind
        /// The stage that failed or dropped (`input` when the bytes could not be read).
        public var stage: String
        /// What went wrong.
        public var reason: String
        /// How many inputs or documents.
        public var count: Int
        /// The first inputs (`path` or `path @offset`), at most `FailureTally.examplesPerGroup`.
        public var examples: [String]
    }

    private struct Key: Hashable {
        var kind: Failure.Kind
        var stage: String
        var reason: String
    }

    private var groups: [Key: Group] = [:]
    /// Most groups kept.
    public let maxGroups: Int
    /// Example inputs kept per group.
    public static let examplesPerGroup = 3
    /// Failed inputs or documents counted.
    public private(set) var failed = 0
    /// Dropped documents counted.
    public private(set) var dropped = 0

    /// Creates an empty tally.
    public init(maxGroups: Int = 500) {
        self.maxGroups = maxGroups
    }

    /// Counts one failure or drop.
    public mutating func add(_ failure: Failure) {
        if failure.kind == .failed { failed += 1 } else { dropped += 1 }
        var key = Key(kind: failure.kind, stage: failure.stage, reason: failure.reason)
        if groups[key] == nil, groups.count >= maxGroups { key.reason = "(other reasons)" }
        var group = groups[key] ?? Group(kind: key.kind, stage: key.stage, reason: key.reason, count: 0, examples: [])
        group.count += 1
        if group.examples.count < Self.examplesPerGroup {
            group.examples.append(failure.offset.map { "\(failure.input) @\($0)" } ?? failure.input)
        }
        groups[key] = group
    }

    /// Every group, the largest first.
    public var sortedGroups: [Group] {
        groups.values.sorted {
            ($0.count, $1.stage, $1.reason) > ($1.count, $0.stage, $0.reason)
        }
    }

    /// Counts per stage, failures and drops together, the largest first.
    public var byStage: [(stage: String, failed: Int, dropped: Int)] {
        var stages: [String: (failed: Int, dropped: Int)] = [:]
        for group in groups.values {
            if group.kind == .failed { stages[group.stage, default: (0, 0)].failed += group.count } else {
                stages[group.stage, default: (0, 0)].dropped += group.count
            }
        }
        return stages.map { (stage: $0.key, failed: $0.value.failed, dropped: $0.value.dropped) }
            .sorted { ($0.failed + $0.dropped, $1.stage) > ($1.failed + $1.dropped, $0.stage) }
    }

    /// A failure from a line of an `--errors` report (`{"input", "offset", "id", "stage", "reason", "kind"}`);
    /// nil when the line is not such an object.
    public static func failure(json value: FieldValue) -> Failure? {
        guard case .object(let members) = value, let input = members["input"]?.stringValue,
              let stage = members["stage"]?.stringValue, let reason = members["reason"]?.stringValue else { return nil }
        var offset: Int?
        if case .number(let number)? = members["offset"], let exact = Int(exactly: number) { offset = exact }
        let kind = members["kind"]?.stringValue.flatMap(Failure.Kind.init(rawValue:)) ?? .failed
        return Failure(input: input, offset: offset, id: members["id"]?.stringValue, stage: stage, reason: reason, kind: kind)
    }
}
