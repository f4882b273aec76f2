import Glibc

/// Small byte-level helpers over UTF-8 text shared by the stages of this module.
enum UTF8Text {
    /// Number of Unicode scalars in UTF-8 bytes (continuation bytes are not counted).
    static func scalarCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether the text's UTF-8 holds `byte`: one `memchr` over a native string's storage, rather than a loop
    /// through `String.UTF8View`'s indices (this runs over every block of every document).
    static func contains(_ text: String, byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// Number of Unicode scalars in a string, counted on its UTF-8 bytes.
    static func scalarCount(_ text: String) -> Int {
        scalarCount(text.utf8)
    }

    /// Whether a scalar is an upper-case letter; fast for ASCII and Vietnamese letters.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return true
        case 0..<0xC0: return false
        case 0xC0...0xDE: return value != 0xD7
        case 0xDF...0xFF: return false
        case 0x102, 0x110, 0x128, 0x168, 0x1A0, 0x1AF: return true
        case 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0: return false
        case 0x1EA0...0x1EF9: return value & 1 == 0
        default: return scalar.properties.isUppercase
        }
    }

    /// Whether a scalar is a letter; fast for ASCII and Vietnamese letters.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0xC0: return false
        case 0xC0...0xFF: return value != 0xD7 && value != 0xF7
        case 0x100...0x17F, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1EA0...0x1EF9: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    /// The first scalar of the text that is a letter or a digit, skipping quotes, brackets and dashes.
    static func firstSignificantScalar(_ text: Substring) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return scalar }
            if scalar == " " || scalar == "\t" { continue }
            if scalar.properties.generalCategory.isPunctuationOrSymbol { continue }
            return scalar
        }
        return nil
    }

    /// Whether a line starts with an upper-case letter or a digit (quotes and brackets skipped).
    static func startsLikeSentence(_ text: Substring) -> Bool {
        guard let first = firstSignificantScalar(text) else { return false }
        return first.properties.isUppercase || first.properties.numericType != nil
    }

    /// Whether a line starts with a lower-case letter (a continuation of the line before).
    static func startsLowercase(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isLowercase
    }

    /// The last scalar that is not a space.
    static func lastVisibleScalar(_ text: Substring) -> Unicode.Scalar? {
        text.unicodeScalars.last { $0 != " " && $0 != "\t" }
    }

    /// Whether the text ends a sentence: `.`, `!`, `?`, `…`, or a closing quote after one of those.
    static func endsSentence(_ text: Substring) -> Bool {
        var scalars = text.unicodeScalars.reversed().drop { $0 == " " || $0 == "\t" }.makeIterator()
        guard var last = scalars.next() else { return false }
        if closingQuotes.contains(last) {
            guard let before = scalars.next() else { return false }
            last = before
        }
        return sentenceEnds.contains(last)
    }

    /// Scalars that end a sentence.
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    /// Closing quotes and brackets that may follow the end of a sentence.
    static let closingQuotes: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{2019}", "\u{BB}", ")", "'"]
}

extension Unicode.GeneralCategory {
    /// Punctuation or symbol categories (skipped when looking for the first letter of a line).
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
