import SieveCore

/// A block's text cut at its spans' boundaries, as the events a writer of inline markup needs: text runs,
/// line breaks, and each span opened and closed in a properly nested order.
///
/// Spans that cannot nest (one crossing another's boundary), lie outside the text, or sit inside inline
/// code are left out, so every writer gets well-formed input; bold and italic spans are trimmed of blanks
/// at their ends (Markdown emphasis cannot start or end on a blank). An image (length 0) comes after the
/// spans opening at its position, so an image at the start of a link is inside it.
///
/// Example: `"Đọc bài này\nhết"` with a link over `bài` → `text("Đọc ")`, `open(link)`, `text("bài")`,
/// `close(link)`, `text(" này")`, `lineBreak`, `text("hết")`.
enum InlineEvent {
    case text(String)
    case lineBreak
    case open(Block.Span)
    case close(Block.Span)
    case image(Block.Span)

    /// The events of one block.
    static func events(of block: Block) -> [InlineEvent] {
        let scalars = Array(block.text.unicodeScalars)
        let spans = nestedSpans(block.spans, in: scalars)
        var events: [InlineEvent] = []
        var run = String.UnicodeScalarView()
        func flush() {
            guard !run.isEmpty else { return }
            events.append(.text(String(run)))
            run = String.UnicodeScalarView()
        }
        var stack: [Block.Span] = []
        var next = 0
        for offset in 0...scalars.count {
            while let top = stack.last, top.end == offset {
                flush()
                events.append(.close(top))
                stack.removeLast()
            }
            var images: [Block.Span] = []
            while next < spans.count, spans[next].start == offset {
                flush()
                if spans[next].kind == .image {
                    images.append(spans[next])
                } else {
                    events.append(.open(spans[next]))
                    stack.append(spans[next])
                }
                next += 1
            }
            for image in images { events.append(.image(image)) }
            guard offset < scalars.count else { break }
            if scalars[offset] == "\n" {
                flush()
                events.append(.lineBreak)
            } else {
                run.append(scalars[offset])
            }
        }
        flush()
        return events
    }

    /// The spans that nest properly, sorted by start and then outermost first.
    private static func nestedSpans(_ spans: [Block.Span], in scalars: [Unicode.Scalar]) -> [Block.Span] {
        var candidates: [Block.Span] = []
        for var span in spans where span.start >= 0 && span.length >= 0 && span.end <= scalars.count {
            if span.kind == .bold || span.kind == .italic {
                while span.length > 0, scalars[span.start].properties.isWhitespace {
                    span.start += 1
                    span.length -= 1
                }
                while span.length > 0, scalars[span.end - 1].properties.isWhitespace { span.length -= 1 }
            }
            if span.kind == .image ? span.length == 0 : span.length > 0 { candidates.append(span) }
        }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.length > $1.length }
        var accepted: [Block.Span] = []
        for span in candidates {
            let fits = accepted.allSatisfy { other in
                if other.kind == .image { return true }
                let inside = span.start >= other.start && span.end <= other.end
                if other.kind == .code, inside, span.start < other.end || span.kind != .image { return false }
                let apart = span.end <= other.start || span.start >= other.end
                return apart || inside
            }
            if fits { accepted.append(span) }
        }
        return accepted
    }
}
