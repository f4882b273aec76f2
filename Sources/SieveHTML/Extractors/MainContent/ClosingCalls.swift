import SieveCore

/// Removes the calls to action that close an article on many news sites ("Subscribe now to our e-edition",
/// "Síguenos en Telegram, Instagram...", "Melde dich für unseren Newsletter an", "Download our apps for
/// iOS and Android"): a paragraph or heading under 250 bytes among the article's last four blocks of 40
/// bytes or more, holding one of `phrases` as whole words (any case). Shorter blocks at the end (ad placeholders, a lone
/// dash) are passed over. The phrases are the most common closing calls in the languages of the dev sets
/// (English, Spanish, German, French); they are looked for only at the end, where a quote or a sentence
/// of the article rarely asks the reader to subscribe.
enum ClosingCalls {
    /// The closing-call phrases, lowercased.
    static let phrases = [
        "subscribe", "sign up for", "newsletter", "download the", "apps for", "follow us", "join us",
        "suscríbete", "suscribete", "suscribirse", "síguenos", "siguenos", "hazte miembro",
        "abonnieren", "folgen sie uns", "abonnez-vous",
    ]
    /// How many of the last blocks are looked at.
    static let window = 4
    /// Blocks shorter than this (in bytes) are neither counted nor dropped.
    static let minimumLength = 40
    /// Blocks this long or longer (in bytes) are article text.
    static let maximumLength = 250

    /// `blocks` without their closing calls to action.
    static func dropping(from blocks: [Block]) -> [Block] {
        var drop: [Int] = []
        var seen = 0
        var index = blocks.count - 1
        while index >= 0, seen < window {
            let block = blocks[index]
            let length = block.text.utf8.count
            if length >= minimumLength {
                seen += 1
                if length < maximumLength, block.kind == .paragraph || block.kind == .heading, isCall(block.text) {
                    drop.append(index)
                }
            }
            index -= 1
        }
        guard !drop.isEmpty, drop.count < blocks.count else { return blocks }
        var kept = blocks
        for index in drop { kept.remove(at: index) }
        return kept
    }

    /// Whether `text` holds a phrase as whole words (a plural `s` allowed): "subscribe" and "newsletters",
    /// but not "subscribers", which an article's own sentence speaks of.
    static func isCall(_ text: String) -> Bool {
        let lower = Lowercase.bytes(text)
        for phrase in phraseBytes {
            var start = 0
            while start + phrase.count <= lower.count {
                guard let found = ByteSearch.firstRange(of: phrase, in: lower, from: start)?.lowerBound else { break }
                var end = found + phrase.count
                if end < lower.count, lower[end] == UInt8(ascii: "s") { end += 1 }
                if end >= lower.count || !isLetter(lower[end]) { return true }
                start = found + 1
            }
        }
        return false
    }

    private static let phraseBytes = phrases.map { Array($0.utf8) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
