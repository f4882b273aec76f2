import SieveCore

/// The members the rendered formats (text, Markdown, HTML) show beside a document's title and body, in the
/// schema's order: every member but `title`, `text`, `blocks` and `comments`, as text, a list of strings, or
/// JSON (`source`, `fields`, `diagnostics`). A member without a value is left out: a missing string, an empty
/// list, no fields, no diagnostics. An empty string is a value (Markdown's front matter leaves it out itself).
///
/// Example: a document with `published` and two authors → `id` (text), `source` (JSON),
/// `published` (text), `authors` (list `["Thái Bình", "Lê Anh"]`).
enum MetadataMembers {
    /// One member's value, by how the renderers write it.
    enum Value: Equatable {
        /// A string member.
        case text(String)
        /// A list of strings, never empty.
        case list([String])
        /// A structured member as one line of JSON.
        case json(String)

        /// The value as one string: a list joined with `separator`.
        func text(joiningListWith separator: String) -> String {
            switch self {
            case .text(let text), .json(let text): text
            case .list(let items): items.joined(separator: separator)
            }
        }
    }

    /// The shown members of `document` with their values, in the schema's order.
    static func of(_ document: Document) -> [(name: String, value: Value)] {
        DocumentSchema.members.compactMap { member in
            guard member.name != "title", let value = value(member.value(in: document)) else { return nil }
            return (member.name, value)
        }
    }

    private static func value(_ value: DocumentSchema.Value) -> Value? {
        switch value {
        case .identifier(let text), .optionalString(let text?): .text(text)
        case .strings(let values) where !values.isEmpty: .list(values)
        case .source(let source): .json(JSONWriter.text { DocumentJSON.writeSource(source, to: &$0) })
        case .fields(let fields) where !fields.isEmpty: .json(JSONWriter.text { DocumentJSON.writeValue(.fields(fields), to: &$0) })
        case .diagnostics(let diagnostics) where !diagnostics.isEmpty:
            .json(JSONWriter.text { DocumentJSON.writeValue(.diagnostics(diagnostics), to: &$0) })
        case .optionalString(nil), .strings, .text, .blocks, .comments, .fields, .diagnostics: nil
        }
    }
}
