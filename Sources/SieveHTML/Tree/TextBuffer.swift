import CLibXML2

/// Collects text as UTF-8 bytes while collapsing whitespace: runs of spaces, tabs, newlines and
/// no-break spaces become one space; explicit line breaks (from `<br>`) are kept as `\n`.
struct TextBuffer {
    /// The collected bytes.
    private(set) var bytes: [UInt8] = []
    /// Whether a space is owed before the next visible character.
    private var pendingSpace = false

    /// Whether nothing visible has been collected.
    var isEmpty: Bool { bytes.isEmpty }

    /// Appends a NUL-terminated libxml2 string.
    mutating func append(_ text: UnsafePointer<xmlChar>) {
        var index = 0
        while true {
            let byte = text[index]
            if byte == 0 { return }
            if Self.isSpace(byte) {
                pendingSpace = true
                index += 1
            } else if byte == 0xC2, text[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
            } else {
                if pendingSpace, let last = bytes.last, last != 0x0A { bytes.append(0x20) }
                pendingSpace = false
                // The run of visible bytes up to the next space or the end, copied at once.
                let start = index
                index += 1
                while true {
                    let next = text[index]
                    if next == 0 || Self.isSpace(next) || (next == 0xC2 && text[index + 1] == 0xA0) { break }
                    index += 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(start: text + start, count: index - start))
            }
        }
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// Marks a soft break between inline pieces that should not run together (a space at most).
    mutating func space() { pendingSpace = true }

    /// Appends a line break, dropping any space before it.
    mutating func lineBreak() {
        while bytes.last == 0x20 { bytes.removeLast() }
        pendingSpace = false
        guard !bytes.isEmpty else { return }
        bytes.append(0x0A)
    }

    /// Whether the text ends with a line break (two `<br>` in a row end a paragraph).
    var endsWithLineBreak: Bool { bytes.last == 0x0A }

    /// The text, trimmed, with no trailing line breaks.
    var string: String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// Empties the buffer.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}
