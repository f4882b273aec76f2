import Foundation

/// Schema.org data from JSON-LD scripts, parsed with JSONSerialization: objects in `@graph` and in
/// top-level arrays are flattened; the article object (`NewsArticle`, `Article`, `BlogPosting`, ...) is
/// preferred over `WebPage`, and `publisher`, `author`, `image` may be strings, objects or arrays. An object
/// given only as a reference (`"author": {"@id": "#/schema/person/1"}`, Yoast's `@graph`) is looked up by its
/// `@id`. Scripts wrapped in `<![CDATA[ ... ]]>` or `<!-- ... -->` guards (older CMSs) are read without them.
/// The headline comes from the article object only: a `WebPage`'s `name` is a copy of `<title>`.
struct JSONLD {
    /// The article's headline.
    var headline: String?
    /// `datePublished` / `dateCreated` as written.
    var published: String?
    /// `dateModified` as written.
    var modified: String?
    /// Whether `published` is only a `WebPage`'s date (no article object has one): Yoast and other SEO plugins
    /// date every page, static ones included.
    var publishedByPage = false
    /// Author names (persons and organizations).
    var authors: [String] = []
    /// `publisher.name`.
    var publisher: String?
    /// `description`.
    var description: String?
    /// The first image URL.
    var image: String?
    /// `keywords` and `articleSection`.
    var tags: [String] = []
    /// `url` or `mainEntityOfPage`.
    var url: String?
    /// `inLanguage`.
    var language: String?
    /// Scripts that were not valid JSON.
    var invalidScripts = 0

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "socialmediaposting",
        "liveblogposting", "posting", "report", "advertisercontentarticle", "satiricalarticle",
    ]

    /// Reads every script; the first article object wins, a `WebPage` object fills what is left.
    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let data = Self.unguarded(script).data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                invalidScripts += 1
                continue
            }
            Self.flatten(value, into: &objects)
        }
        let articles = objects.filter { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
        let pages = objects.filter { Self.types(of: $0).contains { $0.hasSuffix("page") } }
        var byID: [String: [String: Any]] = [:]
        for object in objects {
            if let id = object["@id"] as? String, byID[id] == nil { byID[id] = object }
        }
        for object in articles { fill(from: object, byID: byID, article: true) }
        for object in pages { fill(from: object, byID: byID, article: false) }
    }

    private mutating func fill(from object: [String: Any], byID: [String: [String: Any]], article: Bool) {
        if article { headline = headline ?? Self.string(object["headline"]) ?? Self.string(object["name"]) }
        if published == nil {
            published = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
            publishedByPage = published != nil && !article
        }
        modified = modified ?? Self.string(object["dateModified"])
        if authors.isEmpty { authors = Self.names(object["author"], byID) + Self.names(object["creator"], byID) }
        publisher = publisher ?? Self.names(object["publisher"], byID).first
        description = description ?? Self.string(object["description"])
        image = image ?? Self.imageURL(object["image"]) ?? Self.imageURL(object["thumbnailUrl"])
        if tags.isEmpty { tags = Self.keywords(object["keywords"]) + Self.keywords(object["articleSection"]) }
        url = url ?? Self.string(object["url"]) ?? Self.entityURL(object["mainEntityOfPage"])
        language = language ?? Self.string(object["inLanguage"])
    }

    /// At most this many objects are looked at (a page's own metadata comes first; catalogues can hold thousands).
    static let objectLimit = 200

    private static func flatten(_ value: Any, into objects: inout [[String: Any]]) {
        guard objects.count < objectLimit else { return }
        if let array = value as? [Any] {
            for item in array.prefix(objectLimit) { flatten(item, into: &objects) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { flatten(graph, into: &objects) }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmed
            return trimmed.isEmpty ? nil : trimmed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    private static func names(_ value: Any?, _ byID: [String: [String: Any]]) -> [String] {
        if let text = string(value as? String) { return [text] }
        if let array = value as? [Any] { return array.flatMap { names($0, byID) } }
        guard let object = value as? [String: Any] else { return [] }
        if let name = personName(object) { return [name] }
        if let id = object["@id"] as? String, let target = byID[id], let name = personName(target) { return [name] }
        return []
    }

    /// A person's `name`, else `givenName`, `additionalName` and `familyName` joined (schema.org allows
    /// either; trafilatura's issue 362 met pages with the parts alone).
    private static func personName(_ object: [String: Any]) -> String? {
        if let name = string(object["name"]) { return name }
        guard let given = string(object["givenName"]), let family = string(object["familyName"]) else { return nil }
        return [given, string(object["additionalName"]), family].compactMap { $0 }.joined(separator: " ")
    }

    /// The script without the guards older pages put around it: `<![CDATA[` and `]]>` (also behind `//` or
    /// inside `/* */`), and `<!--` and `-->`.
    static func unguarded(_ script: String) -> String {
        var text = Substring(script.trimmed)
        for opening in ["/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[", "<!--"] where text.hasPrefix(opening) {
            text = text.dropFirst(opening.count)
            break
        }
        text = Substring(String(text).trimmed)
        for closing in ["/*]]>*/", "//]]>", "]]>", "//-->", "-->"] where text.hasSuffix(closing) {
            text = text.dropLast(closing.count)
            break
        }
        return String(text)
    }

    private static func imageURL(_ value: Any?) -> String? {
        if let text = value as? String { return string(text) }
        if let array = value as? [Any] { return array.lazy.compactMap { imageURL($0) }.first }
        if let object = value as? [String: Any] { return string(object["url"]) ?? string(object["contentUrl"]) }
        return nil
    }

    private static func entityURL(_ value: Any?) -> String? {
        if let text = value as? String { return string(text) }
        if let object = value as? [String: Any] { return string(object["@id"]) ?? string(object["url"]) }
        return nil
    }

    private static func keywords(_ value: Any?) -> [String] {
        if let text = value as? String {
            return text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        if let array = value as? [Any] { return array.flatMap { keywords($0) } }
        return []
    }
}
