import CLibXML2
import SieveCore

/// The inline markup of the block being built: links, bold, italic and code elements open while their
/// text is collected, and pictures standing in it. Positions are byte offsets into the block's collected
/// text; `take` turns them into spans counted in Unicode scalars, trimmed of the spaces at their ends.
struct InlineMarks {
    /// Resolves link and picture addresses.
    let links: LinkBase

    private struct Open {
        var node: xmlNodePtr
        var kind: Block.Span.Kind
        var start: Int
        var href: String?
    }

    private struct Closed {
        var kind: Block.Span.Kind
        var start: Int
        var end: Int
        var href: String?
        var src: String?
        var alt: String?
    }

    private var open: [Open] = []
    private var closed: [Closed] = []

    init(links: LinkBase) {
        self.links = links
    }

    /// Starts a span if the element is markup Sieve keeps (`a` with a usable `href`, `b`, `strong`, `i`,
    /// `em`, `code`, `kbd`, `samp`, `tt`).
    mutating func open(_ node: xmlNodePtr, _ tag: Tag, at offset: Int) {
        let kind: Block.Span.Kind
        var href: String?
        switch tag {
        case .a:
            guard let target = links.resolve(node, "href") else { return }
            kind = .link
            href = target
        case .b, .strong: kind = .bold
        case .i, .em: kind = .italic
        case .code, .kbd, .samp, .tt: kind = .code
        default: return
        }
        open.append(Open(node: node, kind: kind, start: offset, href: href))
    }

    /// Ends the span the element opened, if any.
    mutating func close(_ node: xmlNodePtr, at offset: Int) {
        guard let last = open.last, last.node == node else { return }
        open.removeLast()
        if offset > last.start { closed.append(Closed(kind: last.kind, start: last.start, end: offset, href: last.href)) }
    }

    /// A picture standing at `offset`.
    mutating func image(at offset: Int, src: String, alt: String?) {
        closed.append(Closed(kind: .image, start: offset, end: offset, src: src, alt: alt))
    }

    /// The spans of the block whose text is `bytes` up to `end` (the text without its trailing spaces),
    /// and the pictures, for a block with no text; spans still open continue at offset 0 of the next block.
    mutating func take(upTo end: Int, in bytes: [UInt8]) -> (spans: [Block.Span], images: [Block.Image]) {
        for index in open.indices {
            if end > open[index].start {
                closed.append(Closed(kind: open[index].kind, start: open[index].start, end: end, href: open[index].href))
            }
            open[index].start = 0
        }
        guard !closed.isEmpty else { return ([], []) }
        defer { closed.removeAll(keepingCapacity: true) }
        if end == 0 {
            return ([], closed.compactMap { $0.kind == .image ? Block.Image(src: $0.src ?? "", alt: $0.alt) : nil })
        }
        var spans: [Block.Span] = []
        spans.reserveCapacity(closed.count)
        var scalars = ScalarCounter(bytes: bytes)
        for mark in closed {
            var start = min(mark.start, end), stop = min(mark.end, end)
            if mark.kind != .image {
                while start < stop, Self.isSpace(bytes[start]) { start += 1 }
                while stop > start, Self.isSpace(bytes[stop - 1]) { stop -= 1 }
                guard stop > start else { continue }
            }
            let first = scalars.offset(of: start)
            spans.append(Block.Span(mark.kind, start: first, length: scalars.offset(of: stop) - first,
                                    href: mark.href, src: mark.src, alt: mark.alt))
        }
        // Outer spans first: by start, then the longer one.
        spans.sort { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
        return (spans, [])
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A }
}

/// Unicode scalar offsets of byte offsets in UTF-8 text, for offsets asked in any order.
private struct ScalarCounter {
    let bytes: [UInt8]
    private var byte = 0
    private var scalar = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The number of scalars that start before byte `offset`.
    mutating func offset(of target: Int) -> Int {
        if target < byte {
            byte = 0
            scalar = 0
        }
        while byte < target {
            if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
            byte += 1
        }
        return scalar
    }
}
