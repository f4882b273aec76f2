/// A fixed set of lowercase ASCII words looked for in a byte string in one pass, ignoring ASCII case the
/// way `PageSignals.contains` does (`byte | 0x20` against the word): the answer for up to 32 words at the
/// cost of about one search. Built once per word list (a `static let`).
///
/// Example: `NeedleSet(["date", "time"]).found(in: "post-Date")` → bit 0 set, bit 1 clear.
final class NeedleSet: Sendable {
    /// The words' bytes, one after another.
    private let bytes: [UInt8]
    /// Per word: where its bytes start and its length.
    private let words: [(start: Int, length: Int)]
    /// Word indices grouped by first byte, and per byte value the range of its group (flat arrays: this
    /// runs for every byte of the values searched).
    private let order: [UInt8]
    private let groups: [(start: UInt8, end: UInt8)]
    /// The shortest word's length: values shorter than it hold none.
    private let shortest: Int

    /// A set of at most 32 non-empty lowercase ASCII words; bit `i` of an answer stands for `words[i]`.
    init(_ words: [String]) {
        precondition(words.count <= 32 && words.allSatisfy { !$0.isEmpty }, "NeedleSet holds 1 to 32 non-empty words")
        var bytes: [UInt8] = []
        var spans: [(start: Int, length: Int)] = []
        for word in words {
            spans.append((bytes.count, word.utf8.count))
            bytes += word.utf8
        }
        var order: [UInt8] = []
        var groups = [(start: UInt8, end: UInt8)](repeating: (0, 0), count: 256)
        for first in 0..<256 {
            let start = UInt8(order.count)
            for (index, span) in spans.enumerated() where bytes[span.start] == first { order.append(UInt8(index)) }
            groups[first] = (start, UInt8(order.count))
        }
        self.bytes = bytes
        self.words = spans
        self.order = order
        self.groups = groups
        shortest = spans.map(\.length).min() ?? 0
    }

    /// A mask of the words that occur in `value` (bit `i` for word `i`).
    func found(in value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard value.count >= shortest else { return 0 }
        return bytes.withUnsafeBufferPointer { bytes in
            words.withUnsafeBufferPointer { words in
                order.withUnsafeBufferPointer { order in
                    groups.withUnsafeBufferPointer { groups in
                        var mask: UInt32 = 0
                        var start = 0
                        let last = value.count - shortest
                        while start <= last {
                            let group = groups[Int(value[start] | 0x20)]
                            var next = Int(group.start)
                            while next < Int(group.end) {
                                let word = order[next]
                                next += 1
                                let span = words[Int(word)]
                                guard mask & (1 << UInt32(word)) == 0, start + span.length <= value.count else { continue }
                                var offset = 1
                                while offset < span.length, value[start + offset] | 0x20 == bytes[span.start + offset] { offset += 1 }
                                if offset == span.length { mask |= 1 << UInt32(word) }
                            }
                            start += 1
                        }
                        return mask
                    }
                }
            }
        }
    }
}
