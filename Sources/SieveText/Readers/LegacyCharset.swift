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
}
