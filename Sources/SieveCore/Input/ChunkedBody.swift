/// Decodes an HTTP/1.1 `Transfer-Encoding: chunked` body (RFC 9112 §7.1): `SIZE[;ext]CRLF DATA CRLF`
/// repeated, ended by a zero-size chunk (trailers after it are ignored).
///
/// Sizes come from outside: a size is read as at most 15 significant hex digits (so it never overflows
/// `Int`), is never negative, and is compared with the bytes that are left before it is used in any index
/// arithmetic or copy (so the output is never larger than the input). A body that ends after a whole chunk but without the zero-size
/// chunk keeps what was read (crawlers store cut-off transfers); any other framing problem throws with the
/// byte offset.
///
/// Example: `4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n` → `Wikipedia`.
enum ChunkedBody {
    /// The decoded bytes of `body`; `messageOffset` (where the body starts inside the HTTP message) only
    /// makes the offsets in errors point into the message.
    static func decode(_ body: [UInt8], messageOffset: Int) throws(HTTPResponse.Problem) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < body.count {
            let at = messageOffset + index
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else {
                throw .badBody("HTTP chunked body: the chunk-size line at byte \(at) has no end")
            }
            guard let size = size(of: body[index..<lineEnd]) else {
                let shown = String(decoding: HeaderBlock.trim(body[index..<lineEnd]).prefix(40), as: UTF8.self)
                throw .badBody("HTTP chunked body: '\(shown)' at byte \(at) is not a chunk size (hex digits)")
            }
            if size == 0 { return output }
            let start = lineEnd + 1
            let left = body.count - start
            guard size <= left else {
                throw .badBody("HTTP chunked body: the chunk at byte \(at) declares \(size) bytes but only \(left) are left")
            }
            output.append(contentsOf: body[start..<(start + size)])
            index = start + size
            if index < body.count, body[index] == 0x0D { index += 1 }
            if index < body.count, body[index] == 0x0A { index += 1 }
        }
        return output
    }

    /// The size on a chunk-size line (`1a3f`, `1A3F;name=value`, surrounding spaces and the CR allowed), or
    /// nil when it holds no hex digit, another character, or more than 15 significant digits.
    static func size(of line: ArraySlice<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        var significant = 0
        var seenEnd = false
        for byte in line {
            if byte == UInt8(ascii: ";") { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                if digits > 0 { seenEnd = true }
                continue
            }
            guard !seenEnd, let digit = hexValue(byte) else { return nil }
            digits += 1
            if significant > 0 || digit != 0 { significant += 1 }
            guard significant <= 15 else { return nil }
            value = value << 4 | digit
        }
        return digits > 0 ? value : nil
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
