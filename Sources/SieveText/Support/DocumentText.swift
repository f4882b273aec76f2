import SieveCore

/// Applies a text rewrite to every human-readable text of a document: blocks, title, description,
/// authors and tags.
enum DocumentText {
    /// Rewrites each text with `transform`.
    static func rewrite(_ document: inout Document, _ transform: (String) -> String) {
        for index in document.blocks.indices {
            document.blocks[index].text = transform(document.blocks[index].text)
        }
        if let title = document.title { document.title = transform(title) }
        if let description = document.description { document.description = transform(description) }
        document.authors = document.authors.map(transform)
        document.tags = document.tags.map(transform)
    }
}
