import Foundation
import SieveCore

/// Character facts about Vietnamese text.
enum Vietnamese {
    /// Whether the scalar is a letter only Vietnamese uses: ă â đ ê ô ơ ư with or without tone, and the
    /// toned vowels of U+1EA0–U+1EF9.
    static func isVietnameseLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1EA0...0x1EF9, 0x0102, 0x0103, 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0: true
        default: false
        }
    }

    /// Whether the text looks Vietnamese: at least three Vietnamese-only letters, or one per 200 scalars.
    static func looksVietnamese<S: StringProtocol>(_ texts: [S]) -> Bool {
        var found = 0
        for text in texts {
            for scalar in text.unicodeScalars where scalar.value >= 0x100 && isVietnameseLetter(scalar) {
                found += 1
                if found >= 3 { return true }
            }
        }
        return false
    }

    /// Whether the Vietnamese extractors should read a document: its language is Vietnamese or not known,
    /// and its first blocks look Vietnamese. Keeps them from spending time (or guessing) on other languages.
    static func isInScope(_ document: Document) -> Bool {
        if let language = document.language, !language.lowercased().hasPrefix("vi") { return false }
        return looksVietnamese([document.title ?? ""] + document.blocks.prefix(12).map(\.text))
    }

    /// Whether the scalar is a vowel carrying one of the five tone marks (à á ả ã ạ and the like).
    static func isToned(_ scalar: Unicode.Scalar) -> Bool {
        tonedVowels.contains(scalar)
    }

    /// Every precomposed Latin letter whose decomposition holds a tone mark.
    private static let tonedVowels: Set<Unicode.Scalar> = {
        var set: Set<Unicode.Scalar> = []
        for (scalar, parts) in ToneMarks.Table.split where parts.tone != nil { set.insert(scalar) }
        for value in 0x1EA0...0x1EF9 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.contains(where: { ToneMarks.Table.tones.contains($0) }) { set.insert(scalar) }
        }
        return set
    }()
}
