import CUchardet

/// Guesses the charset of bytes that declare none, statistically, with uchardet (Mozilla's universal charset
/// detector: byte-frequency and sequence models per charset, as used by Firefox and resiliparse).
///
/// Used only after the declarations (byte-order mark, `<meta charset>`, the transport, a user's option) and
/// only for bytes that are not valid UTF-8. Reads at most the first `sampleLimit` bytes.
///
/// Example: `北京时间` in GB2312 bytes (`B1 B1 BE A9 ...`) → `"gb18030"`.
public enum CharsetDetector {
    /// How many leading bytes are given to the detector (enough for a confident guess on any page).
    public static let sampleLimit = 65_536
    /// Fewer bytes than this give no answer: the models need some text, and on a few bytes (a truncated UTF-8
    /// file, say) any 8-bit charset fits and the guess is noise.
    public static let minimumSample = 32

    /// The charset name (lowercased, as iconv takes it) of `bytes`, or nil when they are too few, the detector
    /// has no answer, answers ASCII or UTF-8 (the caller already knows the bytes are not UTF-8), or iconv cannot decode it.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        guard bytes.count >= minimumSample, let detector = uchardet_new() else { return nil }
        defer { uchardet_delete(detector) }
        let sample = Array(bytes.prefix(sampleLimit))
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { uchardet_handle_data(detector, $0.baseAddress, $0.count) }
        }
        guard status == 0 else { return nil }
        uchardet_data_end(detector)
        guard let found = uchardet_get_charset(detector) else { return nil }
        let name = String(cString: found).lowercased()
        guard !name.isEmpty, name != "ascii", name != "utf-8", Transcoder.isSupported(name) else { return nil }
        return name
    }
}
