/// Splits short texts (titles, headings, names) into pieces exactly as `split(whereSeparator:)` over
/// Characters does with a test of `Character.isWhitespace`, `isLetter` or `isNumber`, without breaking the
/// text into grapheme clusters: those tests look at a character's first scalar only, and when every scalar
/// is below U+0300 (ASCII, Latin-1, Latin Extended, IPA) or in Latin Extended Additional (U+1E00-U+1EFF,
/// Vietnamese letters with two marks) each scalar is a character of its own (but CR LF, which every
/// separator test here treats as one separator either way). Text with any other scalar (combining marks,
/// other scripts) gets nil, and the caller splits by Characters.
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

    /// The non-empty pieces between separators, or nil when the text holds a scalar from U+0300 on outside
    /// U+1E00-U+1EFF.
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
                } else if lead == 0xE1, bytes[index + 1] >= 0xB8, bytes[index + 1] <= 0xBB {
                    // U+1E00-U+1EFF: base letters, no mark or joiner among them.
                    scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    length = 3
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

extension ScalarSplit {
    /// The text's pieces between occurrences of `separator`, empty ones included, exactly as Foundation's
    /// `text.components(separatedBy: separator)` gives them, found by bytes; nil when the text is not ASCII
    /// or the separator holds a line break (the caller then asks Foundation). In ASCII text every scalar is
    /// a Character of its own but CR LF, so a byte match is a match of Characters, and the only one, when
    /// the separator has neither CR nor LF. Foundation searches by Characters: 11,000 instructions a call.
    ///
    /// Example: `ScalarSplit.components("A and B and", separatedBy: " and ")` → ["A", "B and"].
    static func components(_ text: String, separatedBy separator: String) -> [String]? {
        let pattern = Array(separator.utf8)
        guard !pattern.isEmpty, !pattern.contains(0x0A), !pattern.contains(0x0D), text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return nil
        }
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        while let found = ByteSearch.firstRange(of: pattern, in: bytes, from: start) {
            pieces.append(String(decoding: bytes[start..<found.lowerBound], as: UTF8.self))
            start = found.upperBound
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }
}
