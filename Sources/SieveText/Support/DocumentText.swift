import SieveCore

/// Applies a text rewrite to every human-readable text of a document: blocks (keeping their spans), comments,
/// title, description,
/// authors and tags.
enum DocumentText {
    /// Rewrites each text with `transform`.
    static func rewrite(_ document: inout Document, _ transform: (String) -> String) {
        for index in document.blocks.indices {
            document.blocks[index].rewriteText(transform)
        }
        for index in document.comments.indices {
            document.comments[index].text = transform(document.comments[index].text)
            document.comments[index].author = document.comments[index].author.map(transform)
        }
        if let title = document.title { document.title = transform(title) }
        if let description = document.description { document.description = transform(description) }
        document.authors = document.authors.map(transform)
        document.tags = document.tags.map(transform)
    }
}
