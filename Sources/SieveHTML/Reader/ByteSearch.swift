import Glibc

/// Small byte-level searches used before the page is parsed.
enum ByteSearch {
    /// The index of the first `needle` byte at or after `from`.
    static func find(_ haystack: [UInt8], _ needle: Unicode.Scalar, from: Int) -> Int? {
        let byte = UInt8(needle.value)
        var index = from
        while index < haystack.count {
            if haystack[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The index where `needle` (ASCII, lowercase) starts, ignoring ASCII case, at or after `from`. A needle
    /// that starts with a byte without case (`<meta`) is looked for where `memchr` finds that byte, not at
    /// every byte.
    static func findIgnoringCase(_ haystack: [UInt8], _ needle: String, from: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, from >= 0, haystack.count >= pattern.count else { return nil }
        let last = haystack.count - pattern.count
        return haystack.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            let first = pattern[0]
            let caseless = lower(first) == first && !(0x61...0x7A).contains(first)
            var start = from
            while start <= last {
                if caseless {
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                var offset = 0
                while offset < pattern.count, lower(base[start + offset]) == pattern[offset] { offset += 1 }
                if offset == pattern.count { return start }
                start += 1
            }
            return nil
        }
    }

    /// Where `needle` first occurs in `haystack` at or after `from`, as byte offsets; nil when it does not
    /// (or is empty). libc's `memchr` finds the places where the needle's first byte occurs, `memcmp` compares
    /// the rest: a name is looked for in a whole page's text (`AuthorNames`), where a loop comparing at every
    /// byte cost 6 instructions a byte.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Range<Int>? {
        guard !needle.isEmpty, from >= 0, from + needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                let base = haystack.baseAddress!
                var start = from
                // The last place the needle can start.
                let last = haystack.count - needle.count
                while start <= last {
                    guard let found = memchr(base + start, Int32(needle[0]), last - start + 1) else { return nil }
                    start = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + start, needle.baseAddress!, needle.count) == 0 { return start..<start + needle.count }
                    start += 1
                }
                return nil
            }
        }
    }

    /// Where `needle` last occurs in `haystack`, as byte offsets; nil when it does not (or is empty). Unlike
    /// `String.contains` and `range(of:)`, it builds no search tables on each call, which cost more than the
    /// search itself on the short texts of a page.
    static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                return start..<start + needle.count
            }
            start -= 1
        }
        return nil
    }

    /// The value that follows `name` and `=` inside a tag's bytes (quoted or not), up to a delimiter.
    static func attributeValue(in tag: ArraySlice<UInt8>, named name: String) -> String? {
        let bytes = Array(tag)
        var from = 0
        while let start = findIgnoringCase(bytes, name, from: from) {
            var index = start + name.utf8.count
            from = index
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x22 || bytes[index] == 0x27 { index += 1 }
            var end = index
            while end < bytes.count, isLabelByte(bytes[end]) { end += 1 }
            if end > index { return String(decoding: bytes[index..<end], as: UTF8.self) }
        }
        return nil
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: ":"):
            true
        default:
            false
        }
    }
}
