/// The value that flows through a pipeline: one article with its identity, content, metadata and diagnostics.
///
/// Readers create documents, transforms rewrite or enrich them, sinks write them out. Everything but
/// `attachments` is serialized; attachments (such as the parsed HTML tree) stay in memory and are dropped
/// before the sinks.
public struct Document: Sendable {
    /// Stable identifier, unique per input: the input path without its format extension, plus `#offset` for a
    /// record inside a container.
    public var id: String
    /// Where the document came from.
    public var source: Source
    /// Headline of the article.
    public var title: String?
    /// Publication date as ISO 8601: a full timestamp with offset when a time is known, `YYYY-MM-DD` otherwise.
    public var published: String?
    /// Last modification date, ISO 8601, kept apart from `published`.
    public var modified: String?
    /// Authors as written in the byline, without the site name.
    public var authors: [String]
    /// BCP 47 language code such as `vi` or `en`.
    public var language: String?
    /// Name of the publishing site.
    public var site: String?
    /// Canonical URL of the article.
    public var url: String?
    /// Short description or lead.
    public var description: String?
    /// Main image URL.
    public var image: String?
    /// Tags and categories.
    public var tags: [String]
    /// Ordered content blocks.
    public var blocks: [Block]
    /// Reader comments from the page's comment section, in page order; never part of `blocks` or `text`.
    public var comments: [Comment]
    /// Open map for extractor output; written with sorted keys.
    public var fields: [String: FieldValue]
    /// Notes left by stages about problems they met or repaired.
    public var diagnostics: [Diagnostic]
    /// In-memory companions of the document (never serialized).
    public var attachments: Attachments

    /// Creates a document with the given identity and content and no metadata.
    public init(id: String, source: Source, blocks: [Block] = []) {
        self.id = id
        self.source = source
        self.authors = []
        self.tags = []
        self.blocks = blocks
        self.comments = []
        self.fields = [:]
        self.diagnostics = []
        self.attachments = Attachments()
    }

    /// The article text: every block except captions, figures and a leading headline that repeats `title`,
    /// joined by blank lines.
    public var text: String {
        var parts: [String] = []
        parts.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() where block.kind != .caption && block.kind != .figure && !block.text.isEmpty {
            if index == 0, block.kind == .heading, block.text == title { continue }
            parts.append(block.text)
        }
        return parts.joined(separator: "\n\n")
    }

    /// Records a diagnostic from the named stage.
    public mutating func diagnose(_ stage: String, _ message: String, severity: Diagnostic.Severity = .warning) {
        diagnostics.append(Diagnostic(stage: stage, severity: severity, message: message))
    }
}
