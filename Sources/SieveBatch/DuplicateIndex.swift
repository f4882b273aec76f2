/// What the dedupe stage remembers: exact-text hashes and MinHash signatures with their LSH band buckets.
struct DuplicateIndex: Sendable {
    private(set) var exact: [UInt64: String] = [:]
    private var signatures: [Int: (id: String, signature: [UInt32])] = [:]
    private var bands: [UInt64: [Int]] = [:]
    private var order: [(serial: Int, exact: UInt64)] = []
    private var oldest = 0
    private var serial = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The earliest remembered document whose estimated similarity reaches `threshold`, with the estimate.
    func nearest(to signature: [UInt32], atLeast threshold: Double) -> (String, Double)? {
        var best: (Int, Double)?
        for band in TextFingerprint.bandKeys(signature) {
            for candidate in bands[band] ?? [] {
                guard let stored = signatures[candidate] else { continue }
                let score = TextFingerprint.similarity(signature, stored.signature)
                if score >= threshold, best.map({ candidate < $0.0 }) ?? true { best = (candidate, score) }
            }
        }
        return best.flatMap { match in signatures[match.0].map { ($0.id, match.1) } }
    }

    /// Remembers a kept document, forgetting the oldest when full.
    mutating func remember(id: String, exact hash: UInt64, signature: [UInt32]?) {
        exact[hash] = id
        if let signature {
            signatures[serial] = (id, signature)
            for band in TextFingerprint.bandKeys(signature) { bands[band, default: []].append(serial) }
        }
        order.append((serial, hash))
        serial += 1
        if order.count - oldest > capacity { forgetOldest() }
    }

    private mutating func forgetOldest() {
        let entry = order[oldest]
        oldest += 1
        exact.removeValue(forKey: entry.exact)
        if let stored = signatures.removeValue(forKey: entry.serial) {
            for band in TextFingerprint.bandKeys(stored.signature) {
                bands[band]?.removeAll { $0 == entry.serial }
                if bands[band]?.isEmpty == true { bands.removeValue(forKey: band) }
            }
        }
        if oldest > 4096, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
    }
}
