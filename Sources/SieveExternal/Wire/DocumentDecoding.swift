import SieveCore

/// Reads a document back from its JSON form (schema `sieve-document/2`, as `DocumentJSON.encode` writes it),
/// member by member in the order of `DocumentSchema.members`.
///
/// Used for the answers of external stages and isolated workers. `text` is derived from `blocks` and
/// ignored on input; a missing `id` or `source` is taken from the document that was sent; other missing keys
/// (or `null`) mean empty; unknown keys are ignored. Attachments never cross, so the sent document's
/// attachments are kept.
public enum DocumentDecoding {
    /// Decodes JSON `bytes` into a document, filling identity and attachments from `original`.
    public static func decode(_ bytes: [UInt8], replacing original: Document) throws -> Document {
        try document(from: JSONParser.parse(bytes), replacing: original)
    }

    /// Builds a document from a parsed JSON object; a member of the wrong type is an error naming it.
    public static func document(from value: FieldValue, replacing original: Document) throws(DocumentShapeError) -> Document {
        guard case .object(let members) = value else { throw DocumentShapeError("the document must be a JSON object") }
        let reader = MemberReader(members: members, place: "document")
        var document = Document(id: original.id, source: original.source)
        for member in DocumentSchema.members {
            let value: DocumentSchema.Value
            switch member.kind {
            case .identifier:
                guard let id = try reader.string(member.name) else { continue }
                value = .identifier(id)
            case .source:
                guard let source = try source(members[member.name]) else { continue }
                value = .source(source)
            case .optionalString: value = .optionalString(try reader.string(member.name))
            case .strings: value = .strings(try reader.strings(member.name))
            case .text: continue
            case .blocks: value = .blocks(try BlockDecoding.blocks(members[member.name]))
            case .comments: value = .comments(try comments(members[member.name]))
            case .fields:
                switch members[member.name] {
                case .object(let fields)?: value = .fields(fields)
                case nil, .null?: continue
                default: throw DocumentShapeError("member '\(member.name)' must be an object")
                }
            case .diagnostics: value = .diagnostics(try diagnostics(members[member.name]))
            }
            member.set(value, in: &document)
        }
        document.attachments = original.attachments
        return document
    }

    private static func source(_ value: FieldValue?) throws(DocumentShapeError) -> Source? {
        guard let value, value != .null else { return nil }
        guard case .object(let members) = value else { throw DocumentShapeError("member 'source' must be an object") }
        var source = Source(path: "", format: "")
        for member in DocumentSchema.sourceMembers {
            let value = members[member.name] ?? .null
            switch (member.kind, value) {
            case (.string, .string), (.optionalString, .string), (.optionalString, .null), (.optionalInteger, .null):
                member.set(value, in: &source)
            case (.optionalInteger, .number(let number)) where number == number.rounded() && abs(number) < 1e15:
                member.set(value, in: &source)
            case (.string, .null):
                throw DocumentShapeError("member 'source' needs 'path' and 'format'")
            case (.optionalInteger, _):
                throw DocumentShapeError("source member '\(member.name)' must be a whole number or null")
            default:
                throw DocumentShapeError("source member '\(member.name)' must be a string\(member.kind == .string ? "" : " or null")")
            }
        }
        return source
    }

    private static func comments(_ value: FieldValue?) throws(DocumentShapeError) -> [Comment] {
        guard let value, value != .null else { return [] }
        guard case .list(let items) = value else { throw DocumentShapeError("member 'comments' must be a list") }
        return try items.enumerated().map { (index, item) throws(DocumentShapeError) in
            guard case .object(let members) = item else { throw DocumentShapeError("comments[\(index)] must be an object") }
            let reader = MemberReader(members: members, place: "comments[\(index)]")
            return Comment(author: try reader.string("author"), date: try reader.string("date"), text: try reader.string("text") ?? "")
        }
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

    /// A boolean member, nil when absent or null.
    func bool(_ key: String) throws(DocumentShapeError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw DocumentShapeError("\(place) member '\(key)' must be true, false or null")
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
