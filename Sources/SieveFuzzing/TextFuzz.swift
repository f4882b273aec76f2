extension FuzzTarget {
    /// The `text` reader (charset and mojibake repair, lines to blocks) and the default pipeline's text
    /// stages: normalizers (NFC, whitespace, unwrap, boilerplate lines) and the extractors.
    public static let text = FuzzTarget(name: "text", summary: "text reader + normalizers + extractors") { bytes in
        StagesUnderTest.convert(bytes, reader: "text", path: "fuzz.txt")
    }
}
