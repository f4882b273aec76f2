import Glibc
import SieveCore

/// The bytes handed to libxml2 for a page, made in one linear pass over the page's UTF-8 bytes that follows
/// libxml2 2.9.14's HTML tokenizer (HTMLparser.c: `htmlParseContentInternal`, `htmlParseStartTag`,
/// `htmlParseScript`, `htmlParseEndTag`, `htmlParseComment`, `htmlParsePI`, `htmlParseDocTypeDecl`).
///
/// - **Raw text left out.** The text of `<style>` elements and of `<script>` elements other than JSON-LD
///   (a `type` containing `ld+json`, ASCII case ignored, as `PageSignals` decides) is not handed over: libxml2
///   reads it one character at a time (41% of the bytes of the dev pages: about 0.3 ms of a 2.9 ms
///   conversion), and no stage reads it from the tree. Start and end tags stay, so libxml2 builds the tree of
///   the whole page without those text nodes. The texts of inline scripts (no `src`) are kept as byte ranges
///   of the input, with the script's place among the page's `<script>` start tags (`Prepared.scripts`), for
///   the one reader of them (`ScriptDates`, through `HTMLTree.elidedScriptTexts()`).
/// - **Attributes capped.** Start tags keep their first `attributeLimit` attributes: libxml2 2.9 checks each
///   new attribute against all the earlier ones, so one element with n attributes costs n²/2 comparisons
///   (10,000 attributes 0.3 s, 40,000 11 s, 200,000 450 s, and nothing can interrupt it).
/// - **Unread attributes left out** when the pipeline asks (`TreeAttributes.standard`): an attribute that
///   `HTMLReader.attributesRead` does not list is cut whole, name, `=` and value (a quarter of the dev pages'
///   attributes: most `data-*` and `aria-*`, `width`, `target`, `onclick`...). libxml2 2.9.14 builds no element by
///   its attributes, so the tree is the same less those attributes; the cap counts them still (an element keeps the
///   listed ones among its first `attributeLimit`); an `<a>` without `href` keeps the name of its first unread
///   attribute (a named anchor has no other). Only where the pass follows libxml2, as raw text.
/// - **Long attribute values left out.** A quoted value longer than `valueLimit` bytes with no `&` is handed
///   over as a marker, U+E000 and the value's number in decimal (`Prepared.values` keeps its range of the
///   input): libxml2 2.9.14 reads attribute values one character at a time with two calls a character
///   (`htmlParseHTMLAttribute`: `htmlCurrentChar`, `xmlNextChar`), a fifth of a conversion's instructions
///   on the dev pages (callgrind); the values hold half of what is left of the pages after the raw text.
///   `HTMLTree` resolves the markers in every attribute read of `Node.swift` (`attribute`, `withAttribute`,
///   `withValue`, `value`) and writes the values back into the tree before an XPath query.
///   `id` and `name` values stay (libxml2's ID table, read by XPath's `id()`, keeps what the parse saw).
///   Values are left out only when every marker-like value in the tree is one: not when the pass stopped
///   following libxml2, nor when a value kept opens with U+E000, written out or as a character reference.
/// - **Blank runs collapsed.** A run of three or more of libxml2's blanks (space, tab, LF, CR) between the
///   end of a start tag, an end tag or a comment and the next start tag, end tag, comment or the end of the
///   input is handed over as one character: a line feed when the run holds LF or CR, else a space (such runs
///   are 13% of what is left of the dev pages after the other cuts). libxml2 keeps or drops a blank text by
///   `areBlanks` (HTMLparser.c), which reads whether the text is all blanks, the next character and the
///   node's last child, never the text's length, so the tree keeps the same nodes, with one blank for many.
///   Runs stay where libxml2 could read them otherwise or the text is read verbatim: a run of
///   `blankRunLimit` bytes or more (`htmlParseCharDataInternal` hands text over in chunks of 1000 characters,
///   and the first chunk's next character is no `<`), a run holding a form feed (libxml2 drops that
///   character, so the run may make no text at all), inside `<pre>`, `<textarea>`, `<listing>`,
///   `<plaintext>` and `<xmp>` (from their start tag to a matching end tag), and from where such an element
///   holds a start tag libxml2 would not close at that end tag (`htmlEndPriority`: `div`, table parts,
///   `head`, `body`, `html`) to the end of the page. A run right after a tag libxml2 drops (a stray end tag)
///   joins the text before it, which then differs in that run only; readers collapse whitespace
///   (`TextBuffer`) outside `<pre>`.
/// - **Start tags counted**, so the parser can refuse a page with more elements than any real page has
///   before libxml2 builds a tree for it (see `HTMLTree.maximumElements`).
///
/// Raw text is left out only where the pass knows libxml2's state: a `<script>`/`<style>` start tag that
/// ends in `>` (not `/>`, not the end of the input) opens raw text up to the first `</script`/`</style`
/// (ASCII case ignored, as a prefix: `htmlParseScript` in recover mode), and that end tag must name the
/// element exactly. Where libxml2 would do something else (`</scriptx>` inside the text, raw text opening
/// with an end tag, a processing instruction or doctype name opening with a non-ASCII character, any NUL
/// byte), the pass stops leaving text out and hands the rest of the page over as it is; then no value and no
/// blank run of the page is left out either. Tags inside comments, processing instructions, doctype
/// literals, attribute values and raw text are not tags.
///
/// Cost: the page is copied once when anything is left out (memcpy of the kept bytes); with nothing to leave
/// out (no raw text, long value, blank run or over-long start tag) the input comes back unchanged, with no
/// copy. The pass with its copy took about 2% of the CPU of a conversion of the 581 speed pages (perf),
/// against 0.3 ms a page saved in libxml2; the blank runs add 0.2 M instructions a page to the pass and save
/// 0.46 M in libxml2 and 0.14 M in the stages that read text (callgrind, 145 pages). The input must be valid
/// UTF-8 (the `html` reader's decoder makes it so): on an invalid sequence libxml2 switches to Latin-1 for the
/// rest of the page, wherever that sequence sits.
///
/// Example: `<p a=1 b=2 c>x</p>\n  <script>go()</script> <style>p{}</style>` with a limit of 2 →
/// `<p a=1 b=2 >x</p>\n<script></script> <style></style>`, 3 start tags, one inline script (ordinal 0) whose text
/// `go()` is kept as a range; `<a href="https://example.com/a/long/path">` → `<a href="\u{E000}0">`, value 0
/// the range of the URL.
enum ParserInput {
    /// Attributes kept per element; beyond it libxml2's check costs more than any real page needs.
    static let attributeLimit = 128

    /// Quoted attribute values longer than this many bytes are left out of the parse (a marker is at most
    /// `markerMaximumLength` bytes; most `rel`, `type` and short `class` values stay in the tree).
    static let valueLimit = 24

    /// The first bytes of a left-out value's marker: U+E000, the first private-use character, in UTF-8.
    static let valueMarker: (UInt8, UInt8, UInt8) = (0xEE, 0x80, 0x80)

    /// The longest marker: U+E000 and a number of up to 10 digits.
    static let markerMaximumLength = 13

    /// Blank runs shorter than this stay: cutting one costs more than libxml2 spends on a byte or two.
    static let blankRunMinimum = 3

    /// Blank runs this long or longer stay (libxml2 2.9.14 `HTML_PARSER_BIG_BUFFER_SIZE`: past it, the first
    /// 1000 characters of a text are read as no blanks).
    static let blankRunLimit = 1000

    /// Elements whose blanks stay (HTML keeps whitespace in them; `pre` and `textarea` as the text shown).
    static let preservingNames: [StaticString] = ["pre", "textarea", "listing", "plaintext", "xmp"]

    /// Elements a misplaced `</pre>` (or another preserving element's end tag) does not close: their end
    /// priority is above the default 100 (`htmlEndPriority`, HTMLparser.c).
    static let highPriorityNames: [StaticString] = ["div", "td", "th", "tr", "thead", "tbody", "tfoot", "table", "head",
                                                    "body", "html"]

    /// An inline script's text left out of the parse: `ordinal` counts the page's `<script>` start tags
    /// (from 0, in page order; libxml2 makes one element of each), `range` is in the input's bytes.
    struct ElidedScript: Equatable {
        let ordinal: Int
        let range: Range<Int>
    }

    /// The result of the pass.
    struct Prepared {
        /// The bytes to parse.
        var bytes: [UInt8]
        /// The start tags of the page.
        var elements: Int
        /// The inline scripts (other than JSON-LD, without `src`) whose text was left out, in page order.
        var scripts: [ElidedScript]
        /// The attribute values left out, by number: ranges of the input.
        var values: [Range<Int>]
        /// Whether the pass followed libxml2 to the end of the page (else it stopped leaving text out where
        /// it could not be sure).
        var followed: Bool
    }

    /// Prepares `bytes` (UTF-8) for libxml2; with `elide` false only the cap and the count are made; with
    /// `attributes` `.standard` the attributes `HTMLReader.attributesRead` does not list are left out too.
    static func prepare(_ bytes: [UInt8], attributeLimit: Int = Self.attributeLimit, elide: Bool = true,
                        attributes: TreeAttributes = .all) -> Prepared {
        guard !bytes.isEmpty else { return Prepared(bytes: bytes, elements: 0, scripts: [], values: [], followed: elide) }
        var scanner = bytes.withUnsafeBufferPointer { buffer in
            // libxml2 ends its content loop at a NUL byte but reads one inside raw text as a space: not followed.
            let hasNul = memchr(buffer.baseAddress!, 0, buffer.count) != nil
            var scanner = Scanner(bytes: buffer, limit: attributeLimit, eliding: elide && !hasNul,
                                  dropping: elide && attributes == .standard)
            scanner.run()
            return scanner
        }
        if !scanner.eliding {
            // Values and blank runs stay for the whole page; raw text cut before the stop stays cut.
            scanner.cuts.removeAll { $0.value != -1 }
            scanner.values = []
        } else if scanner.markerLike, !scanner.values.isEmpty {
            scanner.cuts.removeAll { $0.value >= 0 }
            scanner.values = []
        }
        guard !scanner.cuts.isEmpty else {
            return Prepared(bytes: bytes, elements: scanner.elements, scripts: scanner.scripts, values: [], followed: scanner.eliding)
        }
        let cuts = scanner.cuts
        let capacity = bytes.count - cuts.reduce(0) { $0 + $1.range.count } + scanner.values.count * markerMaximumLength + cuts.count
        let output = bytes.withUnsafeBufferPointer { page in
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
                let source = page.baseAddress!, target = buffer.baseAddress!
                var copied = 0
                for cut in cuts {
                    let kept = cut.range.lowerBound - copied
                    memcpy(target + written, source + copied, kept)
                    written += kept
                    if cut.value >= 0 {
                        written += writeMarker(Int(cut.value), to: target + written)
                    } else if cut.value < -1 {
                        target[written] = UInt8(-cut.value)
                        written += 1
                    }
                    copied = cut.range.upperBound
                }
                memcpy(target + written, source + copied, page.count - copied)
                written += page.count - copied
            }
        }
        return Prepared(bytes: output, elements: scanner.elements, scripts: scanner.scripts, values: scanner.values,
                        followed: scanner.eliding)
    }

    /// Writes the marker of value `number` (U+E000, then the number in decimal) at `target`; its length.
    private static func writeMarker(_ number: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        (target[0], target[1], target[2]) = valueMarker
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        rest = number
        for offset in stride(from: 2 + digits, through: 3, by: -1) {
            target[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return 3 + digits
    }

    /// The number of the left-out value a marker names: U+E000 then decimal digits and nothing else, as
    /// `prepare` writes them; nil for any other value.
    static func markedValue(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard value.count > 3, value.count <= markerMaximumLength, (value[0], value[1], value[2]) == valueMarker else { return nil }
        var number = 0
        for byte in value[3...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }

    /// The text libxml2 would have made of raw text `bytes`, up to `limit` bytes: characters that are no XML
    /// characters (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) are dropped, as
    /// `htmlParseScript` drops them. No copy when the first `limit` bytes hold none.
    static func parsedText(_ bytes: ArraySlice<UInt8>, limit: Int) -> ArraySlice<UInt8> {
        let prefix = bytes.prefix(limit)
        guard prefix.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) else { return prefix }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex, output.count < limit {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                index += 1
            } else if byte == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output[...]
    }
}

/// The tokenizer of `ParserInput`: positions only, no tree.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let limit: Int
    /// Whether libxml2's state is known here, so raw text may still be left out.
    var eliding: Bool
    /// Whether attributes `HTMLReader.attributesRead` does not list are left out (while `eliding`).
    let dropping: Bool
    /// What is left out, in page order: raw text, capped and unread attributes (`value` -1), attribute values
    /// (`value` their number, a marker takes their place) and blank runs (`value` minus the byte that takes
    /// their place: -10 a line feed, -32 a space).
    var cuts: [(range: Range<Int>, value: Int32)] = []
    /// The ranges of the attribute values left out, by number.
    var values: [Range<Int>] = []
    /// Whether a value kept could read as a marker in the tree (see `ParserInput`).
    var markerLike = false
    var elements = 0
    var scripts: [ParserInput.ElidedScript] = []
    /// `<script>` start tags seen so far.
    var scriptTags = 0
    /// Open elements of each of `ParserInput.preservingNames` (start tags less matching end tags), and in all.
    var preserving = [0, 0, 0, 0, 0]
    var openPreserving = 0
    /// Whether blank runs may still be collapsed: off for good once a preserving element held a start tag
    /// its end tag would not close.
    var collapsing = true
    /// The end of the last start tag, named end tag or comment (where a blank run may open).
    var tagEnd = -1

    init(bytes: UnsafeBufferPointer<UInt8>, limit: Int, eliding: Bool, dropping: Bool) {
        self.bytes = bytes
        count = bytes.count
        self.limit = limit
        self.eliding = eliding
        self.dropping = dropping
    }

    /// The byte at `index`, or 0 past the end (libxml2's input ends in a NUL).
    @inline(__always) func byte(_ index: Int) -> UInt8 {
        index < count ? bytes[index] : 0
    }

    /// The index of the next `target` at or after `from`.
    @inline(__always) func find(_ target: UInt8, from: Int) -> Int? {
        guard from < count, let found = memchr(bytes.baseAddress! + from, Int32(target), count - from) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    mutating func run() {
        var index = prolog()
        while let next = find(UInt8(ascii: "<"), from: index) {
            if next - index >= ParserInput.blankRunMinimum, index == tagEnd, endsText(next) { blanks(index..<next) }
            index = markup(at: next)
        }
        if index == tagEnd { blanks(index..<count) }
    }

    /// Whether the `<` at `index` opens a start tag, a named end tag or a comment, which end libxml2's text
    /// with `<` as the next character.
    func endsText(_ index: Int) -> Bool {
        let next = byte(index + 1)
        return Self.isLetter(next) || (next == UInt8(ascii: "/") && Self.isNameStart(byte(index + 2))) || isComment(index)
    }

    /// A text `run` between markup: cut to one byte when it is blanks only and may be (see `ParserInput`).
    @inline(never) mutating func blanks(_ run: Range<Int>) {
        guard run.count >= ParserInput.blankRunMinimum, run.count < ParserInput.blankRunLimit, eliding, collapsing, openPreserving == 0 else { return }
        var newline = false
        for index in run {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                newline = true
            } else if byte != 0x20, byte != 0x09 {
                return
            }
        }
        cuts.append((run, newline ? -0x0A : -0x20))
    }

    /// `htmlParseDocument` before the content: blanks, comments and processing instructions, one doctype.
    mutating func prolog() -> Int {
        var index = skipBlanks(0)
        index = commentsAndInstructions(from: index)
        if isDoctype(index) { index = doctype(index) }
        return commentsAndInstructions(from: skipBlanks(index))
    }

    mutating func commentsAndInstructions(from start: Int) -> Int {
        var index = start
        while isComment(index) || isInstruction(index) {
            if isComment(index) { index = comment(index) }
            if isInstruction(index) { index = instruction(index) }
            index = skipBlanks(index)
        }
        return index
    }

    /// Past the markup opening with the `<` at `index`, in content (`htmlParseContentInternal`); `tagEnd` is
    /// set past a start tag, a named end tag or a comment.
    @inline(__always) mutating func markup(at index: Int) -> Int {
        let next = byte(index + 1)
        if next == UInt8(ascii: "/") {
            let tag = endTag(index)
            guard !tag.name.isEmpty else { return tag.end }
            if openPreserving > 0, let preserved = preservingIndex(tag.name), preserving[preserved] > 0 {
                preserving[preserved] -= 1
                openPreserving -= 1
            }
            tagEnd = tag.end
            return tag.end
        }
        if Self.isLetter(next) {
            tagEnd = startTag(index)
            return tagEnd
        }
        if next == UInt8(ascii: "?") { return instruction(index) }
        if isDoctype(index) {
            // A doctype in the content is followed in the same step by a comment, an instruction or a start
            // tag only: any other `<` (an end tag too) is text.
            let after = doctype(index)
            if byte(after) == UInt8(ascii: "<"), !isComment(after), byte(after + 1) != UInt8(ascii: "?"), !Self.isLetter(byte(after + 1)) {
                return after + 1
            }
            return after
        }
        if isComment(index) {
            tagEnd = comment(index)
            return tagEnd
        }
        return index + 1
    }

    /// The index in `ParserInput.preservingNames` of the element named `name`, if it is one of them.
    @inline(__always) func preservingIndex(_ name: Range<Int>) -> Int? {
        guard name.count >= 3, name.count <= 9 else { return nil }
        let first = bytes[name.lowerBound] | 0x20
        guard first == UInt8(ascii: "p") || first == UInt8(ascii: "t") || first == UInt8(ascii: "l") || first == UInt8(ascii: "x") else {
            return nil
        }
        return ParserInput.preservingNames.firstIndex { matches(name, $0) }
    }

    func isComment(_ index: Int) -> Bool {
        byte(index) == UInt8(ascii: "<") && byte(index + 1) == UInt8(ascii: "!") && byte(index + 2) == UInt8(ascii: "-")
            && byte(index + 3) == UInt8(ascii: "-")
    }

    func isInstruction(_ index: Int) -> Bool {
        byte(index) == UInt8(ascii: "<") && byte(index + 1) == UInt8(ascii: "?")
    }

    /// `<!DOCTYPE`, ASCII case ignored.
    func isDoctype(_ index: Int) -> Bool {
        byte(index) == UInt8(ascii: "<") && byte(index + 1) == UInt8(ascii: "!") && matches(index + 2, "doctype")
    }

    /// Past a comment: its first `-->` or `--!>` whose dashes follow `<!--`, or the end of the input.
    func comment(_ index: Int) -> Int {
        var from = index + 6
        while let close = find(UInt8(ascii: ">"), from: from) {
            if bytes[close - 1] == UInt8(ascii: "-"), bytes[close - 2] == UInt8(ascii: "-"), close - 2 >= index + 4 { return close + 1 }
            if bytes[close - 1] == UInt8(ascii: "!"), bytes[close - 2] == UInt8(ascii: "-"), bytes[close - 3] == UInt8(ascii: "-"),
               close - 3 >= index + 4 {
                return close + 1
            }
            from = close + 1
        }
        return count
    }

    /// Past a processing instruction: with a target name, up to its first `>`; without one, `<?` only.
    mutating func instruction(_ index: Int) -> Int {
        let first = byte(index + 2)
        if Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") {
            return find(UInt8(ascii: ">"), from: index + 2).map { $0 + 1 } ?? count
        }
        // Whether libxml2 takes a non-ASCII character as a name's start depends on its Unicode tables.
        if first >= 0x80 { eliding = false }
        return index + 2
    }

    /// Past a doctype: name, `SYSTEM`/`PUBLIC` literals (which may hold `>`), then the next `>`.
    mutating func doctype(_ index: Int) -> Int {
        var position = skipBlanks(index + 9)
        let first = byte(position)
        if Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") {
            position += 1
            while Self.isNameByte(byte(position)) { position += 1 }
            if byte(position) >= 0x80 { eliding = false }
        } else if first >= 0x80 {
            eliding = false
        }
        position = skipBlanks(position)
        if matches(position, "system") {
            position = literal(skipBlanks(position + 6))
        } else if matches(position, "public") {
            position = literal(skipBlanks(position + 6))
            position = literal(skipBlanks(position))
        }
        position = skipBlanks(position)
        if byte(position) != UInt8(ascii: ">") { position = find(UInt8(ascii: ">"), from: position) ?? count }
        return min(position + 1, count)
    }

    /// Past a quoted literal at `index` (to its closing quote, or the end); `index` itself when none opens.
    func literal(_ index: Int) -> Int {
        let quote = byte(index)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return index }
        return find(quote, from: index + 1).map { $0 + 1 } ?? count
    }

    /// An end tag at `index` (`</`): its name, and the index past it (its next `>`); without a name only
    /// `</` is read.
    @inline(__always) func endTag(_ index: Int) -> (name: Range<Int>, end: Int) {
        let start = index + 2
        guard Self.isNameStart(byte(start)) else { return (start..<start, start) }
        let end = htmlNameEnd(start)
        var position = skipBlanks(end)
        if byte(position) != UInt8(ascii: ">") { position = find(UInt8(ascii: ">"), from: position) ?? count }
        return (start..<end, min(position + 1, count))
    }

    /// Past a start tag at `index`, and past the raw text of a script or style element.
    mutating func startTag(_ index: Int) -> Int {
        elements += 1
        let nameStart = index + 1
        let nameEnd = htmlNameEnd(nameStart)
        let isScript = matches(nameStart..<nameEnd, "script")
        let name: StaticString? = isScript ? "script" : matches(nameStart..<nameEnd, "style") ? "style" : nil
        let preserved = preservingIndex(nameStart..<nameEnd)
        if openPreserving > 0, collapsing, ParserInput.highPriorityNames.contains(where: { matches(nameStart..<nameEnd, $0) }) { collapsing = false }
        var position = skipBlanks(nameEnd)
        var attributes = 0
        var cutStart: Int?
        var type: Range<Int>?
        var typeSeen = false
        var hasSource = false
        // An `<a>` without `href` whose only attributes are `name` and `id` is a named anchor, not a link
        // (`NodeTable.isNamedAnchor`): such an element keeps the name of its first unread attribute.
        let isAnchor = nameEnd - nameStart == 1 && bytes[nameStart] | 0x20 == UInt8(ascii: "a")
        var hasReference = false
        var firstUnread: (cut: Int, nameEnd: Int)?
        while position < count, bytes[position] != UInt8(ascii: ">"), !isEmptyTagEnd(position) {
            if Self.isNameStart(bytes[position]) {
                let attributeStart = position
                let attributeEnd = htmlNameEnd(position)
                attributes += 1
                if attributes == limit + 1 { cutStart = attributeStart }
                // An attribute left out is cut whole, name to the end of its value, like a capped one.
                let unread = dropping && eliding && attributes <= limit && !ParserInput.isRead(bytes, attributeStart..<attributeEnd)
                var value: Range<Int>?
                position = skipBlanks(attributeEnd)
                if byte(position) == UInt8(ascii: "=") {
                    position = skipBlanks(position + 1)
                    let quote = byte(position)
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        let close = find(quote, from: position + 1) ?? count
                        value = (position + 1)..<close
                        if attributes <= limit, !unread {
                            quotedValue((position + 1)..<close, named: attributeStart..<attributeEnd, closed: close < count)
                        }
                        position = min(close + 1, count)
                    } else {
                        let valueStart = position
                        while position < count, !Self.isBlank(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = valueStart..<position
                        if attributes <= limit, !unread { kept(valueStart..<position) }
                    }
                }
                if unread {
                    if isAnchor, firstUnread == nil { firstUnread = (cuts.count, attributeEnd) }
                    cuts.append((attributeStart..<position, -1))
                } else if isAnchor, attributes <= limit, matches(attributeStart..<attributeEnd, "href") {
                    hasReference = true
                }
                if isScript, attributes <= limit {
                    if !typeSeen, matches(attributeStart..<attributeEnd, "type") {
                        typeSeen = true
                        type = value
                    } else if matches(attributeStart..<attributeEnd, "src") {
                        hasSource = true
                    }
                }
            } else {
                // No attribute name: libxml2 drops the bytes up to a blank or the tag's end.
                while position < count, !Self.isBlank(bytes[position]), bytes[position] != UInt8(ascii: ">"), !isEmptyTagEnd(position) {
                    position += 1
                }
            }
            position = skipBlanks(position)
        }
        if let firstUnread, !hasReference {
            cuts[firstUnread.cut].range = firstUnread.nameEnd..<cuts[firstUnread.cut].range.upperBound
        }
        if let cutStart { cuts.append((cutStart..<min(position, count), -1)) }
        if isScript { scriptTags += 1 }
        // Only a tag ending in `>` opens raw text; `/>` closes the element at once, the end of input drops it.
        guard position < count else { return count }
        guard bytes[position] == UInt8(ascii: ">") else { return position + 2 }
        if let preserved {
            preserving[preserved] += 1
            openPreserving += 1
        }
        guard let name else { return position + 1 }
        var leftOut = true
        if isScript, let type {
            // An entity in the type could spell `ld+json` once decoded: the text stays then.
            leftOut = !Self.contains(bytes, type, UInt8(ascii: "&")) && !Self.containsIgnoringCase(bytes, type, "ld+json")
        }
        return rawText(from: position + 1, name: name, isScript: isScript, leftOut: leftOut, recorded: isScript && !hasSource)
    }

    /// Past the raw text of the script or style element `name` starting at `start`, and past its end tag.
    /// `leftOut`: the text is cut; `recorded`: its range is kept.
    mutating func rawText(from start: Int, name: StaticString, isScript: Bool, leftOut: Bool, recorded: Bool) -> Int {
        guard start < count else { return count }
        // libxml2 looks at the text's first bytes as markup before reading it as raw text.
        if bytes[start] == UInt8(ascii: "<") {
            let next = byte(start + 1)
            if next == UInt8(ascii: "/") {
                let tag = endTag(start)
                if matches(tag.name, name) { return tag.end }
                eliding = false
                return skipRawText(from: start, name: name)
            }
            if Self.isLetter(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") {
                // A start tag that closes the element (`htmlStartClose`): the element holds no text.
                var end = start + 1
                while end - start - 1 < 100, Self.isNameByte(byte(end)), byte(end) != UInt8(ascii: ".") { end += 1 }
                let opened = (start + 1)..<end
                let closes = isScript ? matches(opened, "noscript")
                    : matches(opened, "body") || matches(opened, "frameset")
                if closes { return start }
            }
        }
        guard let closer = closer(from: start, name: name) else {
            // Unclosed: libxml2 reads raw text to the end of the input.
            leave(start..<count, leftOut: leftOut, recorded: recorded)
            return count
        }
        let tag = endTag(closer)
        guard matches(tag.name, name) else {
            // `</scriptx>`: libxml2 drops that end tag and reads on as raw text.
            eliding = false
            return skipRawText(from: start, name: name)
        }
        leave(start..<closer, leftOut: leftOut, recorded: recorded)
        return tag.end
    }

    /// A quoted attribute value (quotes excluded): left out when it is long, closed (libxml2 keeps an unclosed
    /// value up to the end of the input), no identifier's and holds no `&`; else kept.
    mutating func quotedValue(_ value: Range<Int>, named name: Range<Int>, closed: Bool) {
        guard eliding, closed, value.count > ParserInput.valueLimit, !isIdentifier(name),
              memchr(bytes.baseAddress! + value.lowerBound, Int32(UInt8(ascii: "&")), value.count) == nil else {
            kept(value)
            return
        }
        cuts.append((value, Int32(values.count)))
        values.append(value)
    }

    /// Whether an attribute's value goes into libxml2's ID table (`xmlIsID` on an HTML page: `id`, and `name`,
    /// which it registers for `<a>`): the table keeps the value it saw, so XPath's `id()` needs the real one.
    func isIdentifier(_ name: Range<Int>) -> Bool {
        matches(name, "id") || matches(name, "name")
    }

    /// A value handed to libxml2 as it is: whether the tree could hold it as something that reads as a marker,
    /// U+E000 at its start, written out or as a numeric character reference (no named HTML 4 entity is a
    /// private-use character).
    mutating func kept(_ value: Range<Int>) {
        guard let first = value.first else { return }
        if value.count >= 3, (bytes[first], bytes[first + 1], bytes[first + 2]) == ParserInput.valueMarker { markerLike = true }
        if bytes[first] == UInt8(ascii: "&"), byte(first + 1) == UInt8(ascii: "#"), characterReference(value) == 0xE000 {
            markerLike = true
        }
    }

    /// The code point of the numeric character reference opening `value` (`&#57344;`, `&#xE000;`), capped
    /// above 0x10FFFF.
    func characterReference(_ value: Range<Int>) -> Int {
        var index = value.lowerBound + 2
        let hex = index < value.upperBound && bytes[index] | 0x20 == UInt8(ascii: "x")
        if hex { index += 1 }
        var code = 0
        while index < value.upperBound, code <= 0x10FFFF {
            let digit = bytes[index]
            if digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                code = code * (hex ? 16 : 10) + Int(digit - UInt8(ascii: "0"))
            } else if hex, digit | 0x20 >= UInt8(ascii: "a"), digit | 0x20 <= UInt8(ascii: "f") {
                code = code * 16 + Int(digit | 0x20 - UInt8(ascii: "a")) + 10
            } else {
                break
            }
            index += 1
        }
        return code
    }

    mutating func leave(_ text: Range<Int>, leftOut: Bool, recorded: Bool) {
        guard eliding, leftOut, !text.isEmpty else { return }
        cuts.append((text, -1))
        if recorded { scripts.append(ParserInput.ElidedScript(ordinal: scriptTags - 1, range: text)) }
    }

    /// Past the first end tag naming the element exactly (for the cap and the count only, once `eliding`
    /// is off).
    func skipRawText(from start: Int, name: StaticString) -> Int {
        var from = start
        while let closer = closer(from: from, name: name) {
            let tag = endTag(closer)
            if matches(tag.name, name) { return tag.end }
            from = closer + 2
        }
        return count
    }

    /// The first `</` followed by `name` (ASCII case ignored, as a prefix) at or after `start`.
    func closer(from start: Int, name: StaticString) -> Int? {
        let length = name.utf8CodeUnitCount
        var from = start
        while let open = find(UInt8(ascii: "<"), from: from) {
            if byte(open + 1) == UInt8(ascii: "/"), open + 2 + length <= count, matches(open + 2, name) { return open }
            from = open + 1
        }
        return nil
    }

    /// The end of an HTML name starting at `start` (`htmlParseHTMLName`: at most 100 name bytes).
    func htmlNameEnd(_ start: Int) -> Int {
        var end = start
        while end - start < 100, Self.isNameByte(byte(end)) { end += 1 }
        return end
    }

    func isEmptyTagEnd(_ index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "/") && byte(index + 1) == UInt8(ascii: ">")
    }

    func skipBlanks(_ start: Int) -> Int {
        var index = start
        while Self.isBlank(byte(index)) { index += 1 }
        return index
    }

    /// Whether the bytes at `start` are the lowercase ASCII `word`, ASCII case ignored (a prefix match).
    func matches(_ start: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard start + length <= count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<length where bytes[start + offset] | 0x20 != pointer[offset] { return false }
        return true
    }

    /// Whether `range` holds exactly the lowercase ASCII `word`, ASCII case ignored.
    func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
        ParserInput.equalsLowercase(bytes, range, word)
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ target: UInt8) -> Bool {
        range.contains { bytes[$0] == target }
    }

    /// Whether the lowercase ASCII `word` occurs in `range`, ASCII case ignored (as `PageSignals.contains`).
    static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        PageSignals.contains(UnsafeBufferPointer(rebasing: bytes[range]), word)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// A byte that may open an HTML name: a letter, `_`, `:` or `.`.
    static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// A byte of an HTML name: a letter, a digit, `:`, `-`, `_` or `.`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// libxml2's blanks: space, tab, line feed, carriage return (not form feed).
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
