/// The document's JSON form (schema `sieve-document/1`), written in a fixed key order.
///
/// Every key is always present: missing text values are `null`, missing lists are `[]`, `fields` is `{}`
/// when empty. Attachments are never written.
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
        writer.key("id"); writer.string(document.id)
        writer.raw(","); writer.key("source"); writeSource(document.source, to: &writer)
        writer.raw(","); writer.key("title"); writer.optionalString(document.title)
        writer.raw(","); writer.key("published"); writer.optionalString(document.published)
        writer.raw(","); writer.key("modified"); writer.optionalString(document.modified)
        writer.raw(","); writer.key("authors"); writer.strings(document.authors)
        writer.raw(","); writer.key("language"); writer.optionalString(document.language)
        writer.raw(","); writer.key("site"); writer.optionalString(document.site)
        writer.raw(","); writer.key("url"); writer.optionalString(document.url)
        writer.raw(","); writer.key("description"); writer.optionalString(document.description)
        writer.raw(","); writer.key("image"); writer.optionalString(document.image)
        writer.raw(","); writer.key("tags"); writer.strings(document.tags)
        if text { writer.raw(","); writer.key("text"); writer.string(document.text) }
        writer.raw(","); writer.key("blocks"); writeBlocks(document.blocks, to: &writer)
        writer.raw(","); writer.key("fields"); writer.value(.object(document.fields))
        writer.raw(","); writer.key("diagnostics"); writeDiagnostics(document.diagnostics, to: &writer)
        writer.raw("}")
    }

    private static func writeSource(_ source: Source, to writer: inout JSONWriter) {
        writer.raw("{"); writer.key("path"); writer.string(source.path)
        writer.raw(","); writer.key("format"); writer.string(source.format)
        if let offset = source.offset { writer.raw(","); writer.key("offset"); writer.number(Double(offset)) }
        if let url = source.url { writer.raw(","); writer.key("url"); writer.string(url) }
        if let fetched = source.fetched { writer.raw(","); writer.key("fetched"); writer.string(fetched) }
        writer.raw("}")
    }

    /// Appends the blocks as a JSON array.
    public static func writeBlocks(_ blocks: [Block], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, block) in blocks.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{"); writer.key("kind"); writer.string(block.kind.rawValue)
            if let level = block.level { writer.raw(","); writer.key("level"); writer.number(Double(level)) }
            writer.raw(","); writer.key("text"); writer.string(block.text)
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
