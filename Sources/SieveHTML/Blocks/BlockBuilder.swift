import CLibXML2
import Glibc
import SieveCore

/// Turns a subtree into Sieve blocks: headings with their level, paragraphs, list items with their depth
/// and order, quotes, captions, code with its language, data tables with their cells, and figures.
///
/// Block-level elements start a new block; inline text is whitespace-collapsed; one `<br>` is a line break
/// inside the block and two in a row end the paragraph. Links (`<a href>`, made absolute by `links`),
/// bold (`b`, `strong`), italic (`i`, `em`) and inline code (`code`, `kbd`, `samp`, `tt`) become spans of
/// the block's text, and an `<img>` an image span where it stands; a `<figure>` with a picture becomes a
/// figure block whose text is its caption, and a block holding only pictures becomes one figure per picture.
/// Scripts, styles, embedded objects, form controls and hidden elements below `root` are skipped, as is
/// every node the caller's `skip` rejects.
struct BlockBuilder {
    /// A block being collected: its kind, the element that opened it and, for headings, the level.
    private struct Context {
        var node: xmlNodePtr?
        var kind: Block.Kind
        var level: Int?
    }

    /// An open `<figure>`: the first block collected inside it and its picture.
    private struct Figure {
        var node: xmlNodePtr
        var firstBlock: Int
        var image: Block.Image?
    }

    private var blocks: [Block] = []
    private var text = TextBuffer()
    private var contexts: [Context] = [Context(node: nil, kind: .paragraph)]
    private var inline: InlineMarks
    /// Open lists, innermost last: the element and whether it is numbered.
    private var lists: [(node: xmlNodePtr, ordered: Bool)] = []
    private var figures: [Figure] = []
    /// Indices of blocks followed directly by a skipped element that `marks` picks.
    private var marked = Set<Int>()
    /// The text being collected is followed directly by such an element.
    private var pendingMarked = false

    private init(links: LinkBase) {
        inline = InlineMarks(links: links)
    }

    /// The blocks of `root`'s subtree, leaving out whatever `skip` rejects; addresses are resolved by `links`.
    static func blocks(of root: xmlNodePtr, skip: (xmlNodePtr) -> Bool = { _ in false }, links: LinkBase = .none) -> [Block] {
        blocks(of: root, skip: skip, marks: { _ in false }, links: links).blocks
    }

    /// The blocks of `root`'s subtree, leaving out whatever `skip` rejects, and the indices of the blocks
    /// that a skipped element picked by `marks` follows directly (a label whose link list was dropped).
    static func blocks(of root: xmlNodePtr, skip: (xmlNodePtr) -> Bool, marks: (xmlNodePtr) -> Bool, links: LinkBase = .none)
        -> (blocks: [Block], marked: Set<Int>) {
        var builder = BlockBuilder(links: links)
        builder.collect(root, skip: skip, marks: marks)
        builder.flush()
        return (builder.blocks, builder.marked)
    }

    private mutating func collect(_ root: xmlNodePtr, skip: (xmlNodePtr) -> Bool, marks: (xmlNodePtr) -> Bool) {
        root.walk(enter: { node in
            if node.isText {
                if let content = node.pointee.content { text.append(content) }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            if node != root, Visibility.isSkipped(node, tag) { return .skipChildren }
            if node != root, skip(node) {
                if marks(node) {
                    if text.isEmpty { if !blocks.isEmpty { marked.insert(blocks.count - 1) } } else { pendingMarked = true }
                }
                return .skipChildren
            }
            switch tag {
            case .br:
                if text.endsWithLineBreak { flush() } else { text.lineBreak() }
                return .skipChildren
            case .pre:
                flush()
                appendPreformatted(node)
                return .skipChildren
            case .table where TableText.isDataTable(node):
                flush()
                let table = TableText.read(node, skip: skip)
                if !table.text.isEmpty {
                    var block = Block(.table, table.text)
                    block.rows = table.rows
                    blocks.append(block)
                }
                return .skipChildren
            case .img:
                if let src = inline.links.imageSource(node) {
                    let alt = node.attribute("alt").flatMap { $0.isEmpty ? nil : $0 }
                    if let last = figures.indices.last, figures[last].image == nil {
                        figures[last].image = Block.Image(src: src, alt: alt)
                    } else {
                        inline.image(at: text.bytes.count, src: src, alt: alt)
                    }
                }
                text.space()
                return .skipChildren
            case .hr:
                text.space()
                return .skipChildren
            case .ul, .ol, .menu:
                openBlock(node, kind: kind(for: tag))
                lists.append((node, tag == .ol))
                return .continue
            case .figure:
                openBlock(node, kind: kind(for: tag))
                figures.append(Figure(node: node, firstBlock: blocks.count))
                return .continue
            default:
                if tag.isBlock {
                    openBlock(node, kind: kind(for: tag), level: tag.headingLevel)
                } else {
                    inline.open(node, tag, at: text.bytes.count)
                }
                return .continue
            }
        }, leave: { node in
            if let top = contexts.last, top.node == node {
                flush()
                contexts.removeLast()
            }
            if lists.last?.node == node { lists.removeLast() }
            if figures.last?.node == node { closeFigure(figures.removeLast()) }
            inline.close(node, at: text.bytes.count)
        })
    }

    /// The kind an element's text takes, given the block it sits in: headings, quotes, captions and list
    /// items keep their kind for everything nested inside them.
    private func kind(for tag: Tag) -> Block.Kind {
        let outer = contexts.last?.kind ?? .paragraph
        if outer != .paragraph { return outer }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: return .heading
        case .li, .dt, .dd: return .listItem
        case .blockquote: return .quote
        case .figcaption, .caption: return .caption
        default: return .paragraph
        }
    }

    private mutating func openBlock(_ node: xmlNodePtr, kind: Block.Kind, level: Int? = nil) {
        flush()
        let inherited = contexts.last.flatMap { $0.kind == .heading ? $0.level : nil }
        contexts.append(Context(node: node, kind: kind, level: kind == .heading ? (inherited ?? level) : nil))
    }

    /// Emits the collected text as a block of the innermost context's kind, with its spans; pictures
    /// standing alone become figures.
    private mutating func flush() {
        guard !text.isEmpty else {
            appendFigures(inline.take(upTo: 0, in: []).images)
            return
        }
        let value = text.string
        let spans = inline.take(upTo: value.utf8.count, in: text.bytes)
        text.reset()
        guard !value.isEmpty else {
            pendingMarked = false
            appendFigures(spans.images)
            return
        }
        let context = contexts.last ?? Context(node: nil, kind: .paragraph)
        if pendingMarked { marked.insert(blocks.count) }
        pendingMarked = false
        var block = Block(context.kind, value, level: context.kind == .heading ? context.level : nil)
        block.spans = spans.spans
        if context.kind == .listItem {
            block.depth = max(lists.count, 1)
            block.ordered = lists.last?.ordered ?? false
        }
        blocks.append(block)
    }

    /// One figure block per picture of a block that has no text.
    private mutating func appendFigures(_ images: [Block.Image]) {
        for image in images {
            var figure = Block(.figure, "")
            figure.image = image
            blocks.append(figure)
        }
    }

    /// Ends a `<figure>`: with a picture, its first caption becomes the figure block (or an uncaptioned
    /// figure is added); without one, its blocks stay as they are.
    private mutating func closeFigure(_ figure: Figure) {
        guard let image = figure.image else { return }
        if let caption = blocks.indices[figure.firstBlock...].first(where: { blocks[$0].kind == .caption }) {
            blocks[caption].kind = .figure
            blocks[caption].image = image
        } else {
            var block = Block(.figure, "")
            block.image = image
            blocks.append(block)
        }
    }

    /// Appends a `<pre>` element's text with its line structure kept, and the language it names.
    private mutating func appendPreformatted(_ node: xmlNodePtr) {
        var bytes: [UInt8] = []
        var language = CodeLanguage.of(node)
        node.walk { child in
            if child.isText, let content = child.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            } else if child.isElement {
                switch child.tag {
                case .br: bytes.append(0x0A)
                case .code where language == nil: language = CodeLanguage.of(child)
                default: break
                }
            }
            return child.isElement && child.tag.isNeverContent ? .skipChildren : .continue
        }
        while let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        let value = String(decoding: bytes[start...], as: UTF8.self)
        guard !value.isEmpty else { return }
        var block = Block(.code, value)
        block.language = language
        blocks.append(block)
    }
}
