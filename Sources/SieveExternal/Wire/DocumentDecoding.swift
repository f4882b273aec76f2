import Foundation
import SieveCore

/// Reads a document back from its JSON form (schema `sieve-document/1`, as `DocumentJSON.encode` writes it).
///
/// Used for the answers of external stages. `text` is derived from `blocks` and ignored on input; a missing
/// `id` or `source` is taken from the document that was sent; other missing keys mean empty. Attachments never
/// cross, so the sent document's attachments are kept.
public enum DocumentDecoding {
    /// Decodes `bytes` into a document, filling identity and attachments from `original`.
    public static func decode(_ bytes: some Collection<UInt8>, replacing original: Document) throws -> Document {
        let wire = try JSONDecoder().decode(WireDocument.self, from: Data(bytes))
        return wire.document(replacing: original)
    }
}

/// The JSON shape of a document, every member optional.
struct WireDocument: Decodable, Sendable {
    struct WireSource: Decodable, Sendable {
        var path: String
        var format: String
        var offset: Int?
        var url: String?
    }

    var id: String?
    var source: WireSource?
    var title: String?
    var published: String?
    var modified: String?
    var authors: [String]?
    var language: String?
    var site: String?
    var url: String?
    var description: String?
    var image: String?
    var tags: [String]?
    var blocks: [Block]?
    var fields: [String: FieldValue]?
    var diagnostics: [Diagnostic]?

    func document(replacing original: Document) -> Document {
        let source = self.source.map { Source(path: $0.path, format: $0.format, offset: $0.offset, url: $0.url) }
        var document = Document(id: id ?? original.id, source: source ?? original.source, blocks: blocks ?? [])
        document.title = title
        document.published = published
        document.modified = modified
        document.authors = authors ?? []
        document.language = language
        document.site = site
        document.url = url
        document.description = description
        document.image = image
        document.tags = tags ?? []
        document.fields = fields ?? [:]
        document.diagnostics = diagnostics ?? []
        document.attachments = original.attachments
        return document
    }
}
