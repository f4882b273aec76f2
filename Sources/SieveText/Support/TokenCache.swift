import SieveCore

/// Tokens of the document's texts, kept in the document's attachments so that the people, organization
/// and place extractors tokenize each text once. Keyed by the text itself, so a stage that rewrites a text
/// in between simply causes a new tokenization.
enum TokenCache: AttachmentKey {
    typealias Value = [String: [Token]]

    /// The scanner for `text`, from the cache when present (and stored there otherwise).
    static func scanner(for text: String, in document: inout Document) -> EntityScanner {
        if let tokens = document.attachments[TokenCache.self]?[text] { return EntityScanner(text, tokens: tokens) }
        let scanner = EntityScanner(text)
        var cache = document.attachments[TokenCache.self] ?? [:]
        cache[text] = scanner.tokens
        document.attachments[TokenCache.self] = cache
        return scanner
    }
}
