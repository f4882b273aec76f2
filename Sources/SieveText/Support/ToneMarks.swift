import Foundation

/// Moves Vietnamese tone marks between the two placements of the open syllables `oa`, `oe`, `uy`.
///
/// "Old" style puts the tone on the first vowel (hòa, khỏe, thủy, ủy), "new" style on the second (hoà,
/// khoẻ, thuỷ, uỷ). Only syllables that end right after the pair differ; closed syllables (hoàn, khoảng,
/// khuỷu), `qu` + `y` (quý, Quỳnh) and every other vowel pair are the same in both styles and left alone.
/// Input is expected in NFC.
enum ToneMarks {
    /// Which placement to write.
    enum Style: String, Sendable, CaseIterable { case old, new }

    /// The text with the tone of every open `oa`/`oe`/`uy` syllable placed in `style`.
    static func place(_ text: String, style: Style) -> String {
        guard mayContainPair(text) else { return text }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var index = 0
        while index + 1 < scalars.count {
            defer { index += 1 }
            guard let first = Table.split[scalars[index]], let second = Table.split[scalars[index + 1]],
                  pairs.contains([first.base, second.base]) else { continue }
            if index + 2 < scalars.count, isLetter(scalars[index + 2]) { continue }
            if first.base == "u", index > 0, scalars[index - 1] == "q" || scalars[index - 1] == "Q" { continue }
            if index > 0, let before = Table.split[scalars[index - 1]], before.base == "u" || before.base == "o" { continue }
            let tone: Unicode.Scalar?
            switch style {
            case .old:
                guard first.tone == nil, let secondTone = second.tone else { continue }
                tone = secondTone
            case .new:
                guard second.tone == nil, let firstTone = first.tone else { continue }
                tone = firstTone
            }
            guard let tone,
                  let newFirst = Table.join[Key(base: first.letter, tone: style == .old ? tone : nil)],
                  let newSecond = Table.join[Key(base: second.letter, tone: style == .new ? tone : nil)] else { continue }
            scalars[index] = newFirst
            scalars[index + 1] = newSecond
            changed = true
        }
        guard changed else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The form used for matching: old-style placement, so "Huyện uỷ" and "Huyện ủy" fold to the same text.
    static func fold(_ text: String) -> String {
        place(text, style: .old)
    }

    private static let pairs: Set<[Unicode.Scalar]> = [["o", "a"], ["o", "e"], ["u", "y"]]

    /// Cheap test: somewhere an `o`/`u` (toned or not) is followed by an `a`/`e`/`y` (toned or not), one of
    /// the two carrying a tone.
    private static func mayContainPair(_ text: String) -> Bool {
        var previousIsFirst = false
        var previousToned = false
        let classes = Table.classes
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let kind = value < UInt32(classes.count) ? classes[Int(value)] : 0
            let toned = value >= 0xC0
            if previousIsFirst, previousToned || toned, kind == 2 { return true }
            previousIsFirst = kind == 1
            previousToned = toned
        }
        return false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || (0x300...0x36F).contains(scalar.value)
    }

    /// A letter without its tone, in its own case, plus the tone mark.
    struct Key: Hashable {
        var base: Unicode.Scalar
        var tone: Unicode.Scalar?
    }

    /// Tables between toned vowels and (letter, tone), built once from Unicode composition.
    enum Table {
        /// The five tone marks: grave, acute, hook above, tilde, dot below.
        static let tones: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        /// Toned or plain vowel → its letter (case kept), lower-case base and tone.
        static let split: [Unicode.Scalar: (letter: Unicode.Scalar, base: Unicode.Scalar, tone: Unicode.Scalar?)] = {
            var table: [Unicode.Scalar: (letter: Unicode.Scalar, base: Unicode.Scalar, tone: Unicode.Scalar?)] = [:]
            for letter in "aeyouAEYOU".unicodeScalars {
                let base = letter.properties.lowercaseMapping.unicodeScalars.first ?? letter
                table[letter] = (letter, base, nil)
                for tone in tones {
                    if let composed = compose(letter, tone) { table[composed] = (letter, base, tone) }
                }
            }
            return table
        }()
        /// For scalars below U+1F00: 1 for `o`/`u` (toned or not, either case), 2 for `a`/`e`/`y`, 0 otherwise.
        static let classes: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 0x1F00)
            for (scalar, parts) in split where Int(scalar.value) < table.count {
                table[Int(scalar.value)] = parts.base == "o" || parts.base == "u" ? 1 : 2
            }
            return table
        }()
        /// (letter, tone) → toned vowel.
        static let join: [Key: Unicode.Scalar] = {
            var table: [Key: Unicode.Scalar] = [:]
            for (scalar, parts) in split { table[Key(base: parts.letter, tone: parts.tone)] = scalar }
            return table
        }()

        private static func compose(_ letter: Unicode.Scalar, _ tone: Unicode.Scalar) -> Unicode.Scalar? {
            var view = String.UnicodeScalarView()
            view.append(letter)
            view.append(tone)
            let composed = String(view).precomposedStringWithCanonicalMapping.unicodeScalars
            return composed.count == 1 ? composed.first : nil
        }
    }
}
