import SieveCore
import SieveExternal

/// Reads what the report needs from one line of a JSON Lines output without building the rest: the values
/// of the few members the report counts are parsed (`JSONParser`), the text is only measured, and the large
/// members it does not count (`blocks`, `comments`, `diagnostics`) are skipped byte by byte. That makes
/// `sieve report` several times faster than parsing whole documents. Skipped values are only checked for
/// balanced brackets and closed strings, not parsed.
enum DocumentLine {
    /// The members parsed into values.
    static let parsed: Set<String> = ["title", "published", "site", "url", "language", "authors", "fields"]

    /// The facts of the document on `line`, or nil when the line is not a JSON object.
    static func record(_ line: [UInt8]) -> ReportRecord? {
        record(line[...])
    }

    /// The facts of the document on `line`, or nil when the line is not a JSON object.
    static func record(_ line: ArraySlice<UInt8>) -> ReportRecord? {
        line.withUnsafeBufferPointer { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.document()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func document() -> ReportRecord? {
            skipWhitespace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [String: FieldValue] = [:]
            var textLength = 0
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return ReportRecord(members: members, textLength: 0) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else { return nil }
                let key = String(decoding: bytes[(index + 1)..<(keyEnd - 1)], as: UTF8.self)
                index = keyEnd
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                let start = index
                guard let end = valueEnd(from: start) else { return nil }
                if key == "text", bytes[start] == UInt8(ascii: "\"") {
                    textLength = Self.scalars(in: bytes[(start + 1)..<(end - 1)])
                } else if DocumentLine.parsed.contains(key) {
                    guard let value = try? JSONParser.parse(Array(bytes[start..<end])) else { return nil }
                    members[key] = value
                }
                index = end
                skipWhitespace()
                if take(UInt8(ascii: "}")) { break }
                guard take(UInt8(ascii: ",")) else { return nil }
            }
            skipWhitespace()
            return index == bytes.count ? ReportRecord(members: members, textLength: textLength) : nil
        }

        /// Unicode scalars in the raw bytes of a JSON string: each escape (`\n`, `\u00e9`) counts as one.
        static func scalars(in raw: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
            var count = 0
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                if byte == UInt8(ascii: "\\") {
                    index += raw[min(index + 1, raw.endIndex - 1)] == UInt8(ascii: "u") ? 6 : 2
                    count += 1
                    continue
                }
                if byte & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }

        /// The index after the string opening at `start`, or nil when it does not close.
        func stringEnd(from start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""): return index + 1
                default: index += 1
                }
            }
            return nil
        }

        /// The index after the value starting at `start`: a string, a balanced object or list, or a scalar.
        func valueEnd(from start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            switch bytes[start] {
            case UInt8(ascii: "\""):
                return stringEnd(from: start)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                var index = start
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard let end = stringEnd(from: index) else { return nil }
                        index = end
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return index + 1 }
                    default: break
                    }
                    index += 1
                }
                return nil
            default:
                var index = start
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) {
                    index += 1
                }
                return index > start ? index : nil
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
    }
}
