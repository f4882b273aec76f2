import CCLD2

/// What the detector says about a text.
public struct LanguageDetection: Sendable, Equatable {
    /// The most likely language as a primary language subtag (`de`, `vi`, `zh`, `he`), nil when unknown.
    public var language: String?
    /// Share of the scored text in that language, 0–100.
    public var percent: Int
    /// The second most likely language (nil when none) and its share of the text.
    public var runnerUp: String?
    public var runnerUpPercent: Int
    /// Bytes of letters the detector scored.
    public var textBytes: Int
    /// Whether the detector calls the answer reliable: enough text, clearly ahead of the runner-up.
    public var reliable: Bool
}

/// Identifies the language of UTF-8 text with CLD2 (Google's Compact Language Detector 2: quadgram and
/// script statistics for 83 languages, used by Chrome and to annotate Common Crawl).
///
/// Example: `detect("Die Bürger sind völlig überrascht")` → `de`, 97%, reliable.
public enum LanguageDetector {
    /// How many leading bytes of a text are scored (a few thousand letters settle any language; more
    /// only costs time).
    public static let sampleLimit = 3000

    /// Detects the language of the first `sampleLimit` bytes of `text`, from the text alone.
    public static func detect(_ text: String) -> LanguageDetection {
        let unknown = LanguageDetection(language: nil, percent: 0, runnerUp: nil, runnerUpPercent: 0, textBytes: 0, reliable: false)
        var text = interchangeable(text)
        var result = sieve_cld2_result()
        let status = text.withUTF8 { buffer -> Int32 in
            let length = prefixLength(buffer, limit: sampleLimit)
            return buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress, length > 0 else { return -1 }
                return sieve_cld2_detect(base, Int32(length), &result)
            }
        }
        guard status == 0 else { return unknown }
        let first = withUnsafeBytes(of: result.language) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let second = withUnsafeBytes(of: result.second) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return LanguageDetection(language: primarySubtag(first), percent: Int(result.percent), runnerUp: primarySubtag(second),
                                 runnerUpPercent: Int(result.second_percent), textBytes: Int(result.text_bytes),
                                 reliable: result.reliable != 0)
    }

    /// CLD2's code as a primary language subtag: `zh-Hant` → `zh`, the old codes `iw`/`jw`/`in`/`ji` → `he`/`jv`/`id`/`yi`;
    /// nil for unknown (`un`) and CLD2's script-only pseudo-languages (`xx-…`, `zz…`).
    static func primarySubtag(_ code: String) -> String? {
        let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.utf8.count), primary != "un", primary != "xx", primary != "und",
              !primary.hasPrefix("zz") else { return nil }
        return replacedCodes[primary] ?? primary
    }

    private static let replacedCodes = ["iw": "he", "jw": "jv", "in": "id", "ji": "yi", "mo": "ro"]

    /// The text with the characters CLD2 refuses to read (it rejects the whole text for one of them) turned
    /// into spaces: control characters other than tab, line feed, form feed and carriage return, DEL, C1
    /// controls and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). A byte scan finds the few texts that
    /// hold one (or a character near one, such as U+FFxx) before any character is rebuilt.
    static func interchangeable(_ text: String) -> String {
        var text = text
        let suspect = text.withUTF8 { bytes -> Bool in
            let end = min(bytes.count, sampleLimit + 4)
            var index = 0
            while index < end {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F { index += 1; continue }
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch byte {
                case 0x09, 0x0A, 0x0C, 0x0D: break
                case ..<0x20, 0x7F: return true
                case 0xC2 where next <= 0x9F: return true
                // U+FDD0–U+FDEF (EF B7 90–AF) and U+FFFE/U+FFFF (EF BF BE/BF); U+FFFD, the mark of a sample
                // cut inside a character, and the other U+FDxx/U+FFxx are read as they are.
                case 0xEF where (next == 0xB7 && (0x90...0xAF).contains(third)) || (next == 0xBF && third >= 0xBE): return true
                case 0xF0...0xF4 where next & 0x0F == 0x0F: return true
                default: break
                }
                index += 1
            }
            return false
        }
        guard suspect else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(sampleLimit + 4) {
            let value = scalar.value
            let refused = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D)
                || (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            view.append(refused ? " " : scalar)
        }
        return String(view)
    }

    /// The length of the longest prefix of at most `limit` bytes that ends on a character boundary.
    private static func prefixLength(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard buffer.count > limit else { return buffer.count }
        var end = limit
        while end > 0 && buffer[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
