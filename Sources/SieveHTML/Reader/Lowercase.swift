/// `String.lowercased()`, with the same result, for text that is not all ASCII: the standard library maps
/// each scalar on its own (`Unicode.Scalar.Properties.lowercaseMapping`, no context: a final `Σ` gives `σ`)
/// and builds a String per scalar, about 600 instructions each; here the scalars of Latin, Greek, Cyrillic
/// and Vietnamese text take their mapping from a table made once, and the others the standard mapping.
/// Titles, headings, names and short paragraphs are lowercased for every page (callgrind: 1.7% of a
/// conversion's instructions went to `lowercased()`, nearly all on Vietnamese and German text).
///
/// Example: `Lowercase.bytes("Đà Nẵng")` → the UTF-8 of "đà nẵng".
enum Lowercase {
    /// The lowercase text (equal, byte for byte, to `text.lowercased()`).
    static func string(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return String(decoding: bytes(text), as: UTF8.self)
    }

    /// The UTF-8 of the lowercase text (`Array(text.lowercased().utf8)`).
    static func bytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    result.append(ByteSearch.lower(lead))
                    index += 1
                    continue
                }
                // A String's storage is valid UTF-8: the lead byte gives the length.
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = UInt32(lead) & (0xFF >> (length + 1))
                for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                if let mapped = Self.mapped(value) {
                    for offset in 0..<Int(mapped >> 24) { result.append(UInt8(truncatingIfNeeded: mapped >> UInt32(8 * offset))) }
                } else {
                    result.append(contentsOf: Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
                }
                index += length
            }
            return result
        }
    }

    /// The scalars the table holds: Latin-1 to Cyrillic and Armenian, and Latin Extended Additional
    /// (Vietnamese letters with two marks). Made once: about 1,500 standard mappings.
    private static let latin: Range<UInt32> = 0x80..<0x590, vietnamese: Range<UInt32> = 0x1E00..<0x1F00

    /// Per scalar of `latin`, then of `vietnamese`: the UTF-8 bytes of its lowercase mapping, first byte lowest, and
    /// their count in the top byte (at most 3: the longest mapping there, U+0130's "i̇", has three).
    private static let table: [UInt32] = {
        var table: [UInt32] = []
        for range in [latin, vietnamese] {
            for value in range {
                let mapping = Array(Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
                precondition(mapping.count <= 3, "a lowercase mapping of more than 3 bytes in the table's ranges")
                var packed = UInt32(mapping.count) << 24
                for (offset, byte) in mapping.enumerated() { packed |= UInt32(byte) << UInt32(8 * offset) }
                table.append(packed)
            }
        }
        return table
    }()

    /// The packed mapping of a scalar the table holds, else nil.
    @inline(__always) private static func mapped(_ value: UInt32) -> UInt32? {
        if latin.contains(value) { return table[Int(value - latin.lowerBound)] }
        if vietnamese.contains(value) { return table[latin.count + Int(value - vietnamese.lowerBound)] }
        return nil
    }
}
