import Foundation

/// Picks author names: JSON-LD authors, then `<meta name="author">` and its kin (with Yoast's
/// `twitter:label1` "Written by" / `twitter:data1`), then `itemprop="author"`, then `rel="author"` links,
/// then the short text of the first element named like a byline that holds a name, then a line opening with
/// a byline label ("Von Claudia Lindner", "Auteur : Kossivi Tiassou"). A name from metadata
/// counts only when the page's text shows it.
///
/// Each value is cleaned the way bylines are written: a leading "By" / "Von" / "Veröffentlicht von" /
/// "Autor:" (and their common translations) is stripped; the text is cut where the date or a separator
/// begins ("Jane Doe | 18 November 2019", "Jörg Staff am 3. Mai", "CBS News February 2"); "A and B",
/// "A, B" are split, and a part that is a job title ("Senior Reporter", "PhD") is left out; a value with a digit
/// inside a word ("mix1.de Redaktion") is a handle or domain and is dropped; "Posted on DATE by NAME" gives NAME. Dropped: the site
/// name (og:site_name, or the host: "Hildesheimer Presse" on hildesheimer-presse.de, "Diakonie Deutschland" on
/// diakonie.de, see `SiteWords`), names shown only in hidden elements, URLs, e-mail addresses, link labels such as "Email the author", organizations by their legal form
/// ("wegewerk GmbH", "Bundesverband e.V.") and placeholders ("admin", "publisher", "Redaktion").
enum AuthorNames {
    /// Leading labels of a byline, lowercase, longest first where one is the start of another.
    private static let prefixes = [
        "veröffentlicht von", "eingestellt von", "geschrieben von", "gespeichert von", "erstellt von", "verfasst von",
        "ein beitrag von", "ein artikel von", "ein interview von", "text und fotos von", "text von", "recipe by", "posted by", "written by", "published by",
        "by ", "von: ", "von ", "vom ", "par ", "por ", "di ", "door ", "av ", "bởi ", "tác giả:", "author:", "autor:", "autorin:",
        "auteur :", "auteur:", "autor :", "text:", "texto:", "redacción:",
    ]
    private static let labels = ["email", "e-mail", "follow", "contact", "twitter", "facebook", "more from", "view all",
                                 "all posts", "articles by", "profile", "posted", "published", "updated", "copyright", "©",
                                 "no author", "unknown"]
    /// Words that end a name when they follow it: a date or place is coming ("am", "on", "le"), or a label.
    private static let trailingWords: Set<String> = ["am", "um", "on", "at", "le", "el", "den", "vom", "stand", "vor",
                                                     "more", "posts", "mo", "di", "mi", "do", "fr", "sa", "so", "|", "-", "–", "—"]
    /// Words after which a name never goes on: a date or a label follows ("Fabian am Dienstag", "Jane Doe on").
    private static let cutWords: Set<String> = ["am", "um", "on", "stand"]
    /// Openings of a dateline that names the author after the date: "Posted on September 21, 2020 by Adi Tzlil"
    /// (the `_s` starter theme's byline, used by most WordPress themes), "Veröffentlicht am 3. Mai von Jörg Staff".
    private static let datedOpenings = ["posted on ", "published on ", "veröffentlicht am ", "erstellt am "]
    /// Labels that are left alone when a byline is taken apart ("Por", "Text", "Mehr").
    private static let labelWords: Set<String> = ["by", "von", "vom", "por", "par", "vor", "mehr", "more", "link", "text",
                                                  "fr", "autor", "author", "auteur", "foto", "photo", "bild"]
    /// Quotation marks left around a name.
    private static let quotes: Set<Character> = ["'", "\"", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{201E}"]
    /// Words that make a part a job title or degree, not a name.
    private static let roleWords: Set<String> = [
        "reporter", "editor", "correspondent", "writer", "columnist", "contributor", "journalist", "photographer",
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "experte", "expertin", "chefredakteur",
        "phd", "ph.d.", "md", "senior", "freelance", "autor", "autorin",
    ]
    /// Legal forms and words that name an organization or a placeholder, not a person.
    private static let organizationWords: Set<String> = [
        "gmbh", "ag", "e.v.", "ev", "ltd", "ltd.", "inc", "inc.", "llc", "corp", "corp.", "s.a.", "kg", "ug", "mbh",
        "publisher", "admin", "administrator", "webmaster",
    ]

    /// The authors of a page.
    static func pick(jsonLD: [String], page: PageSignals, site: String?, host: String? = nil) -> [String] {
        let siteNames = SiteWords(keys: [site, page.first("og:site_name")].compactMap { $0 }, host: host)
        var metaNames = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                         "byl", "twitter:creator"].flatMap { page.meta[$0] ?? [] }
        if let label = page.first("twitter:label1")?.lowercased(), ["written by", "geschrieben von", "verfasst von",
            "escrito por", "écrit par", "scritto da", "geschreven door"].contains(label), let name = page.first("twitter:data1") {
            metaNames.append(name)
        }
        // Annotators and readers name the author the page shows: a name only the metadata holds (a CMS user
        // such as "vpohl", a Yoast person no byline mentions) is left out.
        var shown: [UInt8]?
        func isShown(_ name: String) -> Bool {
            if shown == nil { shown = folded(page.text) }
            let needle = name.utf8.map(ByteSearch.lower)
            return needle.isEmpty || ByteSearch.firstRange(of: needle, in: shown!) != nil
        }
        for source in [jsonLD, metaNames, page.itemprops["author"] ?? [], page.authorLinks] {
            let names = clean(source, site: site).filter { isShown($0) && !siteNames.holds($0) }
            if !names.isEmpty { return names }
        }
        // The first byline element naming someone is the article's; later ones belong to comments and teasers.
        if let names = page.bylines.lazy.map({ clean([$0], site: site).filter { !siteNames.holds($0) } }).first(where: { !$0.isEmpty }) { return names }
        // A line opening with a byline label ("Von Claudia Lindner"): names written as names, capitalized.
        return page.labelledBylines.lazy.map { clean([$0], site: site).filter { isCapitalized($0) && !siteNames.holds($0) } }.first { !$0.isEmpty } ?? []
    }

    /// The site's names as an author could spell them: a name is the site's when it is one of the site's names
    /// or its host (see `PageTitle.SiteNames.names`), or when consecutive words of it spell, accents aside,
    /// the host's name (its label before the domain ending) or a whole site name: the organization behind the
    /// site named as author ("Diakonie Deutschland" on diakonie.de, "Betty Crocker Kitchens" on
    /// bettycrocker.com, "hejfish" on fischerhuette.hejfish.com, "La República" on larepublica.pe). A byline
    /// naming the site's editorial team ("Redaktion Polizeiticker Schweiz") is an author all the same.
    struct SiteWords {
        let names: PageTitle.SiteNames
        /// Folded site names and host labels (at least 4 letters; not "www" or the domain ending).
        let spellings: Set<String>

        init(keys: [String], host: String?) {
            names = PageTitle.SiteNames(keys: keys, host: host)
            // The label before the domain ending names the site; the ones before it may name a user of a blog
            // host ("creeny.wordpress.com").
            let labels = host?.lowercased().split(separator: ".").map(String.init) ?? []
            let owner = labels.count > 1 ? [labels[labels.count - 2]] : []
            spellings = Set((keys + owner).map(SiteWords.folded).filter { $0.utf8.count >= 4 })
        }

        /// Whether a name is the site's (see the type).
        func holds(_ name: String) -> Bool {
            if names.names(name) { return true }
            guard !spellings.isEmpty, !AuthorNames.namesEditors(name) else { return false }
            let words = name.split(separator: " ").map { SiteWords.folded(String($0)) }
            for start in words.indices {
                var joined = ""
                for word in words[start...].prefix(4) {
                    joined += word
                    if spellings.contains(joined) { return true }
                }
            }
            return false
        }

        /// Lowercased letters and digits with accents removed ("LaRepública.pe" → "larepublicape").
        static func folded(_ text: String) -> String {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return PageTitle.key(text) }
            return PageTitle.key(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
        }
    }

    /// Openings of a byline naming a site's editorial team ("Redaktion Gelbe Liste", "Redacción Diario Pagina
    /// Siete"): readers and annotators take the team as the author, site name included.
    private static let editorOpenings = ["redaktion ", "die redaktion ", "redacción ", "redaccion ", "rédaction ",
                                         "redazione ", "redactie ", "team "]

    /// Whether a name opens by naming an editorial team.
    static func namesEditors(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return editorOpenings.contains { lowered.hasPrefix($0) }
    }

    /// Whether every word of a name opens with a capital ("Kossivi Tiassou", "J.R. Stone").
    private static func isCapitalized(_ name: String) -> Bool {
        name.split(separator: " ").allSatisfy { $0.first?.isUppercase == true }
    }

    /// Text with ASCII capitals lowered and runs of whitespace (no-break spaces included) made one space,
    /// none at either end.
    private static func folded(_ text: [UInt8]) -> [UInt8] {
        // Written into uninitialized storage (the result is never longer than the text), a byte's folding
        // read from `foldedBytes`: this runs over the whole page text.
        text.withUnsafeBufferPointer { text in
            foldedBytes.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: text.count) { result, count in
                    count = 0
                    var index = 0
                    var space = false
                    while index < text.count {
                        let byte = text[index]
                        let folded = table[Int(byte)]
                        if folded == spaceMark, byte != spaceMark {
                            space = true
                        } else if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 {
                            space = true
                            index += 1
                        } else {
                            if space, count > 0 {
                                result[count] = 0x20
                                count += 1
                            }
                            space = false
                            result[count] = folded
                            count += 1
                        }
                        index += 1
                    }
                }
            }
        }
    }

    /// Per byte: `spaceMark` for a space, tab, line feed or carriage return, else the byte with ASCII capitals
    /// lowered. (0xFF, which UTF-8 never holds, marks the spaces; the byte itself is checked all the same.)
    private static let spaceMark: UInt8 = 0xFF
    private static let foldedBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D: spaceMark
        default: ByteSearch.lower(UInt8(byte))
        }
    }

    /// Cleaned, split and de-duplicated names.
    static func clean(_ raw: [String], site: String?) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        let siteKey = site?.lowercased().trimmed
        for value in raw {
            for name in split(strip(EntityText.decoded(value))) {
                let key = Lowercase.string(name)
                guard isName(name), key != siteKey, seen.insert(key).inserted else { continue }
                result.append(name)
            }
        }
        return result
    }

    private static func strip(_ value: String) -> String {
        var text = MetadataExtractor.clean(value)
        let opening = Lowercase.string(text)
        if datedOpenings.contains(where: { opening.hasPrefix($0) }),
           let label = text.range(of: " by ", options: [.caseInsensitive, .backwards])
               ?? text.range(of: " von ", options: [.caseInsensitive, .backwards]) {
            text = String(text[label.upperBound...])
        }
        var stripped = true
        while stripped {
            stripped = false
            let lowered = Lowercase.string(text)
            for prefix in prefixes where lowered.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmed
                stripped = true
                break
            }
        }
        // A byline often runs on into the date or a role: "Jane Doe | 18 November 2019", "Jane Doe, Reuters".
        if let cut = text.firstIndex(where: { $0 == "|" || $0 == "\n" || $0 == "•" || $0 == "·" || $0.isNumber }) {
            // A digit inside a word ("mix1.de Redaktion", "user42") makes a handle or a domain, not a name.
            if text[cut].isNumber, cut > text.startIndex, text[text.index(before: cut)].isLetter { return "" }
            text = String(text[..<cut])
        }
        // "CBS News February", "Jörg Staff am", "Sara Zinnecker Stand": the words after the name.
        var words = text.split(separator: " ").map(String.init)
        if let month = words.indices.dropFirst().first(where: { isMonthName(words[$0]) }) { words = Array(words[..<month]) }
        if let cut = words.indices.dropFirst().first(where: { cutWords.contains(Lowercase.string(words[$0])) }) { words = Array(words[..<cut]) }
        while let last = words.last, words.count > 1, trailingWords.contains(Lowercase.string(last).trimmingTrailing(",;:.")) {
            words.removeLast()
        }
        return words.joined(separator: " ").trimmed.trimmingTrailing(",;:-–—")
    }

    private static func isMonthName(_ word: String) -> Bool {
        let bytes = Array(Lowercase.string(word).trimmingTrailing(",.").utf8)
        guard let (_, length) = MonthNames.match(bytes, 0) else { return false }
        return length == bytes.count && length >= 3
    }

    private static func split(_ value: String) -> [String] {
        var parts = [value]
        for separator in [" and ", " & ", ", ", "; ", " / ", " und ", " et ", " y ", " e ", " và "] {
            parts = parts.flatMap { PageTitle.components($0, separator) }
        }
        return parts.map { part in
            var name = Substring(part.trimmed.trimmingTrailing(",;:-–—"))
            while let first = name.first, quotes.contains(first) { name = name.dropFirst() }
            while let last = name.last, quotes.contains(last) { name = name.dropLast() }
            return String(name).trimmed
        }.filter { !$0.isEmpty }
    }

    private static func isName(_ name: String) -> Bool {
        let lowered = Lowercase.string(name)
        guard name.utf8.count >= 2, name.utf8.count <= 60 else { return false }
        // A sentence (a headline in an element named "author"), an address or a link label is not a name.
        if holdsAny(lowered, rejected) { return false }
        // The picture credit after the writer's name: "Text: Anna Weber, Fotos: Tom Li".
        if lowered.contains(":"), MainContentExtractor.hasCreditLabel(lowered) { return false }
        let words = lowered.split(separator: " ").map(String.init)
        guard words.count <= 5 else { return false }
        if words.contains(where: { organizationWords.contains($0) || roleWords.contains($0) }) { return false }
        if words.count == 1, labelWords.contains(lowered) { return false }
        return name.contains { $0.isLetter }
    }

    /// What a name never holds: the marks of a sentence or an address, and `labels`.
    private static let rejected = (["http", "www.", "@", "/", "!", "?"] + labels).map { ($0, Array($0.utf8)) }

    /// Whether `text` holds one of `needles` (`needles.contains { text.contains($0) }`), by bytes when the text
    /// is ASCII: there each Character is one byte (but CR LF, and no needle holds CR or LF), so a byte match is
    /// a match of Characters. The search by Characters cost about 5,000 instructions a needle.
    private static func holdsAny(_ text: String, _ needles: [(string: String, bytes: [UInt8])]) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return needles.contains { text.contains($0.string) } }
        let bytes = Array(text.utf8)
        return needles.contains { ByteSearch.firstRange(of: $0.bytes, in: bytes) != nil }
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
