/// Counts how often each key occurs, in bounded memory: exact while there are at most `capacity` distinct
/// keys; past twice that, the rarest keys are forgotten down to `capacity`, so a key first seen late may be
/// undercounted. The most frequent keys of a skewed stream (sites, authors) stay exact in practice.
public struct TopCounter: Sendable {
    private var counts: [String: Int] = [:]
    /// Most keys kept after a pruning.
    public let capacity: Int
    /// Every occurrence counted, including those of forgotten keys.
    public private(set) var total = 0
    /// Whether some keys were forgotten (the table is then "top N of at least N").
    public private(set) var pruned = false

    /// Creates an empty counter keeping about `capacity` keys.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Counts one occurrence of `key`.
    public mutating func add(_ key: String, count: Int = 1) {
        counts[key, default: 0] += count
        total += count
        if counts.count > 2 * capacity { prune() }
    }

    /// Distinct keys currently held.
    public var distinct: Int { counts.count }

    /// The `limit` most frequent keys, most frequent first (ties by key).
    public func top(_ limit: Int) -> [(key: String, count: Int)] {
        Array(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit))
            .map { (key: $0.key, count: $0.value) }
    }

    private mutating func prune() {
        let keep = top(capacity)
        counts = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.count) })
        pruned = true
    }
}
