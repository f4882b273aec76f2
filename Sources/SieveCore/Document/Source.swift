/// Where a document came from: the input path or URL, its format and, inside containers, the record offset.
public struct Source: Sendable, Hashable {
    /// The input path as the user named it (`-` for standard input).
    public var path: String
    /// The reader that produced the document, such as `text` or `html`.
    public var format: String
    /// Byte offset of the record inside a container file (WARC, JSON Lines); nil for a whole file.
    public var offset: Int?
    /// URL the page was fetched from, when the input says so.
    public var url: String?
    /// When the page was fetched (the WARC date), ISO 8601, when the input says so.
    public var fetched: String?

    /// Creates a source description.
    public init(path: String, format: String, offset: Int? = nil, url: String? = nil) {
        self.path = path
        self.format = format
        self.offset = offset
        self.url = url
    }
}
