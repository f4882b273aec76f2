/// The URL allow-list of the markdown and html sinks: a link or image keeps its URL only when the URL is
/// relative or its scheme is `http`, `https` or `mailto`; anything else (`javascript:`, `data:`,
/// `vbscript:`, `file:`...) is dropped, whatever the input, so output opened in a browser runs nothing.
///
/// Leading and trailing blanks and every control character are removed first, as browsers do before
/// reading a scheme (the WHATWG URL standard strips tab and newline anywhere), so `java\tscript:` is seen
/// as `javascript:`.
/// Example: `" https://vnexpress.net/a b"` → `https://vnexpress.net/a%20b`; `"JavaScript:alert(1)"` → nil;
/// `"/tin-tuc/1.html"` → `/tin-tuc/1.html`.
enum SafeURL {
    /// The cleaned URL when it is allowed, nil otherwise. Spaces inside become `%20`.
    static func allowed(_ url: String) -> String? {
        let trimmed = url.utf8.drop { $0 <= 0x20 }.reversed().drop { $0 <= 0x20 }.reversed()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.count)
        for byte in trimmed where byte >= 0x20 && byte != 0x7F {
            if byte == 0x20 { bytes.append(contentsOf: "%20".utf8) } else { bytes.append(byte) }
        }
        guard !bytes.isEmpty else { return nil }
        if let scheme = scheme(of: bytes), !["http", "https", "mailto"].contains(scheme) { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lower-cased scheme: the letters, digits, `+`, `-` and `.` before the first `:`, when that `:`
    /// comes before any `/`, `?` or `#`; nil for a relative URL.
    private static func scheme(of bytes: [UInt8]) -> String? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let head = bytes[..<colon]
        if head.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { return nil }
        return String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
