import Foundation
import SieveCore

/// Puts all text in Unicode Normalization Form C and, in Vietnamese text, maps look-alike letters.
///
/// Vietnamese has a precomposed code point for every letter with its tone; text typed on some systems
/// arrives decomposed (base + combining marks), which breaks matching. The Icelandic eth `Ð/ð`
/// (U+00D0/U+00F0), a common stand-in for `Đ/đ` (U+0110/U+0111), is replaced only when the document looks
/// Vietnamese, so Icelandic or Faroese text keeps its letters.
///
/// Options: `lookalikes` (default true): map `Ð/ð` to `Đ/đ` in Vietnamese documents.
///
/// Example: `"Huye\u{0302}\u{0323}n Ðông"` → `"Huyện Đông"`.
public struct NFCNormalizer: Normalizer {
    /// Options of the NFC normalizer.
    public struct Options: StageOptions {
        /// Map `Ð/ð` to `Đ/đ` in Vietnamese documents.
        public var lookalikes = true
        /// Default options.
        public init() {}
        /// `lookalikes`.
        public static let declared: [OptionSpec<Options>] = [
            .option("lookalikes", \.lookalikes, "map Ð/ð to Đ/đ when the document looks Vietnamese"),
        ]
    }

    public static let name = "nfc"
    public static let summary = "Unicode NFC; in Vietnamese text also Ð/ð (eth) → Đ/đ"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let lookalikes: Bool

    /// Creates the normalizer.
    public init(options: Options) throws {
        lookalikes = options.lookalikes
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        // Whether the document looks Vietnamese matters only for a text with an eth, so it is decided (once)
        // at the first such text, on the texts as they came in.
        let language = document.language
        let texts = lookalikes ? document.blocks.map(\.text) + [document.title ?? ""] : []
        var vietnamese: Bool?
        DocumentText.rewrite(&document) { text in
            Self.normalize(text) {
                guard lookalikes else { return false }
                if let vietnamese { return vietnamese }
                let found = language?.lowercased().hasPrefix("vi") ?? false || Vietnamese.looksVietnamese(texts)
                vietnamese = found
                return found
            }
        }
        return .keep
    }

    /// The text in NFC, with `Ð/ð` mapped to `Đ/đ` when it has one and `lookalikes()` is true; the text itself
    /// (no new string) when neither changes it.
    static func normalize(_ text: String, lookalikes: () -> Bool) -> String {
        let (unstable, hasEth) = survey(text)
        var result = unstable ? text.precomposedStringWithCanonicalMapping : text
        if hasEth && lookalikes() {
            var scalars = String.UnicodeScalarView()
            for scalar in result.unicodeScalars {
                switch scalar.value {
                case 0xD0: scalars.append("\u{0110}")
                case 0xF0: scalars.append("\u{0111}")
                default: scalars.append(scalar)
                }
            }
            result = String(scalars)
        }
        return result
    }

    /// Whether the text has a scalar that is not `isStable`, and whether it has an eth (U+00D0/U+00F0), read
    /// on its UTF-8 bytes in one pass: ASCII eight bytes at a time and other bytes below C3 (U+0080–U+00BF,
    /// continuation bytes) one at a time are stepped over, and only the scalars from U+00C0 on are decoded, so
    /// English text with a few typographic quotes is not walked scalar by scalar.
    static func survey(_ text: String) -> (unstable: Bool, hasEth: Bool) {
        var text = text
        return text.withUTF8 { utf8 in
            var unstable = false, hasEth = false
            var index = 0
            let count = utf8.count
            let raw = UnsafeRawPointer(utf8.baseAddress)
            while index < count {
                // ASCII, eight bytes at a time.
                if let raw, index + 8 <= count,
                   raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                if byte < 0xC3 {
                    index += 1
                    continue
                }
                let value: UInt32
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    if value == 0xD0 || value == 0xF0 { hasEth = true }
                    index += 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    index += 3
                } else {
                    // Four bytes: no scalar above U+FFFF is taken as stable.
                    value = 0x10000
                    index += 4
                }
                if !unstable && !isStable(value) { unstable = true }
                if unstable && hasEth { return (true, true) }
            }
            return (unstable, hasEth)
        }
    }

    /// Scalars (by value) that leave a text in NFC whatever other such scalars surround them, by the NFC quick
    /// check of UAX #15 (section 9): canonical combining class 0, NFC_Quick_Check Yes (no singleton or
    /// excluded decomposition, never the second scalar of a canonical composition), per the UnicodeData and
    /// DerivedNormalizationProps files (Unicode 14). A text of only such scalars is its own NFC; a text with
    /// another scalar goes through Foundation's NFC. The ranges: Latin up to U+02FF; Greek from U+038E (not
    /// the singletons U+0374, U+037E, U+0387, nor the unassigned U+03A2); Cyrillic (without its combining
    /// marks U+0483–U+0489); Latin Extended Additional (all Vietnamese toned letters); general punctuation
    /// and currency signs; arrows and mathematical operators; enclosed alphanumerics, box drawing and
    /// geometric shapes; CJK punctuation (before its combining tone marks U+302A–U+302F), hiragana and
    /// katakana (not the voicing marks U+3099–U+309C); CJK ideographs and extension A; Hangul syllables (not
    /// conjoining jamo); full- and halfwidth forms.
    static func isStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300, 0x38E..<0x3A2, 0x3A3..<0x483, 0x48A..<0x530, 0x1E00..<0x1F00, 0x2002..<0x2070,
             0x20A0..<0x20D0, 0x2190..<0x2300, 0x2460..<0x2600, 0x3001..<0x302A, 0x3041..<0x3097,
             0x30A1..<0x3100, 0x3400..<0x4DC0, 0x4E00..<0xA000, 0xAC00..<0xD7A4, 0xFF01..<0xFFBF:
            true
        default:
            false
        }
    }
}
