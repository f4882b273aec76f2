import SieveCore
/// Detects Vietnamese text that was decoded with the wrong charset somewhere upstream, and repairs it only
/// when the evidence is overwhelming: valid text in any other language must come out unchanged.
///
/// Two patterns are recognized (signatures of "Tiếng Việt, Hà Nội"):
/// - UTF-8 read as Windows-1252 or Latin-1: `Tiáº¿ng Viá»‡t, HÃ  Ná»™i` (a lead byte `Ã`, `á`, `Ä`, `Æ` ...
///   followed by a continuation byte shown as a Latin-1 or Windows-1252 sign). Repaired when every character
///   maps back to one byte and those bytes are valid UTF-8 with at least three multi-byte letters: valid
///   text never has that shape, since each of its accented letters would have to be followed by a sign.
/// - a legacy 8-bit Vietnamese charset read as Latin-1: `TiÕng ViÖt, Hµ Néi` (TCVN3), `Tiªng Vi®t` (VISCII).
///   Repaired only when all of these hold: the text has no Vietnamese-only letter and does not read as
///   Vietnamese; its characters map back to bytes that decode strictly in TCVN3, VISCII or windows-1258;
///   the decoded text reads as Vietnamese (`VietnameseSyllables`: most of its accented words are well-formed
///   syllables, where German `Bỹrger` or French `président` are not); and encoding it back gives the same
///   bytes. Otherwise the text is kept as it is, at most with a note.
enum Mojibake {
    /// A finding: what the text looks like and the repaired text when the evidence allows a repair.
    struct Finding {
        var message: String
        var repaired: String?
    }

    /// The finding for `text`, or nil when it reads normally. A first pass on bytes skips text with fewer than
    /// three Latin-1 signs (U+0080–U+00BF) or Latin-1 letters Vietnamese does not use (both patterns need many).
    static func examine(_ text: String) -> Finding? {
        var signs = 0
        var afterC3 = false
        for byte in text.utf8 {
            if afterC3, !vietnameseAfterC3.contains(byte) { signs += 1 }
            afterC3 = byte == 0xC3
            if byte == 0xC2 { signs += 1 }
        }
        guard signs >= 3 else { return nil }
        let scalars = Array(text.unicodeScalars.prefix(200_000))
        let utf8Pairs = countUTF8AsLatin1(scalars)
        if utf8Pairs >= 3 {
            if scalars.count == text.unicodeScalars.count, let bytes = latin1Bytes(scalars),
               let repaired = String(validating: bytes, as: UTF8.self) {
                return Finding(message: "text looked like UTF-8 read as Windows-1252 (\(utf8Pairs) mis-decoded letters); repaired",
                               repaired: repaired)
            }
            return Finding(message: "text looks like UTF-8 read as Windows-1252 (\(utf8Pairs) mis-decoded letters); not repairable",
                           repaired: nil)
        }
        guard countForeignInWords(scalars) >= 5, !scalars.contains(where: Vietnamese.isVietnameseLetter),
              scalars.count == text.unicodeScalars.count, let bytes = latin1Bytes(scalars),
              let (charset, repaired) = legacyVietnamese(bytes, exactRoundTrip: true), repaired != text,
              !VietnameseSyllables.tally(text).readsAsVietnamese() else { return nil }
        return Finding(message: "text looked like Vietnamese in \(charset) read as Latin-1; repaired", repaired: repaired)
    }

    /// The legacy Vietnamese charset (TCVN3, VISCII, windows-1258) in which `bytes` decode strictly to text
    /// that reads as Vietnamese, with that text; the one with the most well-formed accented words wins. With
    /// `exactRoundTrip`, the text must also encode back to the same bytes. Nil when none qualifies.
    static func legacyVietnamese(_ bytes: [UInt8], exactRoundTrip: Bool) -> (String, String)? {
        var best: (name: String, text: String, score: Int)?
        for name in ["TCVN3", "VISCII", "windows-1258"] {
            guard let iconvName = Transcoder.iconvName(for: name) else { continue }
            let charset = LegacyCharset(iconvName: iconvName)
            // A first look at the start rejects most texts before the whole is counted.
            guard let text = charset.decode(bytes), VietnameseSyllables.tally(text, limit: 2000).readsAsVietnamese() else { continue }
            let tally = VietnameseSyllables.tally(text)
            guard tally.readsAsVietnamese(), !exactRoundTrip || charset.encode(text) == bytes else { continue }
            let score = 2 * tally.validMarked - tally.marked
            if score > (best?.score ?? Int.min) { best = (name, text, score) }
        }
        return best.map { ($0.name, $0.text) }
    }

    private static func countUTF8AsLatin1(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        for index in 0..<max(scalars.count - 1, 0) {
            let lead = scalars[index].value
            guard (0xC2...0xC6).contains(lead) || lead == 0xE1 || lead == 0xE2 else { continue }
            if let byte = latin1Byte(scalars[index + 1]), (0x80...0xBF).contains(byte) { count += 1 }
        }
        return count
    }

    private static func countForeignInWords(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        for index in scalars.indices where (0xA0...0xFF).contains(scalars[index].value) && !vietnameseLatin1.contains(scalars[index]) {
            let before = index > 0 && scalars[index - 1].properties.isAlphabetic
            let after = index + 1 < scalars.count && scalars[index + 1].properties.isAlphabetic
            if before || after { count += 1 }
        }
        return count
    }

    /// Second UTF-8 bytes (after 0xC3) of the Latin-1 letters Vietnamese uses.
    private static let vietnameseAfterC3: Set<UInt8> = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars.map { UInt8(0x80 | ($0.value & 0x3F)) })

    /// Latin-1 letters Vietnamese uses.
    private static let vietnameseLatin1 = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars)

    /// Windows-1252 signs in 0x80–0x9F and their bytes.
    private static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    private static func latin1Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value <= 0xFF ? UInt8(scalar.value) : windows1252[scalar.value]
    }

    private static func latin1Bytes(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard let byte = latin1Byte(scalar) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
