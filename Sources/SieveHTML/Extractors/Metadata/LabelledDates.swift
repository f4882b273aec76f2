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

    /// The first three bytes of the labels, lowercase, packed into one integer each: a cheap test before a
    /// text is read.
    private static let openings: Set<UInt32> = Set(labels.map { packed($0[0], $0[1], $0[2]) })

    /// The first bytes of the labels: most texts open with none of them and are passed after one look-up.
    private static let labelInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for label in labels { initials[Int(label[0])] = true }
        return initials
    }()

    @inline(__always) private static func packed(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt32 {
        UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)
    }

    /// Whether a NUL-terminated text may open with a label: its first three letters after whitespace open one.
    /// Runs for every text node of the body, so it allocates nothing.
    private static func mayOpenWithLabel(_ text: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while text[index] == 0x20 || text[index] == 0x0A || text[index] == 0x09 || text[index] == 0x0D { index += 1 }
        let first = text[index]
        guard first != 0, labelInitials[Int(ByteSearch.lower(first))] else { return false }
        let second = text[index + 1]
        guard second != 0 else { return false }
        let third = text[index + 2]
        guard third != 0 else { return false }
        return openings.contains(packed(ByteSearch.lower(first), ByteSearch.lower(second), ByteSearch.lower(third)))
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
