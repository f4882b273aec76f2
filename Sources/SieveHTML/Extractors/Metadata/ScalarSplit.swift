/// Splits short texts (titles, headings, names) into pieces exactly as `split(whereSeparator:)` over
/// Characters does with a test of `Character.isWhitespace`, `isLetter` or `isNumber`, without breaking the
/// text into grapheme clusters: those tests look at a character's first scalar only, and when every scalar
/// is below U+0300 (ASCII, Latin-1, Latin Extended, IPA) each scalar is a character of its own (but CR LF,
/// which every separator test here treats as one separator either way). Text with a scalar from U+0300 on
/// (combining marks, other scripts) gets nil, and the caller splits by Characters.
///
/// Example: `ScalarSplit.pieces("Straße  und\tPlatz", separator: .whitespace)` → ["Straße", "und", "Platz"].
enum ScalarSplit {
    /// What separates the pieces.
    enum Separator {
        /// `Character.isWhitespace`.
        case whitespace
        /// Neither `Character.isLetter` nor `Character.isNumber`.
        case notLetterOrNumber

        @inline(__always) func matches(_ scalar: UInt32) -> Bool {
            switch self {
            case .whitespace:
                if scalar < 0x80 { return scalar == 0x20 || (scalar >= 0x09 && scalar <= 0x0D) }
                return Unicode.Scalar(scalar)!.properties.isWhitespace
            case .notLetterOrNumber:
                if scalar < 0x80 {
                    let lower = scalar | 0x20
                    return !((lower >= 0x61 && lower <= 0x7A) || (scalar >= 0x30 && scalar <= 0x39))
                }
                let properties = Unicode.Scalar(scalar)!.properties
                return !(properties.isAlphabetic || properties.numericType != nil)
            }
        }
    }

    /// The non-empty pieces between separators, or nil when the text holds a scalar from U+0300 on.
    static func pieces(_ text: String, separator: Separator) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var pieces: [String] = []
            var start = -1
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let scalar: UInt32
                let length: Int
                if lead < 0x80 {
                    scalar = UInt32(lead)
                    length = 1
                } else if lead >= 0xC2, lead <= 0xCB {
                    // Two-byte sequences up to U+02FF (valid UTF-8: a String's storage is).
                    scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    length = 2
                } else {
                    return nil
                }
                if separator.matches(scalar) {
                    if start >= 0 {
                        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        start = -1
                    }
                } else if start < 0 {
                    start = index
                }
                index += length
            }
            if start >= 0 { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return pieces
        }
    }
}
