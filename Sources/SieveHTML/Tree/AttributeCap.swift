import Glibc

/// Cuts start tags down to `limit` attributes before the bytes reach libxml2.
///
/// Why: libxml2 2.9 checks each new attribute of an element against all the earlier ones, so one element
/// with n distinct attributes costs n²/2 name comparisons (10,000 attributes 0.3 s, 40,000 11 s, 200,000
/// 450 s, and nothing can interrupt it). No real page needs more than a few dozen attributes on an element,
/// and attributes never carry visible text, so the ones after the first `limit` are removed: one linear
/// pass, with the page's text untouched.
///
/// The scan follows libxml2's tokenizer where it matters: a start tag is `<` and an ASCII letter; values in
/// single or double quotes may hold `>`; comments (`<!-- -->`) and the raw text of `<script>` and `<style>`
/// are passed over. The input comes back unchanged (no copy) when no element has more than `limit`.
/// The same pass counts the start tags, so the parser can refuse a page with more elements than any real
/// page has before libxml2 builds a tree for it (see `HTMLTree.maximumElements`).
///
/// Example (limit 2): `<p a=1 b="2" c d>x</p>` → `<p a=1 b="2" >x</p>`, 1 element.
enum AttributeCap {
    /// Attributes kept per element; beyond it libxml2's check costs more than any real page needs.
    static let limit = 128

    /// The bytes with every start tag cut to `limit` attributes, and the number of start tags.
    static func apply(_ bytes: [UInt8], limit: Int = Self.limit) -> (bytes: [UInt8], elements: Int) {
        var elements = 0
        let cuts = bytes.withUnsafeBufferPointer { findCuts(in: $0, limit: limit, elements: &elements) }
        guard !cuts.isEmpty else { return (bytes, elements) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for cut in cuts {
            output.append(contentsOf: bytes[copied..<cut.lowerBound])
            copied = cut.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return (output, elements)
    }

    /// The byte ranges to remove: in each start tag with more than `limit` attributes, from the first extra
    /// attribute to the end of the tag (its `>`, `/>` or the end of the input). Counts start tags in `elements`.
    private static func findCuts(in bytes: UnsafeBufferPointer<UInt8>, limit: Int, elements: inout Int) -> [Range<Int>] {
        var cuts: [Range<Int>] = []
        let count = bytes.count
        var index = 0
        while index < count {
            // memchr to the next `<`: text between tags is most of a page.
            guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = commentEnd(bytes, from: index)
            } else if isLetter(next) {
                elements += 1
                index = startTag(bytes, from: index, limit: limit, cuts: &cuts)
            } else {
                index += 1
            }
        }
        return cuts
    }

    /// Past the start tag opening at `start` (and past the raw text of a script or style element).
    private static func startTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                                 cuts: inout [Range<Int>]) -> Int {
        let count = bytes.count
        var index = start + 1
        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let closer: StaticString? = matches(bytes, start + 1, index, "script") ? "</script"
            : matches(bytes, start + 1, index, "style") ? "</style" : nil
        var attributes = 0
        var cutStart: Int?
        while true {
            while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < count, bytes[index] != UInt8(ascii: ">") else { break }
            let attributeStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            var look = index
            while look < count, isSpace(bytes[look]) { look += 1 }
            if look < count, bytes[look] == UInt8(ascii: "=") {
                index = look + 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    while index < count, bytes[index] != quote { index += 1 }
                    index += 1
                } else {
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                }
            }
            attributes += 1
            if attributes == limit + 1 { cutStart = attributeStart }
        }
        let tagEnd = min(index, count)
        if let cutStart { cuts.append(cutStart..<tagEnd) }
        guard let closer, tagEnd < count else { return tagEnd + 1 }
        return rawTextEnd(bytes, from: tagEnd + 1, name: closer)
    }

    /// Past the `-->` of a comment opening at `start` (or past `<!` for a doctype or other markup).
    private static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start + 3 < bytes.count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") else {
            return start + 2
        }
        var index = start + 4
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                return index + 3
            }
            index += 1
        }
        return bytes.count
    }

    /// The index of the closing tag `close` (ASCII case ignored) at or after `start`, or the end.
    private static func rawTextEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name close: StaticString) -> Int {
        let length = close.utf8CodeUnitCount
        var index = start
        while index + length <= bytes.count {
            guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), bytes.count - index) else { break }
            index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(bytes, index, index + length, close) { return index }
            index += 1
        }
        return bytes.count
    }

    /// Whether `bytes[from..<to]` equals the lowercase ASCII `word`, ignoring case.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        guard to - from == word.utf8CodeUnitCount, to <= bytes.count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<(to - from) where bytes[from + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
