/// Appends JSON text to a byte buffer: strings escaped per RFC 8259 (slashes left alone), numbers without a
/// trailing `.0`, objects with sorted keys. Fast and allocation-light, for the document writer's hot path.
public struct JSONWriter {
    /// The JSON text written so far, as UTF-8.
    public var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw, already valid JSON text (punctuation such as `{` or `,`).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a quoted, escaped string.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends a string, or `null` for nil.
    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// Appends a number; integral values print without a fraction, non-finite ones as `null`.
    public mutating func number(_ value: Double) {
        if !value.isFinite {
            raw("null")
        } else if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends a list of strings.
    public mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    /// Appends any field value; object keys are sorted so output is stable.
    public mutating func value(_ value: FieldValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .list(let items):
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                self.value(item)
            }
            raw("]")
        case .object(let members):
            raw("{")
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { raw(",") }
                string(key)
                raw(":")
                self.value(members[key]!)
            }
            raw("}")
        }
    }

    /// Appends a member name and its colon.
    public mutating func key(_ name: StaticString) {
        raw("\"")
        raw(name)
        raw("\":")
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = Self.nextEscaped(utf8, from: 0)
        while index < utf8.count {
            let byte = utf8[index]
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            index = Self.nextEscaped(utf8, from: index + 1)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `start` that a JSON string must escape (a control byte below 0x20,
    /// `"` or a backslash), or `utf8.count` when there is none. Text passes eight bytes at a time: a word holds such
    /// a byte exactly when one of the three "has a byte less than n" tests of Bit Twiddling Hacks (Sean Eron
    /// Anderson, "Determine if a word has a byte less than n") fires, on the word (n = 0x20) and on the word xor `"`
    /// and xor a backslash (n = 1); the byte itself is then found one at a time.
    static func nextEscaped(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = utf8.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= utf8.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let flagged = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                if flagged & highs != 0 { break }
                index += 8
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return utf8.count
    }
}

extension JSONWriter {
    /// The JSON text that `body` writes, as a string: for sinks that embed a JSON value in other text (a CSV
    /// cell, a YAML front matter line, an HTML or SQLite column).
    public static func text(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
