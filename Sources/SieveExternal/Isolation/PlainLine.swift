import Glibc

/// A cursor over one wire line of the usual shape, read by its bytes instead of the JSON parser (see
/// `PipelineWire.plainFileRequest` and `plainHeader`): each read moves past what it matched, or fails with nil or
/// false and leaves the caller to fall back to the parser.
struct PlainLine {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether the whole line has been read.
    var atEnd: Bool { at == bytes.count }

    /// Moves past `text` when the line continues with it.
    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - at >= count, memcmp(bytes.baseAddress! + at, text.utf8Start, count) == 0 else { return false }
        at += count
        return true
    }

    /// A non-negative integer of at most 12 digits, as `JSONWriter.number` writes one; nil at a sign, a leading
    /// zero or more digits (what follows is left to the caller's next literal).
    mutating func number() -> Int? {
        let start = at
        var value = 0
        while at < bytes.count, at - start < 13, case let digit = bytes[at] &- UInt8(ascii: "0"), digit < 10 {
            value = value * 10 + Int(digit)
            at += 1
        }
        guard at > start, at - start < 13, bytes[start] != UInt8(ascii: "0") || at - start == 1 else { return nil }
        return value
    }

    /// The rest of a string whose opening quote was read, up to its closing quote (moved past): nil when it holds
    /// an escape or a control byte, or is not UTF-8.
    mutating func string() -> String? {
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        at += 1
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self)
    }
}
