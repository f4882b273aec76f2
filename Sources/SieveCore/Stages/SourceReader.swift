/// Turns one input (a file, standard input, a record inside a container) into documents.
///
/// Contract: never crash on any bytes; repair what can be repaired and say so in a diagnostic; throw a
/// `StageError` naming the problem when nothing usable is left.
public protocol SourceReader: Stage, Sendable {
    /// File extensions (lowercase, no dot) this reader takes when the format is detected automatically.
    static var fileExtensions: [String] { get }
    /// Whether the first bytes of an input look like this reader's format (used when the extension says nothing).
    static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool
    /// Reads the input and hands every document it holds to `emit`, in order.
    func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws
}

extension SourceReader {
    /// `.reader`.
    public static var role: StageRole { .reader }
}

/// The bytes of one input and what is known about them before reading.
public struct Input: Sendable {
    /// The path as the user named it (`-` for standard input).
    public var path: String
    /// The input's bytes, already decompressed.
    public var bytes: [UInt8]
    /// The document id to use.
    public var id: String
    /// A charset declared outside the bytes (an HTTP header), if any.
    public var declaredCharset: String?
    /// URL the bytes were fetched from, if known.
    public var url: String?
    /// Byte offset of the record inside its container, if any.
    public var offset: Int?
    /// A date the container gives for the record (the WARC date), ISO 8601.
    public var date: String?

    /// Creates an input.
    public init(path: String, bytes: [UInt8], id: String, declaredCharset: String? = nil, url: String? = nil,
                offset: Int? = nil) {
        self.path = path
        self.bytes = bytes
        self.id = id
        self.declaredCharset = declaredCharset
        self.url = url
        self.offset = offset
    }
}
