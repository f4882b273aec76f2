/// One unit of article content, in reading order.
public struct Block: Sendable, Hashable, Codable {
    /// What kind of content a block holds; HTML and text are reduced to this small vocabulary early.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case heading, paragraph, listItem = "list_item", quote, caption, code, table
    }

    /// The block's kind.
    public var kind: Kind
    /// The block's text; for a table, rows are lines and cells are separated by tabs.
    public var text: String
    /// Heading level (1-6) for headings, nil otherwise.
    public var level: Int?

    /// Creates a block.
    public init(_ kind: Kind, _ text: String, level: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
    }
}
