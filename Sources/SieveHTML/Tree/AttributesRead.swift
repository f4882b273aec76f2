extension ParserInput {
    /// Whether the attribute name in `range` of `bytes` is one `HTMLReader.attributesRead` lists, ASCII case
    /// ignored (libxml2 lowercases attribute names). A switch on the length and the first byte, then one or two
    /// comparisons: the pre-pass asks for every attribute of a page (about 1,300 on a news page), and a table
    /// look-up cost 180 instructions an attribute (callgrind). `UnreadAttributesTests` checks it against the list.
    @inline(__always) static func isRead(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        func named(_ name: StaticString) -> Bool { equalsLowercase(bytes, range, name) }
        switch (range.count, bytes[first] | 0x20) {
        case (2, UInt8(ascii: "i")): return named("id")
        case (3, UInt8(ascii: "a")): return named("alt")
        case (3, UInt8(ascii: "r")): return named("rel")
        case (3, UInt8(ascii: "s")): return named("src")
        case (4, UInt8(ascii: "h")): return named("href")
        case (4, UInt8(ascii: "l")): return named("lang")
        case (4, UInt8(ascii: "n")): return named("name")
        case (4, UInt8(ascii: "r")): return named("role")
        case (4, UInt8(ascii: "t")): return named("type")
        case (5, UInt8(ascii: "c")): return named("class")
        case (5, UInt8(ascii: "s")): return named("style")
        case (5, UInt8(ascii: "t")): return named("title")
        case (6, UInt8(ascii: "h")): return named("hidden")
        case (6, UInt8(ascii: "s")): return named("srcset")
        case (7, UInt8(ascii: "c")): return named("content")
        case (7, UInt8(ascii: "p")): return named("pubdate")
        case (8, UInt8(ascii: "d")): return named("datetime") || named("data-src")
        case (8, UInt8(ascii: "i")): return named("itemprop")
        case (8, UInt8(ascii: "p")): return named("property")
        case (8, UInt8(ascii: "x")): return named("xml:lang")
        case (10, UInt8(ascii: "h")): return named("http-equiv")
        case (11, UInt8(ascii: "a")): return named("aria-hidden")
        case (11, UInt8(ascii: "d")): return named("data-srcset")
        case (13, UInt8(ascii: "d")): return named("data-lazy-src") || named("data-original")
        default: return false
        }
    }

    /// Whether `range` of `bytes` holds exactly the lowercase ASCII `name`, each byte ORed with 0x20 (ASCII
    /// letters lowercased; digits, `-`, `:` and `.` unchanged).
    @inline(__always) static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        var offset = 0
        for index in range {
            guard bytes[index] | 0x20 == expected[offset] else { return false }
            offset += 1
        }
        return true
    }
}
