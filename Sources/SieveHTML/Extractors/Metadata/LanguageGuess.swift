/// A small check of a page's declared language against its text: counts very common function words of
/// a handful of languages and the script of the letters. Used to catch a wrong `<html lang>`, not to
/// identify languages in general. Works on UTF-8 bytes; reads at most the first 6000 bytes.
enum LanguageGuess {
    private static let lists: [(String, [String])] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "this", "by"]),
        ("de", ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "von", "auf", "ein", "eine", "sich", "dem"]),
        ("fr", ["le", "les", "des", "et", "est", "une", "dans", "pour", "que", "qui", "sur", "pas", "du", "au"]),
        ("es", ["el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "se", "su", "como"]),
        ("pt", ["o", "os", "as", "e", "do", "da", "que", "não", "uma", "com", "para", "em", "dos", "das"]),
        ("it", ["il", "di", "che", "e", "la", "gli", "per", "una", "non", "sono", "con", "del", "della", "è"]),
        ("nl", ["de", "het", "een", "en", "van", "niet", "dat", "zijn", "op", "voor", "met", "ook", "wordt", "aan"]),
        ("vi", ["của", "và", "là", "các", "những", "được", "trong", "cho", "với", "không", "có", "này", "người", "đã"]),
    ]
    private static let languages = lists.map(\.0)

    /// Stop words by first byte and length (`bucket`): the word's bytes and its language's index (the first list
    /// claiming a word wins). A word of the text is compared only with the stop words of its first byte and length.
    private static let table: [[([UInt8], Int)]] = {
        var table = [[([UInt8], Int)]](repeating: [], count: 256 * maximumLength)
        var seen = Set<String>()
        for (index, (_, words)) in lists.enumerated() {
            for word in words where seen.insert(word).inserted {
                let bytes = Array(word.utf8)
                precondition(bytes.count < maximumLength, "stop word \(word) is too long for the table")
                table[bucket(bytes[0], bytes.count)].append((bytes, index))
            }
        }
        return table
    }()

    /// Stop words are shorter than this many bytes.
    private static let maximumLength = 16

    @inline(__always) private static func bucket(_ first: UInt8, _ length: Int) -> Int {
        Int(first) * maximumLength + length
    }

    /// How many leading bytes of a text are read.
    static let readLimit = 6000

    /// The language UTF-8 text reads as (its first `readLimit` bytes), when the evidence is clear.
    static func guess(bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { guess(UnsafeBufferPointer(rebasing: $0.prefix(readLimit))) }
    }

    private static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var counts = [Int](repeating: 0, count: languages.count)
        var letters = 0, cyrillic = 0, cjk = 0
        var start = -1
        func finish(_ end: Int) {
            guard start >= 0 else { return }
            let length = end - start
            guard length < maximumLength else {
                start = -1
                return
            }
            for (word, language) in table[bucket(ByteSearch.lower(bytes[start]), length)] {
                var same = true
                for offset in 0..<word.count where ByteSearch.lower(bytes[start + offset]) != word[offset] {
                    same = false
                    break
                }
                if same {
                    counts[language] += 1
                    break
                }
            }
            start = -1
        }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if isLetter {
                if start < 0 { start = index }
                if byte < 0x80 || byte >= 0xC0 { letters += 1 }
                if byte == 0xD0 || byte == 0xD1 { cyrillic += 1 }
                if byte >= 0xE3 && byte <= 0xED { cjk += 1 }
            } else {
                finish(index)
            }
        }
        finish(bytes.count)
        if letters > 50, cyrillic * 2 > letters { return "ru" }
        if letters > 50, cjk * 3 > letters { return nil }
        var best = 0, second = 0, winner = -1
        for (index, count) in counts.enumerated() {
            if count > best {
                second = best
                best = count
                winner = index
            } else if count > second {
                second = count
            }
        }
        guard winner >= 0, best >= 12, best >= second * 3 else { return nil }
        return languages[winner]
    }
}
