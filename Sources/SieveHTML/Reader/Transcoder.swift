import Glibc

/// Converts bytes between charsets with the C library's iconv. Bytes the source charset cannot decode
/// become U+FFFD (or `?` in a legacy target) and are counted.
enum Transcoder {
    /// The UTF-8 text and the number of undecodable bytes, or nil when iconv does not know the charset.
    static func utf8(from bytes: [UInt8], charset: String) -> (bytes: [UInt8], invalid: Int)? {
        convert(bytes, from: charset, to: "UTF-8")
    }

    /// The bytes converted from one charset to another, or nil when iconv does not know one of the names.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> (bytes: [UInt8], invalid: Int)? {
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
