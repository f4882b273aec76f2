import Glibc

/// Tells text from binary data by its first bytes: the one check the `text` and `html` readers share.
///
/// Rule: binary when the sample holds a NUL byte, or when more than 1% of its bytes (and at least 8) are
/// control characters other than TAB, LF, FF, CR and ESC (ESC opens ISO-2022 shifts). Random bytes have
/// about 11% such controls (29 of 256 values); text and HTML pages have next to none, and a few stray
/// ones in a real page stay under the minimum of 8. The scan covers `sampleSize` bytes, so its cost does
/// not grow with the input.
public enum BinarySniffer {
    /// How many leading bytes are examined.
    public static let sampleSize = 8192
    /// The fewest control characters that can make a sample binary.
    static let minimumControls = 8

    /// Why the sample looks binary, or nil when it looks like text. `sample` is raw bytes in an ASCII-based
    /// charset or decoded UTF-8 (a UTF-16 page must be decoded first: its ASCII has NUL high bytes).
    public static func binaryReason(_ sample: ArraySlice<UInt8>) -> String? {
        guard !sample.isEmpty else { return nil }
        let controls = sample.withUnsafeBufferPointer { bytes -> Int? in
            if memchr(bytes.baseAddress!, 0, bytes.count) != nil { return nil }
            return controlBytes.withUnsafeBufferPointer { isControl in
                var controls = 0
                for byte in bytes { controls &+= Int(isControl[Int(byte)]) }
                return controls
            }
        }
        guard let controls else { return "contains NUL bytes" }
        if controls >= minimumControls && controls * 100 > sample.count {
            return "\(controls) control characters in the first \(sample.count) bytes"
        }
        return nil
    }

    /// 1 for the control bytes `binaryReason` counts (C0 controls but tab, line feed, form feed, carriage
    /// return and escape; DEL), else 0: one table look-up per byte.
    private static let controlBytes: [UInt8] = (0..<256).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B) || byte == 0x7F ? 1 : 0
    }

    /// Whether the first bytes read as text: a UTF-8/UTF-16 byte-order mark, or no NULs and few control bytes.
    public static func looksLikeText(_ prefix: ArraySlice<UInt8>) -> Bool {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) || prefix.starts(with: [0xFF, 0xFE])
            || prefix.starts(with: [0xFE, 0xFF]) { return true }
        return !prefix.isEmpty && binaryReason(prefix) == nil
    }
}
