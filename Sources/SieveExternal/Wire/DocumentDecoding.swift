import SieveCore

/// Reads a document back from its JSON form (schema `sieve-document/1`, as `DocumentJSON.encode` writes it).
///
/// Used for the answers of external stages. `text` is derived from `blocks` and ignored on input; a missing
/// `id` or `source` is taken from the document that was sent; other missing keys (or `null`) mean empty;
/// unknown keys are ignored. Attachments never cross, so the sent document's attachments are kept.
public enum DocumentDecoding {
    /// Decodes JSON `bytes` into a document, filling identity and attachments from `original`.
    public static func decode(_ bytes: [UInt8], replacing original: Document) throws -> Document {
        try document(from: JSONParser.parse(bytes), replacing: original)
    }

    /// Builds a document from a parsed JSON object; a member of the wrong type is an error naming it.
    public static func document(from value: FieldValue, replacing original: Document) throws(DocumentShapeError) -> Document {
        guard case .object(let members) = value else { throw DocumentShapeError("the document must be a JSON object") }
        let reader = MemberReader(members: members, place: "document")
        var document = Document(id: try reader.string("id") ?? original.id, source: try source(reader.members["source"]) ?? original.source,
                                blocks: try blocks(reader.members["blocks"]))
        document.title = try reader.string("title")
        document.published = try reader.string("published")
        document.modified = try reader.string("modified")
        document.authors = try reader.strings("authors")
        document.language = try reader.string("language")
        document.site = try reader.string("site")
        document.url = try reader.string("url")
        document.description = try reader.string("description")
        document.image = try reader.string("image")
        document.tags = try reader.strings("tags")
        switch members["fields"] {
        case .object(let fields)?: document.fields = fields
        case nil, .null?: break
        default: throw DocumentShapeError("member 'fields' must be an object")
        }
        document.diagnostics = try diagnostics(members["diagnostics"])
        document.attachments = original.attachments
        return document
    }

    private static func source(_ value: FieldValue?) throws(DocumentShapeError) -> Source? {
        guard let value, value != .null else { return nil }
        guard case .object(let members) = value else { throw DocumentShapeError("member 'source' must be an object") }
        let reader = MemberReader(members: members, place: "source")
        guard let path = try reader.string("path"), let format = try reader.string("format") else {
            throw DocumentShapeError("member 'source' needs 'path' and 'format'")
        }
        var source = Source(path: path, format: format, offset: try reader.integer("offset"), url: try reader.string("url"))
        source.fetched = try reader.string("fetched")
        return source
    }

    private static func blocks(_ value: FieldValue?) throws(DocumentShapeError) -> [Block] {
        guard let value, value != .null else { return [] }
        guard case .list(let items) = value else { throw DocumentShapeError("member 'blocks' must be a list") }
        var blocks: [Block] = []
        blocks.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else { throw DocumentShapeError("blocks[\(index)] must be an object") }
            let reader = MemberReader(members: members, place: "blocks[\(index)]")
            let kindName = try reader.string("kind") ?? "paragraph"
            guard let kind = Block.Kind(rawValue: kindName) else {
                throw DocumentShapeError("blocks[\(index)] has unknown kind '\(kindName)'; kinds: "
                    + Block.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            blocks.append(Block(kind, try reader.string("text") ?? "", level: try reader.integer("level")))
        }
        return blocks
    }

    private static func diagnostics(_ value: FieldValue?) throws(DocumentShapeError) -> [Diagnostic] {
        guard let value, value != .null else { return [] }
        guard case .list(let items) = value else { throw DocumentShapeError("member 'diagnostics' must be a list") }
        return try items.enumerated().map { (index, item) throws(DocumentShapeError) in
            guard case .object(let members) = item else { throw DocumentShapeError("diagnostics[\(index)] must be an object") }
            let reader = MemberReader(members: members, place: "diagnostics[\(index)]")
            let severity = try reader.string("severity").flatMap(Diagnostic.Severity.init(rawValue:)) ?? .info
            return Diagnostic(stage: try reader.string("stage") ?? "", severity: severity, message: try reader.string("message") ?? "")
        }
    }
}

/// A document whose JSON has the wrong shape: the message names the member.
public struct DocumentShapeError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Reads typed members of one JSON object, naming the member when its type is wrong.
struct MemberReader {
    let members: [String: FieldValue]
    let place: String

    /// A string member, nil when absent or null.
    func string(_ key: String) throws(DocumentShapeError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw DocumentShapeError("\(place) member '\(key)' must be a string or null")
        }
    }

    /// A list-of-strings member, empty when absent or null.
    func strings(_ key: String) throws(DocumentShapeError) -> [String] {
        switch members[key] {
        case nil, .null?: return []
        case .list(let items)?:
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw DocumentShapeError("\(place) member '\(key)' must be a list of strings") }
                strings.append(text)
            }
            return strings
        default: throw DocumentShapeError("\(place) member '\(key)' must be a list of strings")
        }
    }

    /// A whole-number member, nil when absent or null.
    func integer(_ key: String) throws(DocumentShapeError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return Int(number)
        default: throw DocumentShapeError("\(place) member '\(key)' must be a whole number or null")
        }
    }
}
