import Foundation

/// Tells whether words are well-formed Vietnamese syllables, to decide whether a re-decoded text reads as
/// Vietnamese (see `Mojibake`). Vietnamese writes one syllable per word: an onset from a closed list
/// (`b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x`), a vowel group from a closed
/// list (`a`, `oa`, `ươ`, `uyê` ...), an optional final (`c ch m n ng nh p t`), and at most one tone mark.
/// German, English or French words read through a Vietnamese charset break these rules (`bỹrger`,
/// `vửllig`, `président`), so the share of well-formed words separates Vietnamese from mojibake of other
/// languages. Source of the lists: the Vietnamese orthography as taught (Đoàn Thiện Thuật, *Ngữ âm tiếng
/// Việt*, 1977), flattened to letters.
enum VietnameseSyllables {
    /// How the words of a text measure up.
    struct Tally: Equatable {
        /// Words (runs of letters).
        var words = 0
        /// Words that are well-formed syllables.
        var valid = 0
        /// Words with a letter outside ASCII.
        var marked = 0
        /// Words with a letter outside ASCII that are well-formed syllables.
        var validMarked = 0

        /// Whether the text reads as Vietnamese: at least `minimumMarked` words with diacritics, 90% of them
        /// well-formed, and 70% of all words well-formed (loan words and names are ASCII and may fail).
        func readsAsVietnamese(minimumMarked: Int = 5) -> Bool {
            marked >= minimumMarked && validMarked * 10 >= marked * 9 && valid * 10 >= words * 7
        }
    }

    /// Counts the words of the first `limit` scalars of `text` and how many are well-formed syllables.
    static func tally(_ text: String, limit: Int = 100_000) -> Tally {
        var tally = Tally()
        var word: [Unicode.Scalar] = []
        func finish() {
            guard !word.isEmpty else { return }
            let marked = word.contains { $0.value >= 0x80 }
            let valid = isSyllable(word)
            tally.words += 1
            if valid { tally.valid += 1 }
            if marked {
                tally.marked += 1
                if valid { tally.validMarked += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.properties.isAlphabetic || (scalar.properties.generalCategory == .nonspacingMark && !word.isEmpty) {
                word.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return tally
    }

    /// Whether the letters (any case, precomposed or with combining marks) spell one Vietnamese syllable.
    static func isSyllable(_ word: [Unicode.Scalar]) -> Bool {
        var base = String.UnicodeScalarView()
        var tones = 0
        for scalar in word {
            if let letter = Letters.table[scalar] {
                base.append(letter.base)
                if letter.toned { tones += 1 }
            } else if toneMarks.contains(scalar.value) {
                tones += 1
            } else if let last = base.last, let composed = Letters.modified[[last, scalar]] {
                base.removeLast()
                base.append(composed)
            } else {
                return false
            }
        }
        guard tones <= 1, !base.isEmpty else { return false }
        let letters = Array(base)
        for onset in onsets where letters.starts(with: onset) {
            if isRhyme(letters[onset.count...]) { return true }
        }
        return false
    }

    private static func isRhyme(_ rhyme: ArraySlice<Unicode.Scalar>) -> Bool {
        let vowelEnd = rhyme.firstIndex { !vowels.contains($0) } ?? rhyme.endIndex
        guard vowelEnd > rhyme.startIndex, vowelGroups.contains(String(String.UnicodeScalarView(rhyme[..<vowelEnd]))) else {
            return false
        }
        return finals.contains(String(String.UnicodeScalarView(rhyme[vowelEnd...])))
    }

    /// Grave, acute, tilde, hook above, dot below.
    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    /// The letters of the Vietnamese alphabet, any case, with or without a tone: each maps to its lower-case
    /// letter without tone (`Ế` → `ê`, toned). Built once from Unicode's decompositions.
    private enum Letters {
        static let table: [Unicode.Scalar: (base: Unicode.Scalar, toned: Bool)] = {
            var table: [Unicode.Scalar: (base: Unicode.Scalar, toned: Bool)] = [:]
            let alphabet = Set("abcdeghiklmnopqrstuvxyăâđêôơư".unicodeScalars)
            let candidates = Array(0x41...0x24F) + Array(0x1EA0...0x1EF9)
            for value in candidates {
                guard let scalar = Unicode.Scalar(value) else { continue }
                var tones = 0
                var rest = String.UnicodeScalarView()
                for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                    if toneMarks.contains(part.value) { tones += 1 } else { rest.append(part) }
                }
                let letters = String(rest).precomposedStringWithCanonicalMapping.unicodeScalars
                guard tones <= 1, letters.count == 1, let letter = letters.first, alphabet.contains(letter) else { continue }
                table[scalar] = (letter, tones == 1)
            }
            return table
        }()

        /// A letter and a following combining circumflex, breve or horn → the letter they make.
        static let modified: [[Unicode.Scalar]: Unicode.Scalar] = [
            ["a", "\u{0302}"]: "â", ["a", "\u{0306}"]: "ă", ["e", "\u{0302}"]: "ê", ["o", "\u{0302}"]: "ô",
            ["o", "\u{031B}"]: "ơ", ["u", "\u{031B}"]: "ư",
        ]
    }

    private static let vowels = Set("aăâeêioôơuưy".unicodeScalars)

    /// Longest first, so `ngh` is tried before `ng` and `n`; the empty onset last. `gi` and `qu` are also
    /// tried as `g`/`q` + vowel group, since `gì`, `quá` parse either way.
    private static let onsets: [[Unicode.Scalar]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ].map { Array($0.unicodeScalars) }

    private static let vowelGroups: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
    ]

    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
}
