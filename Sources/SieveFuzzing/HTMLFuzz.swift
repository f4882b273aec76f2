extension FuzzTarget {
    /// The `html` reader (charset sniffing, the libxml2 parse, blocks) and the default pipeline after it:
    /// main content, metadata (meta, OpenGraph, JSON-LD, `<time>`), title, and the text stages.
    public static let html = FuzzTarget(name: "html", summary: "html reader + main-content + metadata + text stages") { bytes in
        StagesUnderTest.convert(bytes, reader: "html", path: "fuzz.html")
    }
}
