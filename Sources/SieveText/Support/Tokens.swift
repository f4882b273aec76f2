/// A word or punctuation mark of a text, with the facts the entity rules test.
struct Token {
    /// The text as written.
    let text: Substring
    /// `MatchKey` of the text (old-style tones, lower case).
    let key: WordKey
    /// Letters or digits (joined by `&`, `.`, `-`, `/` without spaces: `GD&ĐT`, `PGS.TS`, `QU-HĐND-UBND`).
    let isWord: Bool
    /// A word whose first letter is upper case.
    let isCapitalized: Bool
    /// A word of two letters or more, all upper case (`UBND`, `GD&ĐT`, `QUV`).
    let isAcronym: Bool
    /// A word made only of letters.
    let isAlphabetic: Bool

    /// A punctuation token equal to one of `marks`.
    func isPunct(_ marks: String) -> Bool {
        !isWord && text.unicodeScalars.count == 1 && marks.unicodeScalars.contains(text.unicodeScalars.first ?? " ")
    }

    /// A dash used as a separator: `-`, `–` or `—` standing between spaces.
    var isDash: Bool { isPunct("-\u{2013}\u{2014}") }
}

/// Splits text into tokens.
enum Tokenizer {
    /// The tokens of `text`; spaces and line breaks separate tokens and are not kept.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\u{00A0}" {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            if isWordScalar(scalar) {
                var end = scalars.index(after: index)
                while end != scalars.endIndex {
                    if isWordScalar(scalars[end]) {
                        end = scalars.index(after: end)
                        continue
                    }
                    let next = scalars.index(after: end)
                    if joiners.contains(scalars[end]), next != scalars.endIndex, isWordScalar(scalars[next]) {
                        end = next
                        continue
                    }
                    break
                }
                tokens.append(word(text[start..<end]))
                index = end
            } else {
                index = scalars.index(after: index)
                let piece = text[start..<index]
                tokens.append(Token(text: piece, key: WordKey(String(piece)), isWord: false, isCapitalized: false, isAcronym: false,
                                    isAlphabetic: false))
            }
        }
        return tokens
    }

    private static let joiners: Set<Unicode.Scalar> = ["&", ".", "-", "/", "'"]

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x30 && value <= 0x39) || UTF8Text.isLetter(scalar) }
        return UTF8Text.isLetter(scalar) || scalar.properties.numericType != nil || (0x300...0x36F).contains(value)
    }

    private static func word(_ text: Substring) -> Token {
        var letters = 0
        var upper = 0
        var alphabetic = true
        var joined = false
        for scalar in text.unicodeScalars {
            if UTF8Text.isLetter(scalar) {
                letters += 1
                if UTF8Text.isUppercase(scalar) { upper += 1 }
            } else {
                alphabetic = false
                if scalar == "&" || scalar == "-" { joined = true }
            }
        }
        let first = text.unicodeScalars.first
        let key = joined ? MatchKey.of(text) : ToneMarks.fold(String(text)).lowercased()
        return Token(text: text, key: WordKey(key), isWord: true,
                     isCapitalized: first.map(UTF8Text.isUppercase) ?? false,
                     isAcronym: letters >= 2 && upper == letters, isAlphabetic: alphabetic)
    }
}
