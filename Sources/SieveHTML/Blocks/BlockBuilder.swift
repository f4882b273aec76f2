import CLibXML2
import Glibc
import SieveCore

/// Turns a subtree into Sieve blocks: headings with their level, paragraphs, list items, quotes, captions,
/// code, and data tables as one block (rows are lines, cells are tab-separated).
///
/// Block-level elements start a new block; inline text is whitespace-collapsed; one `<br>` is a line break
/// inside the block and two in a row end the paragraph. Scripts, styles, embedded objects, form controls
/// and hidden elements are skipped, as is every node the caller's `skip` rejects.
struct BlockBuilder {
    /// A block being collected: its kind, the element that opened it and, for headings, the level.
    private struct Context {
        var node: xmlNodePtr?
        var kind: Block.Kind
        var level: Int?
    }

    private var blocks: [Block] = []
    private var text = TextBuffer()
    private var contexts: [Context] = [Context(node: nil, kind: .paragraph)]
    /// Indices of blocks followed directly by a skipped element that `marks` picks.
    private var marked = Set<Int>()
    /// The text being collected is followed directly by such an element.
    private var pendingMarked = false

    /// The blocks of `root`'s subtree, leaving out whatever `skip` rejects.
    static func blocks(of root: xmlNodePtr, skip: (xmlNodePtr) -> Bool = { _ in false }) -> [Block] {
        blocks(of: root, skip: skip, marks: { _ in false }).blocks
    }

    /// The blocks of `root`'s subtree, leaving out whatever `skip` rejects, and the indices of the blocks
    /// that a skipped element picked by `marks` follows directly (a label whose link list was dropped).
    static func blocks(of root: xmlNodePtr, skip: (xmlNodePtr) -> Bool, marks: (xmlNodePtr) -> Bool)
        -> (blocks: [Block], marked: Set<Int>) {
        var builder = BlockBuilder()
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
            if Visibility.isSkipped(node, tag) { return .skipChildren }
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
                let table = TableText.text(of: node, skip: skip)
                if !table.isEmpty { blocks.append(Block(.table, table)) }
                return .skipChildren
            case .img, .hr:
                text.space()
                return .skipChildren
            default:
                if tag.isBlock { openBlock(node, kind: kind(for: tag), level: tag.headingLevel) }
                return .continue
            }
        }, leave: { node in
            if let top = contexts.last, top.node == node {
                flush()
                contexts.removeLast()
            }
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

    /// Emits the collected text as a block of the innermost context's kind.
    private mutating func flush() {
        guard !text.isEmpty else { return }
        let value = text.string
        text.reset()
        guard !value.isEmpty else {
            pendingMarked = false
            return
        }
        let context = contexts.last ?? Context(node: nil, kind: .paragraph)
        if pendingMarked { marked.insert(blocks.count) }
        pendingMarked = false
        blocks.append(Block(context.kind, value, level: context.kind == .heading ? context.level : nil))
    }

    /// Appends a `<pre>` element's text with its line structure kept.
    private mutating func appendPreformatted(_ node: xmlNodePtr) {
        var bytes: [UInt8] = []
        node.walk { child in
            if child.isText, let content = child.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            } else if child.isElement, child.tag == .br {
                bytes.append(0x0A)
            }
            return child.isElement && child.tag.isNeverContent ? .skipChildren : .continue
        }
        while let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        let value = String(decoding: bytes[start...], as: UTF8.self)
        if !value.isEmpty { blocks.append(Block(.code, value)) }
    }
}
