import Glibc

/// Converts bytes between charsets with the C library's iconv, knowing the names Vietnamese pages use for
/// their legacy charsets. Bytes the source charset cannot decode become U+FFFD (or `?` in a legacy target)
/// and are counted.
public enum Transcoder {
    /// iconv's name for a charset name found in a page or given by a user; nil for UTF-8 and its aliases.
    ///
    /// `windows-1258`/`cp1258` → `CP1258`; `tcvn3`, `tcvn`, `vn3`, `tcvn-5712`, `abc` → `TCVN5712-1` (TCVN3
    /// is the lower-case subset of TCVN 5712 VN1, so its letters decode through that table); `viscii` →
    /// `VISCII`. Any other name is passed to iconv as written.
    public static func iconvName(for name: String) -> String? {
        let key = name.lowercased().filter { $0 != "_" && $0 != " " }
        switch key {
        case "", "utf-8", "utf8", "unicode-1-1-utf-8": return nil
        case "windows-1258", "cp1258", "win1258", "x-cp1258": return "CP1258"
        case "tcvn3", "tcvn", "vn3", "tcvn-5712", "tcvn5712", "tcvn5712-1", "tcvn5712-1:1993", "abc", "vscii": return "TCVN5712-1"
        case "viscii", "csviscii", "viscii1.1-1": return "VISCII"
        default: return name
        }
    }

    /// Whether iconv can decode this charset (a name `iconvName(for:)` understands) here.
    public static func isSupported(_ charset: String) -> Bool {
        let converter = iconv_open("UTF-8", iconvName(for: charset) ?? "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// The UTF-8 text and the number of undecodable bytes, or nil when iconv does not know the charset.
    public static func utf8(from bytes: [UInt8], charset: String) -> (bytes: [UInt8], invalid: Int)? {
        convert(bytes, from: iconvName(for: charset) ?? "UTF-8", to: "UTF-8")
    }

    /// The bytes converted from one charset to another (iconv names), or nil when iconv does not know one.
    public static func convert(_ bytes: [UInt8], from source: String, to target: String) -> (bytes: [UInt8], invalid: Int)? {
        let replacement: [UInt8] = target == "UTF-8" ? [0xEF, 0xBF, 0xBD] : [0x3F]
        let converter = iconv_open(target, source)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var invalid = 0
        var produced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                source.baseAddress!.withMemoryRebound(to: CChar.self, capacity: source.count) { sourceBase in
                    target.baseAddress!.withMemoryRebound(to: CChar.self, capacity: target.count) { targetBase in
                        var inPointer: UnsafeMutablePointer<CChar>? = sourceBase
                        var inLeft = source.count
                        var outPointer: UnsafeMutablePointer<CChar>? = targetBase
                        var outLeft = target.count
                        while inLeft > 0 {
                            if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                            guard errno == EILSEQ || errno == EINVAL, outLeft >= replacement.count else { break }
                            // Skip one undecodable byte and write the replacement in its place.
                            invalid += 1
                            inPointer = inPointer! + 1
                            inLeft -= 1
                            for byte in replacement {
                                outPointer!.pointee = CChar(bitPattern: byte)
                                outPointer = outPointer! + 1
                            }
                            outLeft -= replacement.count
                        }
                        // Flush any state kept by the converter (combining marks in windows-1258).
                        iconv(converter, nil, nil, &outPointer, &outLeft)
                        produced = target.count - outLeft
                    }
                }
            }
        }
        output.removeSubrange(produced...)
        return (output, invalid)
    }
}
