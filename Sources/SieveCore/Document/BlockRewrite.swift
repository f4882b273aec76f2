import Glibc

extension Block {
    /// Rewrites the block's text with `transform` (a normalizer's clean-up), keeping its spans on the same
    /// words; a table's cells are rewritten too.
    ///
    /// A block without spans, or whose text the transform leaves as it is, just gets `transform(text)`.
    /// Otherwise each span boundary is marked with the
    /// noncharacter U+FDD0 before the transform and read back after it, so the transform must leave that
    /// scalar where it is (spacing clean-up, NFC and letter mapping do). If a mark is lost or spaces are left
    /// around a mark at the ends, the spans are fitted to the result or, failing that, dropped.
    public mutating func rewriteText(_ transform: (String) -> String) {
        if var rows {
            for row in rows.indices {
                for cell in rows[row].indices { rows[row][cell].text = transform(rows[row][cell].text) }
            }
            self.rows = rows
        }
        let plain = transform(text)
        // Bytes, not `==`: Swift compares strings up to canonical equivalence, and NFC changes offsets.
        guard !spans.isEmpty, !Self.sameBytes(plain, text) else {
            text = plain
            return
        }
        let scalars = Array(text.unicodeScalars)
        snapOutOfSpaces(scalars)
        var boundaries = Set<Int>()
        for span in spans {
            boundaries.insert(span.start)
            boundaries.insert(span.end)
        }
        let ordered = boundaries.sorted()
        var marked = String.UnicodeScalarView()
        var next = 0
        var offset = 0
        for scalar in scalars {
            while next < ordered.count, ordered[next] <= offset {
                marked.append(Self.boundaryMark)
                next += 1
            }
            marked.append(scalar)
            offset += 1
        }
        while next < ordered.count {
            marked.append(Self.boundaryMark)
            next += 1
        }
        var result = String.UnicodeScalarView()
        var positions: [Int] = []
        positions.reserveCapacity(ordered.count)
        var count = 0
        for scalar in transform(String(marked)).unicodeScalars {
            if scalar == Self.boundaryMark {
                positions.append(count)
            } else {
                result.append(scalar)
                count += 1
            }
        }
        var rewritten = String(result)
        guard positions.count == ordered.count else {
            text = plain
            spans = []
            return
        }
        if Self.hasSpaceAtEnds(rewritten), !Self.sameBytes(plain, rewritten) {
            // The mark kept a space the transform trims at the ends; trim it and move the boundaries with it.
            let result = Array(rewritten.unicodeScalars)
            var head = 0, tail = result.count
            while head < tail, Self.isSpace(result[head]) { head += 1 }
            while tail > head, Self.isSpace(result[tail - 1]) { tail -= 1 }
            var trimmed = String.UnicodeScalarView()
            trimmed.append(contentsOf: result[head..<tail])
            guard String(trimmed).utf8.elementsEqual(plain.utf8) else {
                text = plain
                spans = []
                return
            }
            rewritten = plain
            for index in positions.indices { positions[index] = min(max(positions[index] - head, 0), tail - head) }
        }
        var moved: [Int: Int] = [:]
        for (index, boundary) in ordered.enumerated() { moved[boundary] = positions[index] }
        text = rewritten
        spans = spans.compactMap { span in
            guard let start = moved[span.start], let end = moved[span.end] else { return nil }
            var span = span
            span.start = start
            span.length = max(end - start, 0)
            return span.length == 0 && span.kind != .image ? nil : span
        }
    }

    /// Moves span ends off spaces, so no mark sits inside a run of spaces that a clean-up collapses: a span
    /// starts after the spaces it begins with and ends before those it ends with; an image stands before
    /// the spaces around it.
    private mutating func snapOutOfSpaces(_ scalars: [Unicode.Scalar]) {
        let count = scalars.count
        for index in spans.indices {
            var start = min(max(spans[index].start, 0), count), end = min(max(spans[index].end, start), count)
            if start == end {
                while start > 0, Self.isSpace(scalars[start - 1]) { start -= 1 }
                end = start
            } else {
                while start < end, Self.isSpace(scalars[start]) { start += 1 }
                while end > start, Self.isSpace(scalars[end - 1]) { end -= 1 }
            }
            spans[index].start = start
            spans[index].length = end - start
        }
    }

    /// The scalar that marks a span boundary during `rewriteText`: a noncharacter, never in page text that
    /// Sieve keeps.
    static let boundaryMark = Unicode.Scalar(UInt16(0xFDD0))!

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}"
    }

    /// Whether two texts have the same UTF-8 bytes (not `==`, which compares up to canonical equivalence):
    /// one `memcmp` over native strings' storage.
    static func sameBytes(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }.flatMap { $0 } ?? left.utf8.elementsEqual(right.utf8)
    }

    private static func hasSpaceAtEnds(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return isSpace(first) || isSpace(last)
    }
}
