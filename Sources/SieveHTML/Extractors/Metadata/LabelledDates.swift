import CLibXML2

/// The date a page labels as its publication date in its text: "Erschienen am: 13.10.2021",
/// "Veröffentlichung: <a>04.02.2022</a>", "Published on March 3, 2020", with the date after the label in the
/// same text or in the next text of the page (another element, a link). Read outside navigation, asides,
/// footers, comment and related-story boxes and hidden elements; labels of a change ("Zuletzt geändert am",
/// "Updated") are not publication labels.
///
/// Example: `<span>Erschienen am:</span><h2>13.10.2021</h2>` → 2021-10-13.
enum LabelledDates {
    /// Labels that open a publication dateline, lowercase, with their colon or preposition.
    static let labels: [[UInt8]] = [
        "veröffentlicht am", "veröffentlicht:", "veröffentlichung:", "veröffentlichungsdatum:", "erschienen am",
        "erschienen:", "publiziert am", "publiziert:", "erscheinungsdatum:", "published on", "published:",
        "publication date:", "date published:", "publié le", "publicado el", "publicado:", "pubblicato il",
        "gepubliceerd op",
    ].map { Array($0.utf8) }

    /// The first labelled publication date in `body`, read by `parse`.
    static func first(in body: xmlNodePtr, _ parse: (String) -> DateValue?) -> DateValue? {
        var result: DateValue?
        // A label seen without a date after it: the next text holds the date, or nothing does.
        var pending = false
        body.walk { node in
            if node.isText {
                guard let content = node.pointee.content, pending || mayOpenWithLabel(content) else { return .continue }
                var buffer = TextBuffer()
                buffer.append(content)
                let bytes = buffer.bytes
                guard !bytes.isEmpty else { return .continue }
                if pending {
                    pending = false
                    if bytes.count <= 60, let date = parse(buffer.string) {
                        result = date
                        return .stop
                    }
                }
                guard bytes.count <= 120, let end = labelEnd(bytes), isShownOutsideChrome(node) else { return .continue }
                let rest = bytes[end...]
                if rest.contains(where: DateParser.isDigit), let date = parse(String(decoding: rest, as: UTF8.self)) {
                    result = date
                    return .stop
                }
                pending = rest.allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: ":") }
                return .continue
            }
            guard node.isElement else { return .skipChildren }
            return node.tag.isNeverContent ? .skipChildren : .continue
        }
        return result
    }

    /// Whether a text node is outside page chrome (see `PageSignals.isInsideChrome`) and hidden elements:
    /// checked only where a label is found, so the walk itself stays cheap.
    private static func isShownOutsideChrome(_ node: xmlNodePtr) -> Bool {
        if PageSignals.isInsideChrome(node, layout: false) { return false }
        var current = node.pointee.parent
        while let ancestor = current, ancestor.isElement {
            if Visibility.isHidden(ancestor) { return false }
            current = ancestor.pointee.parent
        }
        return true
    }

    /// The text of MediaWiki's footer line dating the page's last revision (`<li id="footer-info-lastmod">`
    /// "This page was last edited on 25 October 2019"), on pages whose generator is MediaWiki: a wiki page's
    /// only date.
    static func wikiRevision(in body: xmlNodePtr, generator: String?) -> String? {
        guard let generator, generator.lowercased().hasPrefix("mediawiki") else { return nil }
        var result: String?
        body.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.pointee.properties != nil, node.attribute("id") == "footer-info-lastmod" {
                result = node.shortText(limit: 200)
                return .stop
            }
            return node.tag.isNeverContent ? .skipChildren : .continue
        }
        return result
    }

    /// The first three letters of the labels, lowercase: a cheap test before a text is read.
    private static let openings: Set<[UInt8]> = Set(labels.map { Array($0.prefix(3)) })

    /// Whether a NUL-terminated text may open with a label: its first three letters after whitespace open one.
    private static func mayOpenWithLabel(_ text: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while text[index] == 0x20 || text[index] == 0x0A || text[index] == 0x09 || text[index] == 0x0D { index += 1 }
        var opening: [UInt8] = []
        for offset in 0..<3 {
            let byte = text[index + offset]
            if byte == 0 { return false }
            opening.append(ByteSearch.lower(byte))
        }
        return openings.contains(opening)
    }

    /// Where the text after a leading publication label starts, ignoring ASCII case, or nil.
    private static func labelEnd(_ bytes: [UInt8]) -> Int? {
        for label in labels where bytes.count >= label.count {
            var same = true
            for index in 0..<label.count {
                let byte = bytes[index]
                if ByteSearch.lower(byte) != label[index] { same = false; break }
            }
            if same { return label.count }
        }
        return nil
    }
}
