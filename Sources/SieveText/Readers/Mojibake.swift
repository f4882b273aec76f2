import SieveCore
/// Detects Vietnamese text that was decoded with the wrong charset somewhere upstream, and repairs it when
/// the original bytes can be recovered.
///
/// Two patterns are recognized (signatures of "Tiếng Việt, Hà Nội"):
/// - UTF-8 read as Windows-1252 or Latin-1: `Tiáº¿ng Viá»‡t, HÃ  Ná»™i` (a lead byte `Ã`, `á`, `Ä`, `Æ` ...
///   followed by a continuation byte shown as a Latin-1 or Windows-1252 sign);
/// - a legacy 8-bit Vietnamese charset read as Latin-1: `TiÕng ViÖt, Hµ Néi` (TCVN3), `Tiªng Vi®t` (VISCII):
///   Latin-1 signs that Vietnamese never uses (`µ`, `®`, `ª`, `Ö` ...) inside words, and no Vietnamese-only
///   letter anywhere.
/// Repair maps the text back to its bytes (Latin-1 plus the Windows-1252 specials) and decodes them as UTF-8,
/// or with the legacy charset whose result reads most like Vietnamese.
enum Mojibake {
    /// A finding: what the text looks like and the repaired text when the bytes decode cleanly.
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
            if let bytes = latin1Bytes(scalars), let repaired = String(validating: bytes, as: UTF8.self) {
                return Finding(message: "text looked like UTF-8 read as Windows-1252 (\(utf8Pairs) mis-decoded letters); repaired",
                               repaired: repaired)
            }
            return Finding(message: "text looks like UTF-8 read as Windows-1252 (\(utf8Pairs) mis-decoded letters); not repairable",
                           repaired: nil)
        }
        let foreign = countForeignInWords(scalars)
        guard foreign >= 5, !Vietnamese.looksVietnamese([text]) else { return nil }
        if let bytes = latin1Bytes(scalars), let (charset, repaired) = bestLegacyDecoding(bytes) {
            return Finding(message: "text looked like Vietnamese in \(charset) read as Latin-1; repaired", repaired: repaired)
        }
        return Finding(message: "text looks like Vietnamese in a legacy charset (TCVN3, VISCII) read as Latin-1; declare the charset",
                       repaired: nil)
    }

    /// The legacy charset whose decoding of `bytes` reads most like Vietnamese, with the text.
    static func bestLegacyDecoding(_ bytes: [UInt8]) -> (String, String)? {
        var best: (name: String, text: String, score: Int)?
        for name in ["TCVN3", "VISCII", "windows-1258"] {
            guard let iconvName = Transcoder.iconvName(for: name),
                  let text = LegacyCharset(iconvName: iconvName).decode(bytes) else { continue }
            let score = vietnameseScore(text)
            if score > (best?.score ?? 0) { best = (name, text, score) }
        }
        guard let best, best.score >= 3 else { return nil }
        return (best.name, best.text)
    }

    /// Frequent toned syllables of Vietnamese news, to tell the right legacy charset from a wrong one.
    private static let commonSyllables: Set<String> = Set("""
        và của các được trong năm học người với những không một có đã này tại từ là để về ngày đến công tác nhà
        trường giáo dục hội nghị tổ chức việt thành phố huyện quận xã phường tỉnh chủ tịch phó bí thư đồng chí
        nội hà tiếng kết tổng đạo lãnh ủy uỷ ban nhân dân sở phòng đào tạo nhiệm vụ chất lượng hiệu quả triển khai
        sinh viên giỏi xuất sắc thi đua khen thưởng cũng như đó nhiều hơn sẽ đang rằng cho biết trên dưới sau trước
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// How much the text reads like Vietnamese: three points per frequent syllable, one point per word with exactly one toned vowel, minus three
    /// per word with several (a wrong charset scatters tones), minus two per Latin-1 sign inside a word, minus
    /// four per control character.
    static func vietnameseScore(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var score = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where commonSyllables.contains(String(word)) {
            score += 3
        }
        var toned = 0
        for scalar in scalars {
            if scalar.properties.isAlphabetic {
                if Vietnamese.isToned(scalar) { toned += 1 }
                continue
            }
            score += toned == 1 ? 1 : (toned > 1 ? -3 : 0)
            toned = 0
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { score -= 4 }
        }
        score += toned == 1 ? 1 : (toned > 1 ? -3 : 0)
        return score - 2 * countForeignInWords(scalars)
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
