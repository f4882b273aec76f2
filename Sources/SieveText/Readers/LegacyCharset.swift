import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes legacy charsets through the C library's iconv, with Vietnamese names mapped to iconv's.
///
/// `windows-1258`/`cp1258` → `CP1258`; `tcvn3`, `tcvn`, `vn3`, `tcvn-5712`, `abc` → `TCVN5712-1` (TCVN3 is the
/// lower-case subset of TCVN 5712 VN1, so its letters decode through that table); `viscii` → `VISCII`.
/// Any other name is passed to iconv as written.
struct LegacyCharset: Sendable {
    /// The iconv name of the charset.
    let iconvName: String

    /// Maps a user-facing name to iconv's; nil for UTF-8 and its aliases.
    static func iconvName(for name: String) -> String? {
        let key = name.lowercased().filter { $0 != "_" && $0 != " " }
        switch key {
        case "", "utf-8", "utf8", "unicode-1-1-utf-8": return nil
        case "windows-1258", "cp1258", "win1258", "x-cp1258": return "CP1258"
        case "tcvn3", "tcvn", "vn3", "tcvn-5712", "tcvn5712", "tcvn5712-1", "tcvn5712-1:1993", "abc", "vscii": return "TCVN5712-1"
        case "viscii", "csviscii", "viscii1.1-1": return "VISCII"
        default: return name
        }
    }

    /// Whether iconv can decode this charset here.
    static func isSupported(_ iconvName: String) -> Bool {
        guard let handle = open(iconvName) else { return false }
        iconv_close(handle)
        return true
    }

    /// The text of `bytes` in this charset, NFC; nil when iconv rejects the bytes.
    func decode(_ bytes: [UInt8]) -> String? {
        guard let handle = Self.open(iconvName) else { return nil }
        defer { iconv_close(handle) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = outBuffer.count
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                var flushLeft = outLeft
                _ = iconv(handle, nil, nil, &outPointer, &flushLeft)
                return outBuffer.count - flushLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)?.precomposedStringWithCanonicalMapping
    }

    private static func open(_ name: String) -> iconv_t? {
        let handle = iconv_open("UTF-8", name)
        guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
        return handle
    }
}
