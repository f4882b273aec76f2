import Foundation

/// The one title decision for an HTML page, used by `main-content` (to drop a heading that repeats it),
/// `metadata` and `title`.
///
/// ```
///  references: og:title, twitter:title, JSON-LD article headline   (entities decoded, a bare site name skipped)
///              <title> only when the page has none of these
///  headings:   visible <h1>s, then <h2>s                           (the headline readers see)
///
///  1. for each reference in that order, the <h1> or <h2> sharing the most words with it, or with a part of
///     it that is not the site name, and at least half of all (Jaccard; an <h1> first on a tie) → that
///     heading without a site-name part; when
///     the heading is the reference's wording plus a kicker, date or subtitle run into the same element
///     ("1. Februar 2022 Bundesministerin Raab: …"), the reference's wording
///  2. else og:title, twitter:title or the JSON-LD headline without its site-name part: an end part
///     (" | Site", " - Site", "Site: ") naming the site (og:site_name, the publisher, the host)
///  3. else the first visible <h1> that is not the site name
///  4. else <title> without its site-name part, failing that without its shorter end part
/// ```
/// Annotators and readers take the visible headline; og:title and JSON-LD are often a shortened or
/// search-engine variant of it, and `<title>` carries the site name.
///
/// Example: og:title "Plejaden, M45 - Abenteuer Astronomie", `<h1>Plejaden, M45</h1>` → "Plejaden, M45".
enum PageTitle {
    /// Separators between a title and the site name.
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]
    /// Separators around a part that names the site: also "Site: Title", "Title › Site", "Title ǀ Site".
    static let siteSeparators = separators + [" › ", " ǀ ", " : ", ": "]
    /// The least word overlap (Jaccard) for a heading to be the headline a reference names.
    static let matchThreshold = 0.5

    /// The title of a page; `host` is the page's host name when known.
    static func choose(page: PageSignals, data: JSONLD, site: String?, host: String?) -> String? {
        let names = SiteNames(keys: [site, data.publisher, page.first("og:site_name")].compactMap { $0 }, host: host)
        let social = [page.first("og:title"), page.first("twitter:title"), data.headline].compactMap { $0 }
            .map(clean).filter { !$0.isEmpty && !names.contains($0) }
        let pageTitle = page.title.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        let references = social.isEmpty ? [pageTitle].compactMap { $0 } : social
        // Each heading once: without a site-name part, with its words; headings naming the site are left out.
        var headings: [Heading] = []
        for heading in page.headings {
            let cleaned = clean(heading.text)
            let text = withoutSiteName(cleaned, names: names) ?? cleaned
            let words = TitleExtractor.words(text)
            if !words.isEmpty, !names.contains(text) { headings.append(Heading(level: heading.level, text: text, words: words)) }
        }
        for reference in references {
            if let heading = matchingHeading(headings, reference: reference, names: names) { return heading }
        }
        if let first = social.first { return withoutSiteName(first, names: names) ?? first }
        if let heading = page.headings.first(where: { $0.level == 1 && !names.contains($0.text) }) { return clean(heading.text) }
        guard let pageTitle else { return nil }
        return withoutSiteName(pageTitle, names: names) ?? withoutShorterEnd(pageTitle)
    }

    /// A visible heading, prepared for matching.
    struct Heading {
        let level: Int
        let text: String
        let words: Set<String>
    }

    /// The `<h1>` or `<h2>` best matching a reference, as described above.
    static func matchingHeading(_ headings: [Heading], reference: String, names: SiteNames) -> String? {
        let stripped = withoutSiteName(reference, names: names) ?? reference
        let variants = ([stripped] + parts(of: reference).filter { !names.contains($0) }).map { ($0, TitleExtractor.words($0)) }
        // The heading sharing the most words with a variant wins, then the closer match, an <h1> before an
        // <h2>, and page order.
        var best: (text: String, variant: String, shared: Int, score: Double, level: Int)?
        for heading in headings {
            for (variant, variantWords) in variants {
                let score = TitleExtractor.similarity(heading.words, variantWords)
                guard score >= matchThreshold else { continue }
                let shared = TitleExtractor.sharedCount(heading.words, variantWords)
                if let current = best, (current.shared, current.score, -current.level) >= (shared, score, -heading.level) { continue }
                best = (heading.text, variant, shared, score, heading.level)
            }
        }
        guard let best else { return nil }
        // The reference's wording with a kicker, date or subtitle run into the heading element.
        let heading = Lowercase.string(best.text), wording = Lowercase.string(best.variant)
        if heading.utf8.count > wording.utf8.count, wording.utf8.count >= 12,
           heading.hasSuffix(wording) || heading.hasPrefix(wording) {
            return best.variant
        }
        return best.text
    }

    /// The names a site goes by: og:site_name, the publisher, and its host.
    struct SiteNames {
        let keys: Set<String>
        let host: String
        /// The host's last label ("de").
        let domain: String

        init(keys: [String], host: String?) {
            self.keys = Set(keys.map(PageTitle.key).filter { !$0.isEmpty })
            self.host = host.map(PageTitle.hostLabel) ?? ""
            domain = host.flatMap { $0.split(separator: ".").last.map { $0.lowercased() } } ?? ""
        }

        /// Whether a text is exactly one of the site's names, or its host ("Hildesheimer Presse" on
        /// hildesheimer-presse.de, "FLVW.de" on flvw.de): the strict test for author names, which may
        /// resemble a blog's host ("Mady" on madymorrison.com).
        func names(_ text: String) -> Bool {
            let textKey = PageTitle.key(text)
            return keys.contains(textKey) || (host.utf8.count >= 3 && (textKey == host || textKey == host + domain))
        }

        /// Whether a text names the site: one of its names (give or take a domain ending, "Beige" for
        /// "Beige.de"), a piece of its host ("Falstaff" on falstaff.de), or the host with a prefix or a
        /// domain ending ("Aerobuzz.de", "Rezept von Backen.de").
        func contains(_ text: String) -> Bool {
            let textKey = PageTitle.key(text)
            guard !textKey.isEmpty else { return true }
            if keys.contains(textKey) { return true }
            guard textKey.utf8.count >= 4 else { return false }
            for name in keys where name.utf8.count >= 4 {
                if (name.hasPrefix(textKey) || textKey.hasPrefix(name)) && abs(name.utf8.count - textKey.utf8.count) <= 4 { return true }
            }
            guard host.utf8.count >= 4 else { return false }
            // Keys are letters and digits: a byte search finds what a search by characters finds.
            let textBytes = Array(textKey.utf8), hostBytes = Array(host.utf8)
            if ByteSearch.lastRange(of: textBytes, in: hostBytes) != nil { return true }
            guard let range = ByteSearch.lastRange(of: hostBytes, in: textBytes) else { return false }
            let after = textBytes.count - range.upperBound
            return after <= 3 && (range.lowerBound == 0 || textBytes.count <= hostBytes.count + 16)
        }
    }

    /// The reference without an end part naming the site, or nil when no end part does.
    static func withoutSiteName(_ title: String, names: SiteNames) -> String? {
        let held = siteSeparatorsHeld(in: title)
        for (index, separator) in siteSeparators.enumerated() where held & (1 << UInt32(index)) != 0 {
            var pieces = components(title, separator).map { $0.trimmed }
            var changed = false
            while pieces.count > 1, let last = pieces.last, names.contains(last) {
                pieces.removeLast()
                changed = true
            }
            while pieces.count > 1, let first = pieces.first, names.contains(first) {
                pieces.removeFirst()
                changed = true
            }
            if changed { return pieces.joined(separator: separator) }
        }
        return nil
    }

    /// A `<title>` less its shorter end part (the site name, most often): "Prices rise again :: Herald" →
    /// "Prices rise again".
    static func withoutShorterEnd(_ title: String) -> String {
        guard let separator = separators.first(where: { contains(title, $0) }) else { return title }
        let pieces = components(title, separator).map { $0.trimmed }.filter { !$0.isEmpty }
        guard let first = pieces.first, let last = pieces.last, pieces.count > 1 else { return pieces.first ?? title }
        return first.utf8.count < last.utf8.count ? pieces.dropFirst().joined(separator: separator)
            : pieces.dropLast().joined(separator: separator)
    }

    /// The pieces of a title split on its first separator, and the title less its first or last piece.
    static func parts(of title: String) -> [String] {
        guard let separator = separators.first(where: { contains(title, $0) }) else { return [] }
        let pieces = components(title, separator).map { $0.trimmed }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return [] }
        return pieces + [pieces.dropFirst().joined(separator: separator), pieces.dropLast().joined(separator: separator)]
    }

    /// Entities a page escaped twice decoded, whitespace collapsed.
    static func clean(_ text: String) -> String {
        MetadataExtractor.clean(EntityText.decoded(text))
    }

    /// Letters and digits only, lowercased: "Aerobuzz.de" → "aerobuzzde". ASCII text takes a byte path
    /// (the same result, without Unicode property look-ups: this runs for every heading of a page).
    static func key(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                let lower = ByteSearch.lower(byte)
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) { bytes.append(lower) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // `lowercased()` maps each scalar on its own (`lowercaseMapping`, no context): ASCII scalars are mapped
        // and kept by byte, the others through their mapping, without lowercasing the whole text first.
        // Kept as UTF-8 bytes: appending to a `String.UnicodeScalarView` cost about 400 instructions a scalar.
        var kept: [UInt8] = []
        kept.reserveCapacity(utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let lower = ByteSearch.lower(UInt8(scalar.value))
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) { kept.append(lower) }
                continue
            }
            for mapped in scalar.properties.lowercaseMapping.unicodeScalars
            where mapped.properties.isAlphabetic || ("0"..."9").contains(mapped) {
                kept.append(contentsOf: mapped.utf8)
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// `title.components(separatedBy: separator)`, by bytes when it can be (`ScalarSplit.components`).
    static func components(_ title: String, _ separator: String) -> [String] {
        ScalarSplit.components(title, separatedBy: separator) ?? title.components(separatedBy: separator)
    }

    /// Whether `text` holds the separator (fixed punctuation between spaces, so a byte match is the match;
    /// Foundation's `contains` cost a CFString search per heading and separator).
    static func contains(_ text: String, _ separator: String) -> Bool {
        var text = text, separator = separator
        return text.withUTF8 { haystack in
            separator.withUTF8 { pattern in
                guard !pattern.isEmpty, haystack.count >= pattern.count else { return false }
                var start = 0
                while start <= haystack.count - pattern.count {
                    var offset = 0
                    while offset < pattern.count, ByteSearch.lower(haystack[start + offset]) == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                    start += 1
                }
                return false
            }
        }
    }

    /// Which of `siteSeparators` the text holds (bit `i` for `siteSeparators[i]`), as `contains` tells, in one
    /// pass over the text: every heading of a page is checked against all of them.
    static func siteSeparatorsHeld(in text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { haystack in
            var held: UInt32 = 0
            for start in haystack.indices where siteSeparatorInitials[Int(ByteSearch.lower(haystack[start]))] {
                for (index, pattern) in siteSeparatorBytes.enumerated() where start + pattern.count <= haystack.count {
                    var offset = 0
                    while offset < pattern.count, ByteSearch.lower(haystack[start + offset]) == pattern[offset] { offset += 1 }
                    if offset == pattern.count { held |= 1 << UInt32(index) }
                }
            }
            return held
        }
    }

    private static let siteSeparatorBytes = siteSeparators.map { Array($0.utf8) }
    /// The first bytes of `siteSeparators` (a space, a colon): the text is compared only where one stands.
    private static let siteSeparatorInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for separator in siteSeparatorBytes { initials[Int(separator[0])] = true }
        return initials
    }()

    /// The longest label of the host but its last, as a key: "www.falstaff.de" → "falstaff",
    /// "bundeskanzleramt.gv.at" → "bundeskanzleramt".
    static func hostLabel(_ host: String) -> String {
        var labels = host.lowercased().split(separator: ".").map(String.init)
        if labels.count > 1 { labels.removeLast() }
        return key(labels.filter { $0 != "www" }.max { $0.utf8.count < $1.utf8.count } ?? "")
    }
}
