/// One unit of article content, in reading order.
///
/// `text` is always the block's plain text, so a reader that ignores markup gets clean text. The richer
/// structure rides beside it and is empty (nil) unless the source had it:
/// - `spans`: inline markup over `text` (links, bold, italic, inline code, inline images), as ranges in
///   Unicode scalars; a line break is a `\n` in `text`.
/// - `depth` and `ordered`: for a list item, how deeply its list is nested (1 for a top-level list) and
///   whether that list is numbered.
/// - `language`: for code, the language the page names (`class="language-swift"` gives `swift`).
/// - `rows`: for a table, its rows of cells, header cells marked (`text` is then rows as lines, cells
///   separated by tabs).
/// - `image`: for a figure, the picture; `text` is its caption (empty when it has none).
public struct Block: Sendable, Hashable, Codable {
    /// What kind of content a block holds; HTML and text are reduced to this small vocabulary early.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case heading, paragraph, listItem = "list_item", quote, caption, code, table, figure
    }

    /// The block's kind.
    public var kind: Kind
    /// The block's plain text; for a table, rows are lines and cells are separated by tabs; for a figure,
    /// the caption.
    public var text: String
    /// Heading level (1-6) for headings, nil otherwise.
    public var level: Int?
    /// Inline markup over `text`, ordered by start (an outer span before the spans inside it); empty when
    /// the block has none.
    public var spans: [Span]
    /// Nesting depth of a list item's list, 1 for a top-level list; nil for other blocks.
    public var depth: Int?
    /// Whether a list item's list is numbered (`<ol>`); nil for other blocks.
    public var ordered: Bool?
    /// The language of a code block, as the page names it; nil when it names none.
    public var language: String?
    /// A table's rows of cells; nil for other blocks.
    public var rows: [[Cell]]?
    /// A figure's picture; nil for other blocks.
    public var image: Image?

    /// Creates a block with no inline markup.
    public init(_ kind: Kind, _ text: String, level: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.spans = []
    }

    /// Whether the block holds anything: text, or a picture.
    public var isEmpty: Bool { text.isEmpty && image == nil }
}

extension Block {
    /// Inline markup over a range of a block's text.
    ///
    /// `start` and `length` count Unicode scalars of `Block.text` (Python's `str` indexing, Swift's
    /// `unicodeScalars`). An image has length 0: it stands at `start`, between the characters around it.
    public struct Span: Sendable, Hashable, Codable {
        /// What the markup means.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case link, bold, italic, code, image
        }

        /// What the markup means.
        public var kind: Kind
        /// Offset of the first scalar, in Unicode scalars from the start of the block's text.
        public var start: Int
        /// Number of scalars covered (0 for an image).
        public var length: Int
        /// A link's target: an absolute URL (resolved against the page's URL or `<base>`) or, when the page
        /// has no URL, the address as written.
        public var href: String?
        /// An image's address, absolute like `href`.
        public var src: String?
        /// An image's alternative text, when it has one.
        public var alt: String?

        /// Creates a span.
        public init(_ kind: Kind, start: Int, length: Int, href: String? = nil, src: String? = nil, alt: String? = nil) {
            self.kind = kind
            self.start = start
            self.length = length
            self.href = href
            self.src = src
            self.alt = alt
        }

        /// One past the last scalar covered.
        public var end: Int { start + length }
    }

    /// One cell of a table row.
    public struct Cell: Sendable, Hashable, Codable {
        /// The cell's plain text (on one line).
        public var text: String
        /// Whether it is a header cell (`<th>`).
        public var header: Bool

        /// Creates a cell.
        public init(_ text: String, header: Bool = false) {
            self.text = text
            self.header = header
        }
    }

    /// A picture: its address and alternative text.
    public struct Image: Sendable, Hashable, Codable {
        /// The picture's address, absolute like a link's `href`.
        public var src: String
        /// Its alternative text, when it has one.
        public var alt: String?

        /// Creates an image reference.
        public init(src: String, alt: String? = nil) {
            self.src = src
            self.alt = alt
        }
    }

    /// The text a span covers ("" when the span lies outside the text).
    public func text(of span: Span) -> Substring {
        let scalars = text.unicodeScalars
        guard span.start >= 0, span.length >= 0,
              let start = scalars.index(scalars.startIndex, offsetBy: span.start, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: span.length, limitedBy: scalars.endIndex) else { return "" }
        return Substring(scalars[start..<end])
    }
}
