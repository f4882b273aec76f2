import SieveCore

/// The named values of a document that can become CSV columns, in the order of `DocumentSchema.members`:
/// every member by its name, the source's members as `source.NAME`, and `fields.NAME` for one extractor
/// field. Lists and objects are JSON-encoded.
enum DocumentColumns {
    /// Column names every document has.
    static let standard: [String] = DocumentSchema.members.flatMap { member in
        member.kind == .source ? DocumentSchema.sourceMembers.map { "\(member.name).\($0.name)" } : [member.name]
    }

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
        if column.hasPrefix("fields.") {
            guard let value = document.fields[String(column.dropFirst(7))] else { return "" }
            if case .string(let text) = value { return text }
            return JSONWriter.text { $0.value(value) }
        }
        if column.hasPrefix("source.") {
            let name = column.dropFirst(7)
            return DocumentSchema.sourceMembers.first { $0.name == name }?.text(in: document.source) ?? ""
        }
        guard let member = DocumentSchema.member(named: column) else { return "" }
        switch member.value(in: document) {
        case .identifier(let text), .text(let text): return text
        case .optionalString(let text): return text ?? ""
        case .source(let source): return JSONWriter.text { DocumentJSON.writeSource(source, to: &$0) }
        case let value: return JSONWriter.text { DocumentJSON.writeValue(value, to: &$0) }
        }
    }
}
