/// The document's JSON form (schema `sieve-document/2`), written in the order of `DocumentSchema.members`.
///
/// Every member is always present: missing text values are `null`, missing lists are `[]`, `fields` is `{}`
/// when empty. Inside a block, only the structure it has is written: `kind`, then `level`, `depth`,
/// `ordered`, `language` when set, `text`, then `spans`, `rows` and `image` when the block has them.
/// Attachments are never written.
public enum DocumentJSON {
    /// The JSON text of one document on one line.
    public static func encode(_ document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(document.blocks.count * 256 + 512)
        write(document, to: &writer)
        return writer.bytes
    }

    /// Appends one document as a compact JSON object. `text` can be left out where it will be derived from
    /// the blocks again (between Sieve's own processes): it repeats them.
    public static func write(_ document: Document, to writer: inout JSONWriter, text: Bool = true) {
        writer.raw("{")
        var first = true
        for member in DocumentSchema.members where text || member.kind != .text {
            if !first { writer.raw(",") }
            first = false
            writer.string(member.name)
            writer.raw(":")
            writeValue(member.value(in: document), to: &writer)
        }
        writer.raw("}")
    }

    /// Appends one member's value.
    public static func writeValue(_ value: DocumentSchema.Value, to writer: inout JSONWriter) {
        switch value {
        case .identifier(let text), .text(let text): writer.string(text)
        case .optionalString(let text): writer.optionalString(text)
        case .strings(let list): writer.strings(list)
        case .source(let source): writeSource(source, to: &writer)
        case .blocks(let blocks): writeBlocks(blocks, to: &writer)
        case .comments(let comments): writeComments(comments, to: &writer)
        case .fields(let fields): writer.value(.object(fields))
        case .diagnostics(let diagnostics): writeDiagnostics(diagnostics, to: &writer)
        }
    }

    /// Appends the source as an object; missing members are left out.
    public static func writeSource(_ source: Source, to writer: inout JSONWriter) {
        writer.raw("{")
        var first = true
        for member in DocumentSchema.sourceMembers {
            let value = member.value(in: source)
            guard value != .null else { continue }
            if !first { writer.raw(",") }
            first = false
            writer.string(member.name)
            writer.raw(":")
            writer.value(value)
        }
        writer.raw("}")
    }

    /// Appends the blocks as a JSON array.
    public static func writeBlocks(_ blocks: [Block], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, block) in blocks.enumerated() {
            if index > 0 { writer.raw(",") }
            writeBlock(block, to: &writer)
        }
        writer.raw("]")
    }

    /// Appends one block as a JSON object.
    public static func writeBlock(_ block: Block, to writer: inout JSONWriter) {
        writer.raw("{"); writer.key("kind"); writer.string(block.kind.rawValue)
        for attribute in DocumentSchema.blockAttributes {
            guard let value = attribute.value(in: block) else { continue }
            writer.raw(",")
            writer.string(attribute.name)
            writer.raw(":")
            writer.value(value)
        }
        writer.raw(","); writer.key("text"); writer.string(block.text)
        if !block.spans.isEmpty { writer.raw(","); writer.key("spans"); writeSpans(block.spans, to: &writer) }
        if let rows = block.rows { writer.raw(","); writer.key("rows"); writeRows(rows, to: &writer) }
        if let image = block.image { writer.raw(","); writer.key("image"); writeImage(image, to: &writer) }
        writer.raw("}")
    }

    private static func writeSpans(_ spans: [Block.Span], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, span) in spans.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{"); writer.key("kind"); writer.string(span.kind.rawValue)
            writer.raw(","); writer.key("start"); writer.number(Double(span.start))
            writer.raw(","); writer.key("length"); writer.number(Double(span.length))
            if let href = span.href { writer.raw(","); writer.key("href"); writer.string(href) }
            if let src = span.src { writer.raw(","); writer.key("src"); writer.string(src) }
            if let alt = span.alt { writer.raw(","); writer.key("alt"); writer.string(alt) }
            writer.raw("}")
        }
        writer.raw("]")
    }

    private static func writeRows(_ rows: [[Block.Cell]], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, row) in rows.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("[")
            for (position, cell) in row.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{"); writer.key("text"); writer.string(cell.text)
                if cell.header { writer.raw(","); writer.key("header"); writer.raw("true") }
                writer.raw("}")
            }
            writer.raw("]")
        }
        writer.raw("]")
    }

    private static func writeImage(_ image: Block.Image, to writer: inout JSONWriter) {
        writer.raw("{"); writer.key("src"); writer.string(image.src)
        if let alt = image.alt { writer.raw(","); writer.key("alt"); writer.string(alt) }
        writer.raw("}")
    }

    /// Appends the comments as a JSON array; a missing author or date is `null`.
    public static func writeComments(_ comments: [Comment], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, comment) in comments.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{"); writer.key("author"); writer.optionalString(comment.author)
            writer.raw(","); writer.key("date"); writer.optionalString(comment.date)
            writer.raw(","); writer.key("text"); writer.string(comment.text)
            writer.raw("}")
        }
        writer.raw("]")
    }

    /// Appends the diagnostics as a JSON array.
    public static func writeDiagnostics(_ diagnostics: [Diagnostic], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{"); writer.key("stage"); writer.string(diagnostic.stage)
            writer.raw(","); writer.key("severity"); writer.string(diagnostic.severity.rawValue)
            writer.raw(","); writer.key("message"); writer.string(diagnostic.message)
            writer.raw("}")
        }
        writer.raw("]")
    }
}
