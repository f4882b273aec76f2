import CLibXML2
import Glibc

/// The HTML elements Sieve's stages treat specially; every other name is `.other`.
public enum Tag: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, audio, video, source, track
    case input, select, option, textarea, button, form, label, datalist, optgroup, output, progress, meter, dialog
    case p, div, section, article, main, header, footer, nav, aside, address, center, hgroup, details, summary
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, menu
    case blockquote, pre, code, figure, figcaption, picture, img
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case br, hr, wbr
    case a, span, time, font, b, strong, i, em, u, small, sub, sup, mark, abbr, cite, q, s, del, ins, kbd, samp, tt
    case fieldset, legend

    /// One slot of the name table: a name of up to 10 bytes packed little-endian into two words (zero
    /// bytes past its end, so equal words are equal names) and its tag.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var tag = Tag.other
    }

    /// The names by their packed words, open addressing with linear probing in 512 slots (a quarter full):
    /// no hashing of bytes or Swift `Hasher` per lookup, and this runs for every element of every walk.
    private static let slots: [Slot] = {
        let list: [(String, Tag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript),
            ("template", .template), ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("audio", .audio), ("video", .video), ("source", .source),
            ("track", .track), ("input", .input), ("select", .select), ("option", .option),
            ("textarea", .textarea), ("button", .button), ("form", .form), ("label", .label),
            ("datalist", .datalist), ("optgroup", .optgroup), ("output", .output), ("progress", .progress),
            ("meter", .meter), ("dialog", .dialog), ("p", .p), ("div", .div), ("section", .section),
            ("article", .article), ("main", .main), ("header", .header), ("footer", .footer), ("nav", .nav),
            ("aside", .aside), ("address", .address), ("center", .center), ("hgroup", .hgroup),
            ("details", .details), ("summary", .summary), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4),
            ("h5", .h5), ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt),
            ("dd", .dd), ("menu", .menu), ("blockquote", .blockquote), ("pre", .pre), ("code", .code),
            ("figure", .figure), ("figcaption", .figcaption), ("picture", .picture), ("img", .img),
            ("table", .table), ("caption", .caption), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot),
            ("tr", .tr), ("td", .td), ("th", .th), ("colgroup", .colgroup), ("col", .col), ("br", .br),
            ("hr", .hr), ("wbr", .wbr), ("a", .a), ("span", .span), ("time", .time), ("font", .font),
            ("b", .b), ("strong", .strong), ("i", .i), ("em", .em), ("u", .u), ("small", .small),
            ("sub", .sub), ("sup", .sup), ("mark", .mark), ("abbr", .abbr), ("cite", .cite), ("q", .q),
            ("s", .s), ("del", .del), ("ins", .ins), ("kbd", .kbd), ("samp", .samp), ("tt", .tt),
            ("fieldset", .fieldset), ("legend", .legend),
        ]
        var slots = [Slot](repeating: Slot(), count: 512)
        for (name, tag) in list {
            let packed = (Array(name.utf8) + [0]).withUnsafeBufferPointer { pack($0.baseAddress!) }
            guard let (low, high) = packed else { preconditionFailure("tag name \(name) is over 10 bytes") }
            var slot = index(low, high)
            while slots[slot].low != 0 { slot = (slot + 1) & 511 }
            slots[slot] = Slot(low: low, high: high, tag: tag)
        }
        return slots
    }()

    /// A NUL-terminated name of 1 to 10 bytes packed into two words; nil when empty or longer.
    @inline(__always) private static func pack(_ name: UnsafePointer<UInt8>) -> (UInt64, UInt64)? {
        var low: UInt64 = 0, high: UInt64 = 0
        var index = 0
        while index < 8 {
            let byte = name[index]
            if byte == 0 { return index == 0 ? nil : (low, 0) }
            low |= UInt64(byte) << UInt64(8 * index)
            index += 1
        }
        while index < 11 {
            let byte = name[index]
            if byte == 0 { return (low, high) }
            if index == 10 { return nil }
            high |= UInt64(byte) << UInt64(8 * (index - 8))
            index += 1
        }
        return nil
    }

    /// The first slot to probe for a packed name.
    @inline(__always) private static func index(_ low: UInt64, _ high: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0x1F)) &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }

    /// The tag of a NUL-terminated element name.
    @inline(__always) public static func of(_ name: UnsafePointer<xmlChar>?) -> Tag {
        guard let name, let (low, high) = pack(name) else { return .other }
        return slots.withUnsafeBufferPointer { slots in
            var slot = index(low, high)
            while true {
                let candidate = slots[slot]
                if candidate.low == low, candidate.high == high { return candidate.tag }
                if candidate.low == 0 { return .other }
                slot = (slot + 1) & 511
            }
        }
    }

    /// Elements whose content is never article text: scripts, styles, embedded objects, form controls.
    public var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .audio, .video,
             .source, .track, .input, .select, .option, .textarea, .button, .datalist, .optgroup, .output,
             .progress, .meter, .head, .title, .meta, .link, .base, .dialog:
            true
        default:
            false
        }
    }

    /// The heading level for `h1`-`h6`.
    public var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Elements that start a new block of text (everything else flows inline).
    public var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .address, .center, .hgroup,
             .details, .summary, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .menu, .blockquote,
             .pre, .figure, .figcaption, .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th, .hr, .form,
             .fieldset, .legend, .body, .html, .picture:
            true
        default:
            false
        }
    }
}
