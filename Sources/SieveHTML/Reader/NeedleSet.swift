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

    /// Which pairs of first two bytes open a word: one bit per pair, so most positions of a value are
    /// passed over after one look-up.
    private let pairs: [UInt64]

    /// A set of at most 32 lowercase ASCII words of two bytes or more; bit `i` of an answer stands for `words[i]`.
    init(_ words: [String]) {
        precondition(words.count <= 32 && words.allSatisfy { $0.utf8.count >= 2 }, "NeedleSet holds 1 to 32 words of 2 bytes or more")
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
        var pairs = [UInt64](repeating: 0, count: 1024)
        for span in spans {
            let key = Int(bytes[span.start]) << 8 | Int(bytes[span.start + 1])
            pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.pairs = pairs
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
            pairs.withUnsafeBufferPointer { pairs in
                words.withUnsafeBufferPointer { words in
                    order.withUnsafeBufferPointer { order in
                        groups.withUnsafeBufferPointer { groups in
                            var mask: UInt32 = 0
                            var start = 0
                            let last = value.count - shortest
                            while start <= last {
                                defer { start += 1 }
                                // Most bytes open no word: one look-up of the first byte passes them.
                                let group = groups[Int(value[start] | 0x20)]
                                guard group.end != group.start else { continue }
                                let key = Int(value[start] | 0x20) << 8 | Int(value[start + 1] | 0x20)
                                guard pairs[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
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
                            }
                            return mask
                        }
                    }
                }
            }
        }
    }
}
