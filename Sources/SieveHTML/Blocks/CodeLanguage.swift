import CLibXML2

/// The programming language a code element names in its `class`: `language-swift` or `lang-swift` (the
/// HTML specification's suggestion, used by Prism, highlight.js and Markdown renderers) gives `swift`.
enum CodeLanguage {
    /// The language named by the element's class, nil when it names none.
    static func of(_ node: xmlNodePtr) -> String? {
        guard let classes = node.attribute("class") else { return nil }
        for token in classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            for prefix in ["language-", "lang-"] where token.hasPrefix(prefix) && token.count > prefix.count {
                return String(token.dropFirst(prefix.count))
            }
        }
        return nil
    }
}
