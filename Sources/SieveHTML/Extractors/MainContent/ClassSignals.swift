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

    /// The words of every list, by first letter: one flat byte store and one range of entries per first
    /// byte, so matching a token touches no Swift array of arrays (this runs for every class token of a page).
    private struct Words {
        /// The words' bytes, one after another.
        var bytes: [UInt8] = []
        /// Per word: where its bytes start, its length, whether it matches as a prefix, its signal.
        var entries: [(start: Int32, length: Int32, prefix: Bool, signal: UInt8)] = []
        /// Per pair of first letters (`pair`): the range of its words in `entries`.
        var buckets = [Range<Int32>](repeating: 0..<0, count: 26 * 26)
    }

    /// The bucket of a token or word by its first two bytes, both ASCII letters in any case; nil otherwise
    /// (every word has two letters at least, so such a token matches none).
    @inline(__always) private static func pair(_ first: UInt8, _ second: UInt8) -> Int? {
        let first = first | 0x20, second = second | 0x20
        guard first >= 0x61, first <= 0x7A, second >= 0x61, second <= 0x7A else { return nil }
        return Int(first - 0x61) * 26 + Int(second - 0x61)
    }

    private static let words: Words = {
        var lists: [[(word: [UInt8], prefix: Bool, signal: Signal)]] = Array(repeating: [], count: 26 * 26)
        func add(_ words: [String], prefix: Bool, _ signal: Signal) {
            for word in words {
                let bytes = Array(word.utf8)
                guard bytes.count >= 2, let bucket = pair(bytes[0], bytes[1]) else {
                    preconditionFailure("class word \(word) does not open with two letters")
                }
                lists[bucket].append((bytes, prefix, signal))
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
        var words = Words()
        for bucket in lists.indices {
            let from = Int32(words.entries.count)
            for entry in lists[bucket] {
                words.entries.append((Int32(words.bytes.count), Int32(entry.word.count), entry.prefix, entry.signal.rawValue))
                words.bytes += entry.word
            }
            words.buckets[bucket] = from..<Int32(words.entries.count)
        }
        return words
    }()

    /// The signal of an element from its `class`, `id`, `role` and `itemprop`, in one pass over its attributes.
    static func signal(of node: xmlNodePtr) -> Signal {
        read(node).signal
    }

    /// The element's signal and whether its own markup hides it (`Visibility.isHidden`), in one pass over
    /// its attributes.
    static func read(_ node: xmlNodePtr) -> (signal: Signal, hidden: Bool) {
        var signal: Signal = []
        var hidden = false
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            if !hidden, Visibility.hides(current) {
                hidden = true
                continue
            }
            switch name[0] {
            case UInt8(ascii: "c") where xmlNode.equalsName(name, "class"):
                current.withValue { value in
                    signal.formUnion(scanClasses(value))
                    if !signal.contains(.negative), hasClass(value, "hidden") { signal.insert(.negative) }
                }
            case UInt8(ascii: "i") where xmlNode.equalsName(name, "id"):
                current.withValue { signal.formUnion(scan($0)) }
            case UInt8(ascii: "r") where xmlNode.equalsName(name, "role"):
                current.withValue { signal.formUnion(scan($0)) }
            case UInt8(ascii: "i") where xmlNode.equalsName(name, "itemprop"):
                if current.withValue({ ascii($0, equalsLowercase: "articlebody") }) { signal.insert(.articleBody) }
            default:
                break
            }
        }
        return (signal, hidden)
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
        guard name.count >= 4, firstWordInitials[Int(name[0] | 0x20)] else { return nil }
        for prefix in taxonomyPrefixes where name.count > prefix.count {
            if (0..<prefix.count).allSatisfy({ name[$0] | 0x20 == prefix[$0] }) { return prefix.count - 1 }
        }
        for part in componentParts where name.count == part.count {
            if (0..<part.count).allSatisfy({ name[$0] | 0x20 == part[$0] }) { return part.firstIndex(of: UInt8(ascii: "-")) }
        }
        return nil
    }

    /// The first letters of `taxonomyPrefixes` and `componentParts`: most class names open with none of them.
    private static let firstWordInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for word in taxonomyPrefixes + componentParts { initials[Int(word[0])] = true }
        return initials
    }()

    private static let taxonomyPrefixes = [Array("tag-".utf8), Array("category-".utf8)]
    private static let componentParts = ["card", "accordion", "modal", "panel", "media", "toast", "offcanvas", "popover"]
        .flatMap { [Array("\($0)-body".utf8), Array("\($0)-header".utf8)] }

    private static func isClassSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The signals of every token in an attribute value. A token is a run of ASCII letters and digits, cut
    /// before an upper-case letter that follows a lower-case one or a digit (camelCase); it is matched
    /// where it lies in `value`, ignoring case.
    static func scan(_ value: UnsafeBufferPointer<UInt8>) -> Signal {
        words.bytes.withUnsafeBufferPointer { bytes in
            words.entries.withUnsafeBufferPointer { entries in
                byteKinds.withUnsafeBufferPointer { kinds in
                    var signal: Signal = []
                    var afterElementor = false
                    var index = 0
                    let count = value.count
                    while true {
                        while index < count, kinds[Int(value[index])] == 0 { index += 1 }
                        guard index < count else { return signal }
                        // A token: letters and digits, up to an upper-case letter after a lower-case one or a digit.
                        let start = index
                        var previousLower = kinds[Int(value[index])] != upper
                        index += 1
                        while index < count {
                            let kind = kinds[Int(value[index])]
                            if kind == 0 || (kind == upper && previousLower) { break }
                            previousLower = kind != upper
                            index += 1
                        }
                        let token = UnsafeBufferPointer(rebasing: value[start..<index])
                        // Elementor, the most used WordPress page builder, names every block "elementor-widget-…":
                        // there "widget" says nothing about sidebars.
                        if !(afterElementor && token.count >= 6 && startsWith(token, "widget")) {
                            signal.formUnion(match(token, bytes, entries))
                        }
                        afterElementor = token.count == 9 && startsWith(token, "elementor")
                    }
                }
            }
        }
    }

    /// Byte kinds for `scan`: 0 separates tokens, `lower` for a-z, `upper` for A-Z, `digit` for 0-9.
    private static let byteKinds: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x61...0x7A: lower
        case 0x41...0x5A: upper
        case 0x30...0x39: digit
        default: 0
        }
    }
    private static let lower: UInt8 = 1, upper: UInt8 = 2, digit: UInt8 = 3

    /// The signals of one token (ASCII letters and digits, any case).
    private static func match(_ token: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>,
                              _ entries: UnsafeBufferPointer<(start: Int32, length: Int32, prefix: Bool, signal: UInt8)>) -> Signal {
        var signal: Signal = []
        guard token.count >= 2, let pair = pair(token[0], token[1]) else { return [] }
        let bucket = words.buckets[pair]
        var entryIndex = Int(bucket.lowerBound)
        let entryEnd = Int(bucket.upperBound)
        next: while entryIndex < entryEnd {
            let entry = entries[entryIndex]
            entryIndex += 1
            let length = Int(entry.length)
            guard entry.prefix ? token.count >= length : token.count == length else { continue }
            let start = Int(entry.start)
            // Letters and digits lowercase with `| 0x20` (digits have the bit set already).
            for offset in 2..<length where token[offset] | 0x20 != bytes[start + offset] { continue next }
            signal.insert(Signal(rawValue: entry.signal))
        }
        // "commentary" (and French "commentaire" columns) is an opinion article, not the comments.
        if signal.contains(.neverArticle), startsWith(token, "commentar") { signal.subtract([.neverArticle, .comments]) }
        return signal
    }

    /// Whether a token (ASCII letters and digits) starts with the lowercase `word`, ignoring case.
    @inline(__always) private static func startsWith(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard token.count >= length else { return false }
        let pointer = word.utf8Start
        for offset in 0..<length where token[offset] | 0x20 != pointer[offset] { return false }
        return true
    }

    /// Whether a class list holds `name` as a class of its own: `hidden` hides an element, but Drupal's
    /// `field--label-hidden` (every field of a Drupal page) and Bootstrap's `hidden-xs` do not. `name` is a
    /// lowercase ASCII class name; classes are separated by spaces, tabs and line feeds, and compared ignoring
    /// ASCII case.
    static func hasClass(_ value: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
            guard !name.isEmpty, value.count >= name.count, let base = value.baseAddress else { return false }
            // The name can only start where its first letter stands, in either case: libc's memchr finds those
            // places (this runs for the class list of every element; splitting it into classes cost 5
            // instructions a byte).
            func startsAClass(with first: UInt8) -> Bool {
                var from = 0
                while from <= value.count - name.count,
                      let found = memchr(base + from, Int32(first), value.count - name.count - from + 1) {
                    let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let end = start + name.count
                    if start == 0 || isListSeparator(value[start - 1]), end == value.count || isListSeparator(value[end]),
                       (0..<name.count).allSatisfy({ value[start + $0] | 0x20 == name[$0] }) {
                        return true
                    }
                    from = start + 1
                }
                return false
            }
            let first = name[0]
            return startsAClass(with: first) || (first & ~0x20 != first && startsAClass(with: first & ~0x20))
        }
    }

    /// The bytes `hasClass` separates classes with.
    @inline(__always) private static func isListSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }

    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>, equalsLowercase word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard bytes.count == expected.count else { return false }
            for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] { return false }
            return true
        }
    }
}
