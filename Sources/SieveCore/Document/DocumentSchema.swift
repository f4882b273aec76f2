/// The one ordered description of a document's serialized members (schema `sieve-document/2`).
///
/// Every writer and reader of documents follows this list instead of naming fields by hand: the JSON
/// writer (`DocumentJSON`), the JSON reader of external stages and isolated workers, the XML sink, the
/// CSV columns and the other sinks. A member is added here once; a sink handles members by the shape of
/// their value (`Value`), so a member of an existing shape is carried everywhere at once, and a new shape
/// fails to compile until every sink handles it.
///
/// ```
/// id · source{path, format, offset, url, fetched} · title · published · modified · authors · language ·
/// site · url · description · image · tags · text (derived from blocks) · blocks · comments · fields ·
/// diagnostics
/// ```
public enum DocumentSchema {
    /// The schema name writers put in their output where the format has room for it.
    public static let version = "sieve-document/2"

    /// The shape of a member's value.
    public enum Kind: Sendable, Hashable {
        /// The document's identifier: a string, always present.
        case identifier
        /// The source description (`sourceMembers`).
        case source
        /// A string or null.
        case optionalString
        /// A list of strings.
        case strings
        /// Text derived from the blocks: written, never read back.
        case text
        /// The content blocks.
        case blocks
        /// The reader comments.
        case comments
        /// The open map of extractor output.
        case fields
        /// The stages' notes.
        case diagnostics
    }

    /// A member's value, by shape.
    public enum Value: Sendable {
        case identifier(String)
        case source(Source)
        case optionalString(String?)
        case strings([String])
        case text(String)
        case blocks([Block])
        case comments([Comment])
        case fields([String: FieldValue])
        case diagnostics([Diagnostic])
    }

    /// One member of the document: its name in every output, its shape, and how to read and set it.
    public struct Member: Sendable {
        /// The member's name (the JSON key, the XML element, the CSV column).
        public let name: String
        /// The shape of its value.
        public let kind: Kind
        private let read: @Sendable (Document) -> Value
        private let write: @Sendable (inout Document, Value) -> Void

        init(_ name: String, _ kind: Kind, read: @escaping @Sendable (Document) -> Value,
             write: @escaping @Sendable (inout Document, Value) -> Void = { _, _ in }) {
            self.name = name
            self.kind = kind
            self.read = read
            self.write = write
        }

        /// The member's value in `document`.
        public func value(in document: Document) -> Value { read(document) }

        /// Sets the member in `document`; a value of another shape, or the derived `text`, changes nothing.
        public func set(_ value: Value, in document: inout Document) { write(&document, value) }
    }

    /// The members in their one order.
    public static let members: [Member] = [
        Member("id", .identifier, read: { .identifier($0.id) }, write: { if case .identifier(let v) = $1 { $0.id = v } }),
        Member("source", .source, read: { .source($0.source) }, write: { if case .source(let v) = $1 { $0.source = v } }),
        string("title", \.title),
        string("published", \.published),
        string("modified", \.modified),
        strings("authors", \.authors),
        string("language", \.language),
        string("site", \.site),
        string("url", \.url),
        string("description", \.description),
        string("image", \.image),
        strings("tags", \.tags),
        Member("text", .text, read: { .text($0.text) }),
        Member("blocks", .blocks, read: { .blocks($0.blocks) }, write: { if case .blocks(let v) = $1 { $0.blocks = v } }),
        Member("comments", .comments, read: { .comments($0.comments) },
               write: { if case .comments(let v) = $1 { $0.comments = v } }),
        Member("fields", .fields, read: { .fields($0.fields) }, write: { if case .fields(let v) = $1 { $0.fields = v } }),
        Member("diagnostics", .diagnostics, read: { .diagnostics($0.diagnostics) },
               write: { if case .diagnostics(let v) = $1 { $0.diagnostics = v } }),
    ]

    /// The member named `name`, if any.
    public static func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    private static func string(_ name: String, _ path: any WritableKeyPath<Document, String?> & Sendable) -> Member {
        Member(name, .optionalString, read: { .optionalString($0[keyPath: path]) },
               write: { if case .optionalString(let v) = $1 { $0[keyPath: path] = v } })
    }

    private static func strings(_ name: String, _ path: any WritableKeyPath<Document, [String]> & Sendable) -> Member {
        Member(name, .strings, read: { .strings($0[keyPath: path]) },
               write: { if case .strings(let v) = $1 { $0[keyPath: path] = v } })
    }
}

extension DocumentSchema {
    /// The shape of a source member: `path` and `format` are always there, the others may be missing.
    public enum SourceKind: Sendable, Hashable { case string, optionalString, optionalInteger }

    /// One member of `Source`: its name (`source.NAME` as a CSV column, an attribute in XML), shape and value.
    public struct SourceMember: Sendable {
        /// The member's name.
        public let name: String
        /// Its shape.
        public let kind: SourceKind
        private let read: @Sendable (Source) -> FieldValue
        private let write: @Sendable (inout Source, FieldValue) -> Void

        init(_ name: String, _ kind: SourceKind, read: @escaping @Sendable (Source) -> FieldValue,
             write: @escaping @Sendable (inout Source, FieldValue) -> Void) {
            self.name = name
            self.kind = kind
            self.read = read
            self.write = write
        }

        /// The value in `source`: a string, a whole number, or `.null` when missing.
        public func value(in source: Source) -> FieldValue { read(source) }

        /// Sets the member from a string, a whole number or `.null`; other values change nothing.
        public func set(_ value: FieldValue, in source: inout Source) { write(&source, value) }

        /// The value as text ("" when missing), for outputs that hold only text (CSV cells, XML attributes).
        public func text(in source: Source) -> String? {
            switch read(source) {
            case .string(let text): text
            case .number(let number): String(Int(number))
            default: nil
            }
        }
    }

    /// The members of `Source`, in order.
    public static let sourceMembers: [SourceMember] = [
        SourceMember("path", .string, read: { .string($0.path) }, write: { if case .string(let v) = $1 { $0.path = v } }),
        SourceMember("format", .string, read: { .string($0.format) }, write: { if case .string(let v) = $1 { $0.format = v } }),
        SourceMember("offset", .optionalInteger, read: { $0.offset.map { .number(Double($0)) } ?? .null }, write: {
            switch $1 {
            case .number(let number): $0.offset = Int(exactly: number)
            case .null: $0.offset = nil
            default: break
            }
        }),
        SourceMember("url", .optionalString, read: { $0.url.map(FieldValue.string) ?? .null }, write: { $0.url = $1.stringValue }),
        SourceMember("fetched", .optionalString, read: { $0.fetched.map(FieldValue.string) ?? .null },
                     write: { $0.fetched = $1.stringValue }),
    ]
}

extension DocumentSchema {
    /// One scalar attribute of a block, written only when the block has it (`level`, `depth`, `ordered`,
    /// `language`); `kind`, `text`, `spans`, `rows` and `image` have shapes of their own.
    public struct BlockAttribute: Sendable {
        /// The attribute's name.
        public let name: String
        private let read: @Sendable (Block) -> FieldValue?
        private let write: @Sendable (inout Block, FieldValue) -> Bool

        init(_ name: String, read: @escaping @Sendable (Block) -> FieldValue?,
             write: @escaping @Sendable (inout Block, FieldValue) -> Bool) {
            self.name = name
            self.read = read
            self.write = write
        }

        /// The value, nil when the block does not have it.
        public func value(in block: Block) -> FieldValue? { read(block) }

        /// Sets the attribute; false when the value has the wrong type.
        public func set(_ value: FieldValue, in block: inout Block) -> Bool { write(&block, value) }

        /// The value as text, for outputs that hold only text.
        public func text(in block: Block) -> String? {
            switch read(block) {
            case .string(let text)?: text
            case .number(let number)?: String(Int(number))
            case .bool(let flag)?: String(flag)
            default: nil
            }
        }
    }

    /// The scalar attributes of a block, in order; they come after `kind` and before `text`.
    public static let blockAttributes: [BlockAttribute] = [
        integer("level", \.level),
        integer("depth", \.depth),
        BlockAttribute("ordered", read: { $0.ordered.map(FieldValue.bool) }, write: {
            guard case .bool(let flag) = $1 else { return false }
            $0.ordered = flag
            return true
        }),
        BlockAttribute("language", read: { $0.language.map(FieldValue.string) }, write: {
            guard case .string(let text) = $1 else { return false }
            $0.language = text
            return true
        }),
    ]

    private static func integer(_ name: String, _ path: any WritableKeyPath<Block, Int?> & Sendable) -> BlockAttribute {
        BlockAttribute(name, read: { $0[keyPath: path].map { .number(Double($0)) } }, write: {
            guard case .number(let number) = $1, let value = Int(exactly: number) else { return false }
            $0[keyPath: path] = value
            return true
        })
    }
}
