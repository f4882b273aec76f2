/// A small check of a page's declared language against its text: counts very common function words of
/// a handful of languages and the script of the letters. Used to catch a wrong `<html lang>`, not to
/// identify languages in general.
enum LanguageGuess {
    private static let stopwords: [String: String] = {
        let lists: [String: [String]] = [
            "en": ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "this", "by"],
            "de": ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "von", "auf", "ein", "eine", "sich", "dem"],
            "fr": ["le", "les", "des", "et", "est", "une", "dans", "pour", "que", "qui", "sur", "pas", "du", "au"],
            "es": ["el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "se", "su", "como"],
            "pt": ["o", "os", "as", "e", "do", "da", "que", "não", "uma", "com", "para", "em", "dos", "das"],
            "it": ["il", "di", "che", "e", "la", "gli", "per", "una", "non", "sono", "con", "del", "della", "è"],
            "nl": ["de", "het", "een", "en", "van", "niet", "dat", "zijn", "op", "voor", "met", "ook", "wordt", "aan"],
            "vi": ["của", "và", "là", "các", "những", "được", "trong", "cho", "với", "không", "có", "này", "người", "đã"],
        ]
        var table: [String: String] = [:]
        for (language, words) in lists {
            for word in words where table[word] == nil { table[word] = language }
        }
        return table
    }()

    /// The language the text reads as, when the evidence is clear; nil otherwise.
    static func guess(_ text: String) -> String? {
        var counts: [String: Int] = [:]
        var words = 0
        var cjk = 0, cyrillic = 0, letters = 0
        for word in text.prefix(6000).lowercased().split(whereSeparator: { !$0.isLetter }) {
            words += 1
            if let language = stopwords[String(word)] { counts[language, default: 0] += 1 }
            if words > 1500 { break }
        }
        for scalar in text.unicodeScalars.prefix(3000) where scalar.properties.isAlphabetic {
            letters += 1
            switch scalar.value {
            case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: cjk += 1
            case 0x0400...0x04FF: cyrillic += 1
            default: break
            }
        }
        if letters > 50, cyrillic * 2 > letters { return "ru" }
        if letters > 50, cjk * 2 > letters { return nil }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 12 else { return nil }
        let second = ranked.dropFirst().first?.value ?? 0
        return top.value >= second * 3 ? top.key : nil
    }
}
