import CLibXML2
import Glibc

/// A flat, pre-order table of a page's content elements with the text statistics main-content
/// extraction needs, built in one iterative walk. Index 0 is the walk's root; a parent always comes
/// before its children, so statistics roll up in one backwards pass.
///
/// Never-content elements (script, style, form controls...), hidden elements (below the root) and pruned
/// subtrees are left out together with everything inside them.
struct NodeTable {
    /// The element.
    var nodes: [xmlNodePtr] = []
    /// Index of the parent element (-1 for the root).
    var parent: [Int32] = []
    /// The element's tag.
    var tags: [Tag] = []
    /// Depth below the root.
    var depth: [Int32] = []
    /// Visible characters (non-space) in the subtree.
    var text: [Int32] = []
    /// Visible characters inside links (`<a href>`) in the subtree.
    var linkText: [Int32] = []
    /// Visible characters whose nearest block ancestor is this element (its own paragraph text).
    var inlineText: [Int32] = []
    /// Link characters among `inlineText`.
    var inlineLinkText: [Int32] = []
    /// Commas and similar clause punctuation in the element's own paragraph text.
    var commas: [Int32] = []
    /// Sentence ends (`.`, `!`, `?`, `。`...) in the element's own paragraph text.
    var sentenceEnds: [Int32] = []
    /// Visible characters inside `<blockquote>` in the subtree.
    var quotedText: [Int32] = []
    /// `<br>` elements whose nearest block ancestor is this element (text written with line breaks).
    var lineBreaks: [Int32] = []
    /// Number of links (`<a href>`) in the subtree.
    var links: [Int32] = []
    /// Block elements holding own paragraph text (at least 25 characters) in the subtree.
    var paragraphs: [Int32] = []
    /// What `class`, `id` and `role` say.
    var signals: [ClassSignals.Signal] = []

    /// Hidden elements named like comments ("show comments" sections shown by a script), left out of the
    /// table but read by `CommentSection`; never a pruned (`excluded`) one.
    var hiddenComments: [xmlNodePtr] = []

    /// One past the last index of each element's subtree (pre-order ranges).
    var subtreeEnd: [Int32] = []

    /// Number of elements.
    var count: Int { nodes.count }

    /// One element's entries while the table is built: the walk appends one row per element and adds text
    /// to a row in one access (`NodeTable`'s sixteen columns cost an append each, and a uniqueness check per
    /// access, per element), and the columns are filled from the rows afterwards.
    private struct Row {
        var node: xmlNodePtr
        var parent: Int32
        var depth: Int32
        var text: Int32 = 0
        var linkText: Int32 = 0
        var inlineText: Int32 = 0
        var inlineLinkText: Int32 = 0
        var commas: Int32 = 0
        var sentenceEnds: Int32 = 0
        var quotedText: Int32 = 0
        var lineBreaks: Int32 = 0
        var links: Int32 = 0
        var paragraphs: Int32 = 0
        var tag: Tag
        var signal: ClassSignals.Signal

        /// Adds a text node's counts to the element that owns it as paragraph text (`inLink`: inside a link).
        @inline(__always) mutating func addInline(_ counts: (visible: Int32, commas: Int32, sentenceEnds: Int32), inLink: Bool) {
            inlineText += counts.visible
            commas += counts.commas
            sentenceEnds += counts.sentenceEnds
            if inLink { inlineLinkText += counts.visible }
        }

        /// Adds a text node's visible characters to its nearest element (`inLink`: inside a link, `quoted`:
        /// inside a blockquote).
        @inline(__always) mutating func addText(_ visible: Int32, inLink: Bool, quoted: Bool) {
            text += visible
            if inLink { linkText += visible }
            if quoted { quotedText += visible }
        }
    }

    /// Builds the table for `root`'s subtree, leaving out nodes in `excluded`; `capacity` is the number of
    /// elements expected at most (a hint, such as `HTMLTree.elementCount`).
    init(root: xmlNodePtr, excluded: Set<xmlNodePtr>, capacity: Int = 0) {
        var rows: [Row] = []
        rows.reserveCapacity(capacity)
        var blockStack: [Int32] = []
        var stack: [Int32] = []
        // The open `<a>` elements that count as links (not named anchors), innermost last.
        var openLinks: [Int32] = []
        var quoteDepth = 0
        var hiddenComments: [xmlNodePtr] = []
        root.walk(enter: { node in
            if node.isText {
                guard let content = node.pointee.content, let owner = blockStack.last else { return .skipChildren }
                let counts = Self.count(content)
                rows[Int(owner)].addInline(counts, inLink: !openLinks.isEmpty)
                if let current = stack.last {
                    rows[Int(current)].addText(counts.visible, inLink: !openLinks.isEmpty, quoted: quoteDepth > 0)
                }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            if tag == .br {
                if let owner = blockStack.last { rows[Int(owner)].lineBreaks += 1 }
                return .skipChildren
            }
            // A pruned subtree is gone for good; only a hidden one may hold comments a script reveals.
            if !excluded.isEmpty, excluded.contains(node) { return .skipChildren }
            // `Visibility.isSkipped`, with the attributes read once for visibility and signal together.
            let signal: ClassSignals.Signal
            if node != root, tag.isNeverContent {
                if tag != .noscript || !Visibility.holdsParagraph(node) { return .skipChildren }
                signal = ClassSignals.signal(of: node)
            } else {
                let read = ClassSignals.read(node)
                if node != root, read.hidden {
                    if read.signal.contains(.comments) { hiddenComments.append(node) }
                    return .skipChildren
                }
                signal = read.signal
            }
            let index = Int32(rows.count)
            var row = Row(node: node, parent: stack.last ?? -1, depth: Int32(stack.count), tag: tag, signal: signal)
            // A named anchor (`<a>` with no attribute but `name` or `id`: a heading's target) is text, not a link.
            let isLink = tag == .a && !Self.isNamedAnchor(node)
            if isLink, node.hasAttribute("href") { row.links = 1 }
            rows.append(row)
            stack.append(index)
            if tag.isBlock || blockStack.isEmpty { blockStack.append(index) }
            if tag == .blockquote { quoteDepth += 1 }
            if isLink { openLinks.append(index) }
            return .continue
        }, leave: { node in
            guard let top = stack.last, rows[Int(top)].node == node else { return }
            stack.removeLast()
            if blockStack.last == top { blockStack.removeLast() }
            if openLinks.last == top { openLinks.removeLast() }
            if rows[Int(top)].tag == .blockquote { quoteDepth -= 1 }
        })
        self.hiddenComments = hiddenComments
        let count = rows.count
        var subtreeEnd = [Int32](repeating: Int32(count), count: count)
        var open: [Int] = []
        for index in 0..<count {
            while let last = open.last, rows[last].depth >= rows[index].depth {
                subtreeEnd[last] = Int32(index)
                open.removeLast()
            }
            open.append(index)
        }
        rows.withUnsafeMutableBufferPointer { rows in
            for index in stride(from: count - 1, through: 0, by: -1) {
                if rows[index].inlineText >= 25 { rows[index].paragraphs += 1 }
                let up = Int(rows[index].parent)
                guard up >= 0 else { continue }
                rows[up].text += rows[index].text
                rows[up].linkText += rows[index].linkText
                rows[up].quotedText += rows[index].quotedText
                rows[up].links += rows[index].links
                rows[up].paragraphs += rows[index].paragraphs
            }
        }
        self.subtreeEnd = subtreeEnd
        nodes = rows.map(\.node)
        parent = rows.map(\.parent)
        tags = rows.map(\.tag)
        depth = rows.map(\.depth)
        text = rows.map(\.text)
        linkText = rows.map(\.linkText)
        inlineText = rows.map(\.inlineText)
        inlineLinkText = rows.map(\.inlineLinkText)
        commas = rows.map(\.commas)
        sentenceEnds = rows.map(\.sentenceEnds)
        quotedText = rows.map(\.quotedText)
        lineBreaks = rows.map(\.lineBreaks)
        links = rows.map(\.links)
        paragraphs = rows.map(\.paragraphs)
        signals = rows.map(\.signal)
    }

    /// Whether an `<a>` only names a place in the page: no attribute but `name` or `id`. (An `<a>` without
    /// `href` but with a class or a script handler is a button or a menu entry, chrome like a link.)
    static func isNamedAnchor(_ node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            guard let name = current.pointee.name, xmlNode.equalsName(name, "name") || xmlNode.equalsName(name, "id") else {
                return false
            }
            attribute = current.pointee.next
        }
        return true
    }

    /// Link characters per visible character in the subtree.
    func linkDensity(_ index: Int) -> Double {
        text[index] == 0 ? 0 : Double(linkText[index]) / Double(text[index])
    }

    /// Link characters per visible character in the element's own paragraph text.
    func inlineLinkDensity(_ index: Int) -> Double {
        inlineText[index] == 0 ? 0 : Double(inlineLinkText[index]) / Double(inlineText[index])
    }

    /// Counts visible characters (UTF-8 lead bytes that are not spaces), commas and sentence ends.
    static func count(_ text: UnsafePointer<xmlChar>) -> (visible: Int32, commas: Int32, sentenceEnds: Int32) {
        countKinds.withUnsafeBufferPointer { kinds in
            var visible: Int32 = 0, commas: Int32 = 0, ends: Int32 = 0
            var index = 0
            while true {
                let byte = text[index]
                let kind = kinds[Int(byte)]
                visible &+= Int32(kind & visibleKind)
                if kind & specialKind != 0 {
                    switch byte {
                    case 0:
                        return (visible, commas, ends)
                    case UInt8(ascii: ","), UInt8(ascii: ";"):
                        commas += 1
                    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                        ends += 1
                    case 0xEF:
                        // Fullwidth comma U+FF0C (EF BC 8C) and U+FF01/U+FF1F.
                        if text[index + 1] == 0xBC, text[index + 2] == 0x8C { commas += 1 }
                    case 0xE3:
                        // Ideographic comma U+3001 (E3 80 81) and full stop U+3002 (E3 80 82).
                        if text[index + 1] == 0x80, text[index + 2] == 0x81 { commas += 1 }
                        if text[index + 1] == 0x80, text[index + 2] == 0x82 { ends += 1 }
                    default:
                        // A no-break space (C2 A0) is a space.
                        if text[index + 1] == 0xA0 {
                            visible -= 1
                            index += 1
                        }
                    }
                }
                index += 1
            }
        }
    }

    /// Per byte for `count`: `visibleKind` for a byte that opens a visible character (not a space, not a
    /// continuation byte), `specialKind` for the end (NUL) and the bytes that may open punctuation or a
    /// no-break space (looked at further); most bytes take one table look-up and no branch.
    private static let countKinds: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0: specialKind
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: 0
        case 0x2C, 0x3B, 0x2E, 0x21, 0x3F, 0xEF, 0xE3, 0xC2: visibleKind | specialKind
        case 0x80...0xBF: 0
        default: visibleKind
        }
    }
    private static let visibleKind: UInt8 = 1, specialKind: UInt8 = 2
}
