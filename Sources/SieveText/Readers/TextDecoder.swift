import SieveCore

/// Turns the bytes of a plain-text input into a string: byte-order marks, UTF-16, UTF-8 with repair, and
/// binary detection. Line ends are left as they are (see `TextLines`).
struct TextDecoder: Sendable {
    /// The legacy charset the user forced, nil for detection.
    let forced: LegacyCharset?
    /// Whether the user forced UTF-8.
    let forcedUTF8: Bool
    /// The reader's name, for errors.
    let stage: String

    /// Creates a decoder; `charset` empty means detect. Throws when iconv cannot decode the charset.
    init(charset: String, stage: String) throws {
        self.stage = stage
        forcedUTF8 = !charset.isEmpty && Transcoder.iconvName(for: charset) == nil
        forced = try Self.legacy(charset, stage: stage)
    }

    private static func legacy(_ charset: String, stage: String) throws -> LegacyCharset? {
        guard let name = Transcoder.iconvName(for: charset) else { return nil }
        guard Transcoder.isSupported(name) else {
            throw StageError(stage: stage, "unknown charset '\(charset)' (iconv cannot decode \(name))")
        }
        return LegacyCharset(iconvName: name)
    }

    /// The decoded text and the notes about what was repaired.
    struct Decoded {
        /// The text.
        var text: String
        /// Messages for diagnostics, such as invalid UTF-8 repaired.
        var notes: [String]
    }

    /// Decodes `bytes`; throws a `StageError` when they look binary.
    func decode(_ bytes: [UInt8], declared: String?, path: String) throws -> Decoded {
        if let charset = try legacyCharset(declared: declared, bytes: bytes) {
            guard let text = charset.decode(bytes) else {
                throw StageError(stage: stage, "\(path): bytes are not valid \(charset.iconvName)")
            }
            return Decoded(text: text, notes: [])
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return decodeUTF16(bytes[2...], littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes[2...], littleEndian: false)
        }
        if let reason = BinarySniffer.binaryReason(bytes.prefix(BinarySniffer.sampleSize)) {
            throw StageError(stage: stage, "\(path): binary file, not text (\(reason))")
        }
        return decodeUTF8(bytes[...])
    }

    /// The legacy charset to use: the forced one, else a declared one iconv knows (ignored when a BOM says Unicode).
    private func legacyCharset(declared: String?, bytes: [UInt8]) throws -> LegacyCharset? {
        if let forced { return forced }
        guard !forcedUTF8, let declared, !Self.hasUnicodeBOM(bytes),
              let name = Transcoder.iconvName(for: declared), !name.lowercased().hasPrefix("utf"),
              Transcoder.isSupported(name) else { return nil }
        return LegacyCharset(iconvName: name)
    }

    private static func hasUnicodeBOM(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// UTF-8, checked for mojibake. Bytes that are not UTF-8 (unless UTF-8 was forced, or nearly all of their
    /// multi-byte sequences are valid UTF-8) are read as a legacy Vietnamese charset when that text reads as
    /// Vietnamese, else in the charset uchardet detects; otherwise bad sequences become U+FFFD.
    private func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> Decoded {
        if let text = String(validating: bytes, as: UTF8.self) {
            guard let finding = Mojibake.examine(text) else { return Decoded(text: text, notes: []) }
            return Decoded(text: finding.repaired ?? text, notes: [finding.message])
        }
        let offset = Self.firstInvalidOffset(bytes)
        if !forcedUTF8, let (charset, text) = legacyDecoding(bytes) {
            return Decoded(text: text, notes: ["bytes are not UTF-8 (first bad byte at offset \(offset)); decoded as \(charset), "
                + "detected from the letters; declare the charset to be sure"])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Decoded(text: text, notes: ["invalid UTF-8 replaced with U+FFFD (first bad byte at offset \(offset))"])
    }

    /// The charset and text of bytes that are not UTF-8: a legacy Vietnamese charset whose text reads as
    /// Vietnamese, else uchardet's guess. Nil when the bytes are mostly valid UTF-8 (a damaged UTF-8 file:
    /// fewer than four valid multi-byte sequences per bad one is what a legacy charset looks like).
    private func legacyDecoding(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
        let check = Self.sequenceCounts(bytes)
        guard check.multibyte < check.invalid * 4 else { return nil }
        let array = Array(bytes)
        if let found = Mojibake.legacyVietnamese(array, exactRoundTrip: false) { return found }
        guard let charset = CharsetDetector.detect(array), let iconvName = Transcoder.iconvName(for: charset),
              let text = LegacyCharset(iconvName: iconvName).decode(array) else { return nil }
        return (charset, text)
    }

    private func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var notes: [String] = []
        if bytes.count % 2 != 0 { notes.append("UTF-16 input has an odd number of bytes; the last byte was dropped") }
        let text = String(decoding: units, as: UTF16.self)
        if String(validating: units, as: UTF16.self) == nil {
            notes.append("invalid UTF-16 replaced with U+FFFD")
        }
        return Decoded(text: text, notes: notes)
    }

    /// How many valid multi-byte UTF-8 sequences and how many invalid ones the bytes hold.
    static func sequenceCounts(_ bytes: ArraySlice<UInt8>) -> (multibyte: Int, invalid: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var multibyte = 0, invalid = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { multibyte += 1 }
            case .emptyInput: return (multibyte, invalid)
            case .error: invalid += 1
            }
        }
    }

    /// Offset of the first byte that does not decode as UTF-8.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
