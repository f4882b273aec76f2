import CLibXML2

/// Decodes character references left in a value that a page escaped twice: `<meta content="Info&amp;#039;Com">`
/// reads as `Info&#039;Com` after parsing, and `Info'Com` after this. Numeric references (`&#8222;`,
/// `&#x00E4;`) and HTML's named entities (`&raquo;`, `&amp;`, looked up in libxml2's table) are decoded; an
/// ampersand that starts no known reference stays as written. One pass: `&amp;amp;` becomes `&amp;`.
enum EntityText {
    /// The text with its character references decoded; the text itself when it holds none.
    static func decoded(_ text: String) -> String {
        // Most values hold no reference: looked for before the bytes are copied.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, end) = reference(bytes, index) {
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The character of the reference starting at `start` (an `&`) and the index after its `;`.
    private static func reference(_ bytes: [UInt8], _ start: Int) -> (Unicode.Scalar, Int)? {
        guard let semicolon = bytes[(start + 1)...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
              semicolon > start + 1 else { return nil }
        let body = bytes[(start + 1)..<semicolon]
        if body.first == UInt8(ascii: "#") {
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let marker = digits.first, marker | 0x20 == UInt8(ascii: "x") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)),
                  value > 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, semicolon + 1)
        }
        guard body.allSatisfy({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        let name = Array(body) + [0]
        guard let entity = name.withUnsafeBufferPointer({ htmlEntityLookup($0.baseAddress) }),
              let scalar = Unicode.Scalar(entity.pointee.value) else { return nil }
        return (scalar, semicolon + 1)
    }
}
