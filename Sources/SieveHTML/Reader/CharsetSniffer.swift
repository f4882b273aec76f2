import Glibc
import SieveCore

/// Finds how an HTML page's bytes are encoded and turns them into UTF-8.
///
/// Order: a byte-order mark; UTF-16 without a BOM from the pattern of NUL bytes; `<meta charset>` or
/// `<meta http-equiv="content-type">` (or an XML declaration) in the first bytes; the charset declared by the
/// transport; else UTF-8. A declaration is checked against the bytes: a page that declares a legacy charset
/// but is valid UTF-8 (with non-ASCII text) is read as UTF-8, and a page read as UTF-8 that is not valid
/// is read in the charset `undeclaredLegacy` picks (uchardet's statistical guess, windows-1258 for Vietnamese,
/// windows-1252 by default). Every such decision leaves a note.
///
/// Example: a GB2312 page with no `<meta charset>` → detected as gb18030, decoded to Chinese text.
struct CharsetSniffer {
    /// The decoded page and the notes about how it was decoded.
    struct Result {
        /// The page as UTF-8 with NUL bytes removed.
        var utf8: [UInt8]
        /// Decisions a user may want to know about.
        var notes: [String]
    }

    /// How far into the page charset declarations and the language are looked for.
    static let prescanLimit = 16_384

    /// Decodes `bytes`, given the charset a transport (an HTTP header) declared, if any.
    static func decode(_ bytes: [UInt8], declared: String?) -> Result {
        var notes: [String] = []
        var body = ArraySlice(bytes)
        var charset: String
        var scanned: (multibyte: Int, invalid: Int)?
        var fromBOM = false
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            charset = "utf-8"
            fromBOM = true
        } else if body.starts(with: [0xFE, 0xFF]) {
            body = body.dropFirst(2)
            charset = "utf-16be"
            fromBOM = true
        } else if body.starts(with: [0xFF, 0xFE]) {
            body = body.dropFirst(2)
            charset = "utf-16le"
            fromBOM = true
        } else if let utf16 = utf16ByNulPattern(body) {
            charset = utf16
            fromBOM = true
            notes.append("no byte-order mark, but the NUL bytes say \(utf16.uppercased()); read as such")
        } else {
            let found = declaredInPage(body).map { (normalize($0), "the page") }
                ?? declared.map { (normalize($0), "the transport") }
            charset = found?.0 ?? "utf-8"
            if let (name, origin) = found, name != "utf-8" {
                let check = UTF8Check.scan(body)
                if check.invalid == 0, check.multibyte > 0 {
                    notes.append("\(origin) declares \(name), but the bytes are valid UTF-8; read as UTF-8")
                    charset = "utf-8"
                    scanned = check
                }
            }
        }
        var output: [UInt8]
        if charset == "utf-8" {
            let check = scanned ?? UTF8Check.scan(body)
            if check.invalid == 0 {
                // The whole input shares its storage rather than being copied.
                output = body.count == bytes.count ? bytes : Array(body)
            } else if !fromBOM, check.multibyte < check.invalid * 4 {
                let (fallback, reason) = undeclaredLegacy(body)
                notes.append("the bytes are not valid UTF-8 (\(check.invalid) bad sequences); read as \(fallback) (\(reason))")
                charset = fallback
                output = Transcoder.utf8(from: Array(body), charset: fallback)?.bytes ?? UTF8Check.repaired(body)
            } else {
                notes.append("\(check.invalid) invalid UTF-8 sequences replaced with U+FFFD")
                output = UTF8Check.repaired(body)
            }
        } else if let converted = Transcoder.utf8(from: Array(body), charset: charset) {
            output = converted.bytes
            if converted.invalid > 0 {
                notes.append("\(converted.invalid) bytes not valid in \(charset) replaced with U+FFFD")
            }
        } else {
            notes.append("unknown charset '\(charset)'; read as UTF-8")
            output = UTF8Check.repaired(body)
            charset = "utf-8"
        }
        if output.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
            let before = output.count
            output.removeAll { $0 == 0 }
            notes.append("\(before - output.count) NUL bytes removed")
        }
        return Result(utf8: output, notes: notes)
    }

    /// UTF-16 without a BOM: in ASCII-heavy markup every other byte is NUL.
    static func utf16ByNulPattern(_ bytes: ArraySlice<UInt8>) -> String? {
        let sample = bytes.prefix(1024)
        guard sample.count >= 8 else { return nil }
        var even = 0, odd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        if even * 10 >= pairs * 4, odd * 20 < pairs { return "utf-16be" }
        if odd * 10 >= pairs * 4, even * 20 < pairs { return "utf-16le" }
        return nil
    }

    /// The charset named by a `<meta>` tag or an XML declaration near the start of the page.
    static func declaredInPage(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(prescanLimit))
        var index = 0
        if head.starts(with: Array("<?xml".utf8)), let end = ByteSearch.find(head, ">", from: 0),
           let value = ByteSearch.attributeValue(in: head[0..<end], named: "encoding") {
            return value
        }
        while let start = ByteSearch.findIgnoringCase(head, "<meta", from: index) {
            let end = ByteSearch.find(head, ">", from: start) ?? head.count
            if let value = ByteSearch.attributeValue(in: head[start..<end], named: "charset") { return value }
            index = end
        }
        return nil
    }

    /// A charset label in the form iconv and the checks use; the WHATWG aliases that matter for news pages.
    static func normalize(_ label: String) -> String {
        let name = label.lowercased()
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "unicode", "utf-16", "utf-16le", "utf-16be", "ucs-2":
            // A page that reached this point has no UTF-16 byte pattern, so a UTF-16 label is wrong (WHATWG).
            return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "x-cp1252":
            return "windows-1252"
        case "cp1258", "x-cp1258":
            return "windows-1258"
        case "gb2312", "gbk", "x-gbk", "chinese":
            return "gb18030"
        case "shift-jis", "sjis", "x-sjis":
            return "shift_jis"
        default:
            return name
        }
    }

    /// The charset of a page that is not UTF-8 and declares none (or wrongly declares UTF-8), and why: a page
    /// that says `lang="vi"` is windows-1258 (the Vietnamese legacy charset uchardet's models miss most); else
    /// what uchardet detects from the bytes; else windows-1258 when the bytes for đ/Đ and ư/Ư (rare in other
    /// Latin scripts) are frequent; else windows-1252, the web's default (WHATWG).
    static func undeclaredLegacy(_ bytes: ArraySlice<UInt8>) -> (charset: String, reason: String) {
        let head = Array(bytes.prefix(prescanLimit))
        for pattern in ["lang=\"vi", "lang='vi", "lang=vi"] where ByteSearch.findIgnoringCase(head, pattern, from: 0) != nil {
            return ("windows-1258", "the page says it is Vietnamese")
        }
        if let detected = CharsetDetector.detect(bytes) {
            return (normalize(detected), "detected from the bytes")
        }
        var high = 0, vietnamese = 0
        for byte in bytes where byte >= 0x80 {
            high += 1
            if byte == 0xF0 || byte == 0xD0 || byte == 0xFD || byte == 0xDD { vietnamese += 1 }
        }
        if vietnamese >= 3 && vietnamese * 10 >= high { return ("windows-1258", "its letters look Vietnamese") }
        return ("windows-1252", "the default for undeclared pages")
    }
}
