/// One reader comment from the page's comment section, kept apart from the article.
///
/// When the page marks comments up one by one (an element per comment with its author and time), each is
/// one `Comment` with what was found; otherwise each text block of the section is one `Comment` with only
/// `text`.
public struct Comment: Sendable, Hashable, Codable {
    /// The commenter's name as shown, when found.
    public var author: String?
    /// When the comment was written, ISO 8601 (as `Document.published`), when found.
    public var date: String?
    /// The comment's text; its paragraphs on lines of their own.
    public var text: String

    /// Creates a comment.
    public init(author: String? = nil, date: String? = nil, text: String) {
        self.author = author
        self.date = date
        self.text = text
    }
}
