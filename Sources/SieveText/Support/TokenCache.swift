import SieveCore

/// Tokens of the document's texts, kept in the document's attachments so that the people, organization
/// and place extractors tokenize each text once. Keyed by the text's bytes, so a stage that rewrites a text
/// in between simply causes a new tokenization.
enum TokenCache: AttachmentKey {
    typealias Value = [WordKey: [Token]]

    /// The scanner for `text`, from the cache when present (and stored there otherwise). The cache is taken
    /// out of the attachments while it grows, so adding an entry does not copy the whole dictionary.
    static func scanner(for text: String, in document: inout Document) -> EntityScanner {
        let key = WordKey(text)
        if let tokens = document.attachments[TokenCache.self]?[key] { return EntityScanner(text, tokens: tokens) }
        let scanner = EntityScanner(text)
        var cache = document.attachments[TokenCache.self] ?? [:]
        document.attachments[TokenCache.self] = nil
        cache[key] = scanner.tokens
        document.attachments[TokenCache.self] = cache
        return scanner
    }
}
