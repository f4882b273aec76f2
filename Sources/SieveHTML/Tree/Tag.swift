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

    /// Names stored by a 64-bit FNV-1a hash of the name's bytes, checked against the name on a hit.
    private static let names: [UInt64: (Tag, [UInt8])] = {
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
        var table: [UInt64: (Tag, [UInt8])] = [:]
        for (name, tag) in list {
            let bytes = Array(name.utf8)
            table[bytes.withUnsafeBufferPointer { hash($0.baseAddress!, $0.count) }] = (tag, bytes)
        }
        return table
    }()

    @inline(__always) private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count {
            value = (value ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        return value
    }

    /// The tag of a NUL-terminated element name.
    @inline(__always) public static func of(_ name: UnsafePointer<xmlChar>?) -> Tag {
        guard let name else { return .other }
        let count = strlen(name)
        guard count <= 10, let (tag, bytes) = names[hash(name, count)], bytes.count == count else { return .other }
        for index in 0..<count where bytes[index] != name[index] { return .other }
        return tag
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
