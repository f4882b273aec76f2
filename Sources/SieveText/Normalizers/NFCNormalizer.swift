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

    private let lookalikes: Bool

    /// Creates the normalizer.
    public init(options: Options) throws {
        lookalikes = options.lookalikes
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        var vietnamese = false
        if lookalikes {
            vietnamese = document.language?.lowercased().hasPrefix("vi") ?? false
                || Vietnamese.looksVietnamese(document.blocks.map(\.text) + [document.title ?? ""])
        }
        DocumentText.rewrite(&document) { Self.normalize($0, lookalikes: vietnamese) }
        return .keep
    }

    /// The text in NFC, with `Ð/ð` mapped to `Đ/đ` when `lookalikes` is set.
    static func normalize(_ text: String, lookalikes: Bool) -> String {
        // Scalars below U+0300 are stable: text without a UTF-8 lead byte from 0xCC on (U+0300) and without
        // an eth (C3 90, C3 B0) stays as it is, checked on its bytes (most pages in Latin scripts).
        var bytes = text
        let plain = bytes.withUTF8 { utf8 in
            for index in utf8.indices where utf8[index] >= 0xC3 {
                let byte = utf8[index]
                if byte >= 0xCC { return false }
                if byte == 0xC3, index + 1 < utf8.count, utf8[index + 1] == 0x90 || utf8[index + 1] == 0xB0 { return false }
            }
            return true
        }
        if plain { return text }
        var needsNFC = false
        var hasEth = false
        for scalar in text.unicodeScalars where scalar.value >= 0xD0 {
            if scalar.value == 0xD0 || scalar.value == 0xF0 { hasEth = true }
            if !isStable(scalar) { needsNFC = true }
        }
        var result = needsNFC ? text.precomposedStringWithCanonicalMapping : text
        if lookalikes && hasEth {
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

    /// Scalars that NFC leaves alone whatever surrounds them: Latin up to U+02FF, Latin Extended Additional
    /// (all Vietnamese toned letters), general punctuation and currency signs.
    private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x1E00..<0x1F00, 0x2002..<0x2070, 0x20A0..<0x20D0: true
        default: false
        }
    }
}
