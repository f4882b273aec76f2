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

    /// One column, its name resolved to what it reads once per run (not per cell).
    ///
    /// Example: `Column("fields.school_years")` reads `document.fields["school_years"]`; `Column("source.path")`
    /// the source's `path`; a name no document has gives empty cells (the `columns` option rejects it first).
    struct Column {
        private enum Reading {
            case field(String)
            case source(DocumentSchema.SourceMember)
            case member(DocumentSchema.Member)
            case nothing
        }

        private let reading: Reading

        /// Resolves a column name.
        init(_ name: String) {
            if name.hasPrefix("fields.") {
                reading = .field(String(name.dropFirst(7)))
            } else if name.hasPrefix("source.") {
                let member = name.dropFirst(7)
                reading = DocumentSchema.sourceMembers.first { $0.name == member }.map(Reading.source) ?? .nothing
            } else {
                reading = DocumentSchema.member(named: name).map(Reading.member) ?? .nothing
            }
        }

        /// The cell text of this column for `document`: strings as they are, lists and objects as JSON.
        func value(in document: Document) -> String {
            switch reading {
            case .field(let name):
                guard let value = document.fields[name] else { return "" }
                if case .string(let text) = value { return text }
                return JSONWriter.text { $0.value(value) }
            case .source(let member):
                return member.text(in: document.source) ?? ""
            case .member(let member):
                switch member.value(in: document) {
                case .identifier(let text), .text(let text): return text
                case .optionalString(let text): return text ?? ""
                case .source(let source): return JSONWriter.text { DocumentJSON.writeSource(source, to: &$0) }
                case let value: return JSONWriter.text { DocumentJSON.writeValue(value, to: &$0) }
                }
            case .nothing:
                return ""
            }
        }
    }
}
