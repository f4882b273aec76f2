import Foundation
import SieveCore

/// Decodes legacy charsets through `Transcoder` (iconv, with Vietnamese names mapped to iconv's), strictly.
struct LegacyCharset: Sendable {
    /// The iconv name of the charset.
    let iconvName: String

    /// The text of `bytes` in this charset, NFC; nil when iconv rejects any of the bytes.
    func decode(_ bytes: [UInt8]) -> String? {
        guard let (utf8, invalid) = Transcoder.convert(bytes, from: iconvName, to: "UTF-8"), invalid == 0 else { return nil }
        return String(validating: utf8, as: UTF8.self)?.precomposedStringWithCanonicalMapping
    }

    /// The bytes of `text` in this charset; nil when the charset cannot write one of its characters.
    func encode(_ text: String) -> [UInt8]? {
        guard let (bytes, invalid) = Transcoder.convert(Array(text.utf8), from: "UTF-8", to: iconvName), invalid == 0 else {
            return nil
        }
        return bytes
    }
}
