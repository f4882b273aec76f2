/// A comparison key for Vietnamese phrases: tone placement folded to the old style, lower case, dashes
/// unified, spaces collapsed, and `GD&ĐT`/`GD-ĐT` written as `GDĐT`. Used to match markers and merge names.
enum MatchKey {
    /// The key of a phrase.
    static func of<S: StringProtocol>(_ text: S) -> String {
        let folded = ToneMarks.fold(String(text)).lowercased()
        var output: [UInt8] = []
        output.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        let bytes = Array(folded.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !output.isEmpty
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                pendingSpace = !output.isEmpty
                index += 2
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if byte == 0xE2, index + 2 < bytes.count,
               (bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94))
                || (bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92) {
                output.append(0x2D)
                index += 3
                continue
            }
            if byte == 0x26, output.last == 0x64, index + 1 < bytes.count, bytes[index + 1] == 0xC4 {
                index += 1
                continue
            }
            if byte == 0xC4, index + 1 < bytes.count, bytes[index + 1] == 0x91, output.count >= 3,
               output[output.count - 1] == 0x2D, output[output.count - 2] == 0x64, output[output.count - 3] == 0x67 {
                output.removeLast()
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
