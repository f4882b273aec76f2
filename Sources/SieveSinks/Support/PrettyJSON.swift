/// Re-indents compact JSON text with two spaces per level; empty `[]` and `{}` stay on one line.
enum PrettyJSON {
    /// Two spaces per level.
    static func indentation(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }

    /// Pretty-prints compact JSON whose first line sits at `indent` levels.
    static func format(_ compact: [UInt8], indent: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count + compact.count / 4)
        var level = indent
        var inString = false
        var escaped = false
        var index = 0
        func newline(_ level: Int) {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: level * 2))
        }
        while index < compact.count {
            let byte = compact[index]
            defer { index += 1 }
            if inString {
                output.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                output.append(byte)
            case 0x7B, 0x5B:
                output.append(byte)
                let closer: UInt8 = byte == 0x7B ? 0x7D : 0x5D
                if index + 1 < compact.count, compact[index + 1] == closer {
                    output.append(closer)
                    index += 1
                } else {
                    level += 1
                    newline(level)
                }
            case 0x7D, 0x5D:
                level -= 1
                newline(level)
                output.append(byte)
            case 0x2C:
                output.append(byte)
                newline(level)
            case 0x3A:
                output.append(contentsOf: [0x3A, 0x20])
            default:
                output.append(byte)
            }
        }
        return output
    }
}
