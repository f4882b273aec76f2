/// Escaping for XML 1.0 text and attribute values, dropping the code points XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE; U+FFFF) so the output is well-formed whatever
/// the input.
enum XMLText {
    /// Appends `text` escaped for element content or a double-quoted attribute.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case 0x0D: output.append(contentsOf: "&#13;".utf8)
                case 0x09, 0x0A: output.append(byte)
                case 0x00..<0x20: break
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
    }
}
