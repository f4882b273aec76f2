import SieveCore

/// The named values of a document that can become CSV columns: top-level keys, `source.path`,
/// `source.format`, and `fields.NAME` for one extractor field. Lists and objects are JSON-encoded.
enum DocumentColumns {
    /// Column names every document has.
    static let standard = [
        "id", "source.path", "source.format", "source.offset", "source.url", "title", "published", "modified",
        "authors", "language", "site", "url", "description", "image", "tags", "text", "blocks", "fields",
        "diagnostics",
    ]

    /// Whether a column name is known.
    static func isKnown(_ column: String) -> Bool {
        standard.contains(column) || (column.hasPrefix("fields.") && column.count > 7)
    }

    /// Nil for a known column, else a message naming the closest known one and all of them.
    static func problem(with column: String) -> String? {
        guard !isKnown(column) else { return nil }
        return "has an unknown column '\(column)'\(Suggestion.hint(for: column, among: standard)); known: "
            + "\(standard.joined(separator: ", ")), fields.NAME"
    }

    /// The cell text of one column.
    static func value(of column: String, in document: Document) -> String {
        switch column {
        case "id": return document.id
        case "source.path": return document.source.path
        case "source.format": return document.source.format
        case "source.offset": return document.source.offset.map(String.init) ?? ""
        case "source.url": return document.source.url ?? ""
        case "title": return document.title ?? ""
        case "published": return document.published ?? ""
        case "modified": return document.modified ?? ""
        case "authors": return json { $0.strings(document.authors) }
        case "language": return document.language ?? ""
        case "site": return document.site ?? ""
        case "url": return document.url ?? ""
        case "description": return document.description ?? ""
        case "image": return document.image ?? ""
        case "tags": return json { $0.strings(document.tags) }
        case "text": return document.text
        case "fields": return json { $0.value(.object(document.fields)) }
        case "blocks": return json { DocumentJSON.writeBlocks(document.blocks, to: &$0) }
        case "diagnostics": return json { DocumentJSON.writeDiagnostics(document.diagnostics, to: &$0) }
        default:
            guard column.hasPrefix("fields."), let value = document.fields[String(column.dropFirst(7))] else { return "" }
            if case .string(let text) = value { return text }
            return json { $0.value(value) }
        }
    }

    private static func json(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
