import SieveCore

/// The plain text of one document for the `txt` sink (see `TextSink` for the layout).
enum TextRenderer {
    /// The text of one document, ending with a newline.
    static func render(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        if let title = document.title, !title.isEmpty { line(title, &out) }
        for (name, value) in MetadataMembers.of(document) {
            line("\(name): \(value.text(joiningListWith: "; ").replacing("\n", with: " "))", &out)
        }
        var previous: Block.Kind?
        var numbers: [Int] = []
        for (index, block) in document.blocks.enumerated() where !block.isEmpty {
            if index == 0, block.kind == .heading, block.text == document.title { continue }
            if !(previous == .listItem && block.kind == .listItem) { out.append(0x0A) }
            previous = block.kind
            switch block.kind {
            case .listItem:
                let depth = min(max(block.depth ?? 1, 1), numbers.count + 1)
                numbers = Array(numbers.prefix(depth))
                if numbers.count < depth { numbers.append(0) }
                numbers[depth - 1] += 1
                let marker = block.ordered == true ? "\(numbers[depth - 1]). " : "- "
                let indent = String(repeating: "  ", count: depth - 1)
                line(indent + marker + inline(block).replacing("\n", with: "\n" + indent + "  "), &out)
                continue
            case .code:
                line("```" + (block.language ?? ""), &out)
                line(block.text, &out)
                line("```", &out)
            case .figure:
                if let image = block.image { line("[image: \(image.alt ?? "") <\(image.src)>]", &out) }
                if !block.text.isEmpty { line(block.text, &out) }
            case .table:
                line(block.text, &out)
            case .heading, .paragraph, .quote, .caption:
                line(inline(block), &out)
            }
            numbers.removeAll()
        }
        if !document.comments.isEmpty {
            out.append(contentsOf: "\nComments\n".utf8)
            for comment in document.comments {
                out.append(0x0A)
                let byline = [comment.author, comment.date].compactMap { $0 }.filter { !$0.isEmpty }
                if !byline.isEmpty { line(byline.joined(separator: " · "), &out) }
                line(comment.text, &out)
            }
        }
        return out
    }

    /// The block's text with each link's address after it in `<…>` and each picture as `[image: alt <src>]`.
    private static func inline(_ block: Block) -> String {
        guard !block.spans.isEmpty else { return block.text }
        var text = ""
        for event in InlineEvent.events(of: block) {
            switch event {
            case .text(let run): text += run
            case .lineBreak: text += "\n"
            case .close(let span) where span.kind == .link:
                if let href = span.href { text += " <\(href)>" }
            case .image(let span):
                text += "[image: \(span.alt ?? "") <\(span.src ?? "")>]"
            case .open, .close: break
            }
        }
        return text
    }

    private static func line(_ text: String, _ out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
        out.append(0x0A)
    }
}
