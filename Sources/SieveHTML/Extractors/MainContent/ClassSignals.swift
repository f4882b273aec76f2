import CLibXML2
import Glibc

/// What an element's `class`, `id` and `role` say about it, as a secondary signal: words that site
/// builders use the world over for page chrome (nav, footer, share, related, comment, ad...) or for the
/// article itself (article, content, story, post...). Matching is on whole tokens (split on punctuation and
/// camelCase), by prefix for stems such as `comment` (comments, commentlist) and exactly for short words
/// such as `ad`, so `header` never matches `read` and `shadow` never matches `ad`.
enum ClassSignals {
    /// The signal of an element.
    struct Signal: OptionSet {
        let rawValue: UInt8
        /// Named like page chrome.
        static let negative = Signal(rawValue: 1)
        /// Named like the article body.
        static let positive = Signal(rawValue: 2)
        /// Marked up as the article body (`itemprop="articleBody"`).
        static let articleBody = Signal(rawValue: 4)
        /// Named like an article's lead (standfirst, teaser, intro, chapo, sapo...).
        static let lead = Signal(rawValue: 8)
        /// Named like what is never the article, whatever else the name says and however long it is:
        /// comments (`article-comments`, `disqus_thread`), cookie and consent notices. (Not `dialog`: Drupal
        /// wraps whole pages in `dialog-off-canvas-main-canvas`.)
        static let neverArticle = Signal(rawValue: 16)
        /// Named like a comment section or a comment (`comments`, `comment-list`, `disqus_thread`,
        /// `kommentare`).
        static let comments = Signal(rawValue: 32)
    }

    private struct Entry {
        let word: [UInt8]
        let prefix: Bool
        let signal: Signal
    }

    /// Chrome stems matched as token prefixes.
    static let negativeStems = [
        "nav", "menu", "footer", "comment", "share", "sharing", "social", "related", "promo", "sidebar",
        "breadcrumb", "cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "popup", "modal",
        "banner", "advert", "sponsor", "outbrain", "taboola", "widget", "recommend", "trending", "popular",
        "masthead", "toolbar", "pagination", "pager", "disqus", "byline", "author", "dateline", "timestamp",
        "follow", "login", "signin", "search", "skip", "teaser", "tags", "copyright", "rating", "print",
        "donat", "affiliate", "disclaim", "disclosure",
    ]
    /// Chrome words matched exactly.
    static let negativeWords = [
        "ad", "ads", "adv", "adslot", "cta", "bio", "tag", "meta", "date", "time", "header", "more", "rss", "tools", "rail",
        "aside", "extra", "email", "complementary", "contentinfo", "dialog", "alert",
        "caption", "credit", "credits", "gallery", "slider", "carousel", "video", "player",
    ]
    /// Article stems matched as token prefixes.
    static let positiveStems = ["article", "content", "story", "entry", "prose", "richtext", "blogpost"]
    /// Article words matched exactly.
    static let positiveWords = ["post", "body", "text", "main", "blog", "detail"]
    /// Lead stems matched as token prefixes: the paragraph between headline and body that news CMSs name
    /// teaser (TYPO3 news, German sites), chapo/chapeau (French), sapo (Vietnamese), standfirst (British),
    /// excerpt (WordPress), subtitle/subline/subhead.
    static let leadStems = ["teaser", "chapo", "chapeau", "sapo", "standfirst", "excerpt", "subtitle", "subline", "subhead"]
    /// Lead words matched exactly (`lead` alone, so `leaderboard` ad slots stay out).
    static let leadWords = ["lead", "lede", "leadtext", "intro", "introtext", "introduction", "summary", "abstract"]

    private static let table: [[Entry]] = {
        var table = [[Entry]](repeating: [], count: 256)
        func add(_ words: [String], prefix: Bool, _ signal: Signal) {
            for word in words {
                let bytes = Array(word.utf8)
                table[Int(bytes[0])].append(Entry(word: bytes, prefix: prefix, signal: signal))
            }
        }
        add(negativeStems, prefix: true, .negative)
        add(negativeWords, prefix: false, .negative)
        add(positiveStems, prefix: true, .positive)
        add(positiveWords, prefix: false, .positive)
        add(leadStems, prefix: true, .lead)
        add(leadWords, prefix: false, .lead)
        add(["comment", "disqus", "cookie", "consent", "gdpr"], prefix: true, .neverArticle)
        // German, Spanish/Portuguese and Polish plurals name comment sections too ("kommentare",
        // "comentarios"); the singular may be an opinion column ("Kommentar") and is left out.
        add(["comment", "disqus", "kommentare", "comentarios", "komentarze"], prefix: true, .comments)
        return table
    }()

    /// The signal of an element from its `class`, `id`, `role` and `itemprop`.
    static func signal(of node: xmlNodePtr) -> Signal {
        guard node.pointee.properties != nil else { return [] }
        var signal: Signal = []
        _ = node.withAttribute("class") { value in
            signal.formUnion(scanClasses(value))
            if hasClass(value, "hidden") { signal.insert(.negative) }
        }
        _ = node.withAttribute("id") { signal.formUnion(scan($0)) }
        _ = node.withAttribute("role") { signal.formUnion(scan($0)) }
        if node.withAttribute("itemprop", { ascii($0, equalsLowercase: "articlebody") }) == true {
            signal.insert(.articleBody)
        }
        return signal
    }

    /// The signals of a class list, reading only the first word of classes whose other words do not say what
    /// the element is: the taxonomy classes that WordPress's `post_class()` and Ghost write on every post
    /// (`tag-{slug}`, `category-{slug}`: "tag-comments" is a topic, not comments), and the parts of Bootstrap
    /// components (`card-body`, `accordion-header`, `modal-body`...: "body" there is no article body, "header"
    /// no page header).
    static func scanClasses(_ value: UnsafeBufferPointer<UInt8>) -> Signal {
        guard hasFirstWordClass(value) else { return scan(value) }
        var signal: Signal = []
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count, !isClassSeparator(value[end]) { end += 1 }
            let name = UnsafeBufferPointer(rebasing: value[start..<end])
            if let word = firstWordLength(name) {
                signal.formUnion(scan(UnsafeBufferPointer(rebasing: name[0..<word])))
            } else {
                signal.formUnion(scan(name))
            }
            start = end + 1
        }
        return signal
    }

    private static func hasFirstWordClass(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count, !isClassSeparator(value[end]) { end += 1 }
            if firstWordLength(UnsafeBufferPointer(rebasing: value[start..<end])) != nil { return true }
            start = end + 1
        }
        return false
    }

    /// The length of the first word when only it counts: `tag-{slug}`, `category-{slug}`, `{component}-body`,
    /// `{component}-header`.
    private static func firstWordLength(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard name.count >= 4 else { return nil }
        for prefix in taxonomyPrefixes where name.count > prefix.count {
            if (0..<prefix.count).allSatisfy({ name[$0] | 0x20 == prefix[$0] }) { return prefix.count - 1 }
        }
        for part in componentParts where name.count == part.count {
            if (0..<part.count).allSatisfy({ name[$0] | 0x20 == part[$0] }) { return part.firstIndex(of: UInt8(ascii: "-")) }
        }
        return nil
    }

    private static let taxonomyPrefixes = [Array("tag-".utf8), Array("category-".utf8)]
    private static let componentParts = ["card", "accordion", "modal", "panel", "media", "toast", "offcanvas", "popover"]
        .flatMap { [Array("\($0)-body".utf8), Array("\($0)-header".utf8)] }

    private static func isClassSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The signals of every token in an attribute value.
    static func scan(_ value: UnsafeBufferPointer<UInt8>) -> Signal {
        var signal: Signal = []
        var token: [UInt8] = []
        token.reserveCapacity(24)
        var previousLower = false
        var afterElementor = false
        var index = 0
        while index <= value.count {
            let byte: UInt8 = index < value.count ? value[index] : 0x20
            index += 1
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if (isUpper && previousLower) || !(isUpper || isLower || isDigit), !token.isEmpty {
                // Elementor, the most used WordPress page builder, names every block "elementor-widget-…":
                // there "widget" says nothing about sidebars.
                if !(afterElementor && token.count >= 6 && token.starts(with: widget)) { signal.formUnion(match(token)) }
                afterElementor = token.count == 9 && token == elementor
                token.removeAll(keepingCapacity: true)
            }
            if isUpper || isLower || isDigit { token.append(isUpper ? byte | 0x20 : byte) }
            previousLower = isLower || isDigit
        }
        return signal
    }

    private static let elementor = Array("elementor".utf8)
    private static let widget = Array("widget".utf8)

    private static func match(_ token: [UInt8]) -> Signal {
        guard let first = token.first else { return [] }
        var signal: Signal = []
        for entry in table[Int(first)] where token.count >= entry.word.count {
            if !entry.prefix, token.count != entry.word.count { continue }
            if token.starts(with: entry.word) { signal.insert(entry.signal) }
        }
        // "commentary" (and French "commentaire" columns) is an opinion article, not the comments.
        if signal.contains(.neverArticle), token.starts(with: commentar) { signal.subtract([.neverArticle, .comments]) }
        return signal
    }

    private static let commentar = Array("commentar".utf8)

    /// Whether a class list holds `name` as a class of its own: `hidden` hides an element, but Drupal's
    /// `field--label-hidden` (every field of a Drupal page) and Bootstrap's `hidden-xs` do not.
    static func hasClass(_ value: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
            var start = 0
            while start < value.count {
                var end = start
                while end < value.count, value[end] != 0x20, value[end] != 0x09, value[end] != 0x0A { end += 1 }
                if end - start == name.count, (0..<name.count).allSatisfy({ value[start + $0] | 0x20 == name[$0] }) {
                    return true
                }
                start = end + 1
            }
            return false
        }
    }

    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, equalsLowercase word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard bytes.count == expected.count else { return false }
            for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] { return false }
            return true
        }
    }
}
