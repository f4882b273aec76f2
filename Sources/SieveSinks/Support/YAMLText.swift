/// Double-quoted YAML 1.2 scalars for Markdown front matter: `"` and `\` are escaped, and every character
/// YAML does not allow raw (C0 and C1 controls, DEL, U+FFFE, U+FFFF; YAML 1.2 §5.1) or that would end the
/// line is written as `\uXXXX` (`\n`, `\t` for the usual two). Non-ASCII text stays as it is.
///
/// Example: `Hà Nội "mùa thu"` → `"Hà Nội \"mùa thu\""`; a list → `["Thái Bình", "Lê Anh"]` (flow style,
/// one line, which simple front-matter readers such as Ink's also take).
enum YAMLText {
    /// Appends `text` as a double-quoted scalar.
    static func appendQuoted(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output.append("\\\"")
            case 0x5C: output.append("\\\\")
            case 0x0A: output.append("\\n")
            case 0x09: output.append("\\t")
            case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }

    /// Appends a list of strings in flow style: `["a", "b"]`.
    static func appendList(_ items: [String], to output: inout String) {
        output.append("[")
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(", ") }
            appendQuoted(item, to: &output)
        }
        output.append("]")
    }
}
