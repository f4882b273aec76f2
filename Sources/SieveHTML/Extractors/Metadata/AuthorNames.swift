import Foundation

/// Picks author names: JSON-LD authors, then `<meta name="author">` and its kin, then `itemprop="author"`,
/// then short texts of elements named like bylines. Drops the site name, URLs, e-mail addresses and link
/// labels such as "Email the author"; strips a leading "By" (and its common translations); splits "A and B".
enum AuthorNames {
    private static let prefixes = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "bởi ", "tác giả: ", "author: ", "text: "]
    private static let labels = ["email", "e-mail", "follow", "contact", "twitter", "facebook", "more from", "view all",
                                 "all posts", "articles by", "profile", "posted", "published", "updated"]

    /// The authors of a page.
    static func pick(jsonLD: [String], page: PageSignals, site: String?) -> [String] {
        let metaNames = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                         "byl", "twitter:creator"].flatMap { page.meta[$0] ?? [] }
        for source in [jsonLD, metaNames, page.itemprops["author"] ?? [], page.bylines] {
            let names = clean(source, site: site)
            if !names.isEmpty { return names }
        }
        return []
    }

    /// Cleaned, split and de-duplicated names.
    static func clean(_ raw: [String], site: String?) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        let siteKey = site?.lowercased().trimmed
        for value in raw {
            for name in split(strip(value)) {
                let key = name.lowercased()
                guard isName(name), key != siteKey, seen.insert(key).inserted else { continue }
                result.append(name)
            }
        }
        return result
    }

    private static func strip(_ value: String) -> String {
        var text = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let lowered = text.lowercased()
        for prefix in prefixes where lowered.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        // A byline often runs on into the date or a role: "Jane Doe | 18 November 2019", "Jane Doe, Reuters".
        if let cut = text.firstIndex(where: { $0 == "|" || $0 == "\n" || $0 == "•" || $0 == "·" || $0.isNumber }) {
            text = String(text[..<cut])
        }
        return text.trimmed.trimmingTrailing(",;:-–—")
    }

    private static func split(_ value: String) -> [String] {
        var parts = [value]
        for separator in [" and ", " & ", ", ", " und ", " et ", " y ", " e ", " và "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmed }.filter { !$0.isEmpty }
    }

    private static func isName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard name.utf8.count >= 3, name.utf8.count <= 60 else { return false }
        if lowered.contains("http") || lowered.contains("www.") || lowered.contains("@") || lowered.contains("/") { return false }
        if labels.contains(where: { lowered.contains($0) }) { return false }
        let words = name.split(separator: " ")
        guard words.count <= 5 else { return false }
        return name.contains { $0.isLetter }
    }
}

extension String {
    /// The string without any of `characters` (or spaces) at its end.
    func trimmingTrailing(_ characters: String) -> String {
        var text = Substring(self)
        while let last = text.last, characters.contains(last) || last == " " { text = text.dropLast() }
        return String(text)
    }
}
