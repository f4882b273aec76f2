import CLibXML2
import CXMLArena
import SieveCore

/// A parsed HTML page: owns the libxml2 document and frees it when the last reference goes.
///
/// The tree is built once by the `html` reader and only read afterwards (walks, attribute lookups, XPath),
/// which libxml2 allows from any thread; that is why the class can be `@unchecked Sendable`. Nothing
/// mutates the tree after `init`.
///
/// The text of `<style>` elements and of `<script>` elements other than JSON-LD is not in the tree: it is
/// left out before the parse (`ParserInput`), the elements stay. The text of inline scripts is kept as bytes
/// of the page: `elidedScriptTexts()`. Long attribute values are left out too, a marker in their place: read
/// attributes through `Node.swift`'s accessors (`attribute`, `withAttribute`, an `xmlAttr`'s `value` and
/// `withValue`), which give the page's value; a stage reading an attribute's libxml2 text node itself finds
/// the marker. `XPath` writes the values back before its first query (the one change made to the tree).
///
/// The tree's memory comes from an arena of its own (`CXMLArena`): libxml2's allocations during the parse
/// (and `restoreElidedValues`) are carved from it, its frees cost nothing, and the tree goes with the arena
/// in one step, without xmlFreeDoc's walk of every node. Without a free arena the tree is made with malloc.
public final class HTMLTree: @unchecked Sendable {
    /// The libxml2 document.
    public let document: xmlDocPtr

    /// The page's start tags (counted before the parse; an upper bound on its elements) and UTF-8 bytes:
    /// capacity hints for tables and buffers built from the tree.
    public let elementCount: Int
    public let byteCount: Int

    /// The inline scripts whose text was left out of the parse (see `ParserInput`), with that text.
    private let elidedScripts: [(ordinal: Int, text: ArraySlice<UInt8>)]

    /// The attribute values left out of the parse, found from any node through the document's `_private`.
    private let elidedValues: ElidedValues?

    /// The arena the tree's memory comes from; nil when it was made with malloc (no arena was free).
    private let arena: OpaquePointer?

    /// libxml2's global state, initialised once before any parse (required before parallel use), with its
    /// memory functions pointed at the arenas' (which use malloc outside an arena).
    private static let initialised: Bool = {
        if sieve_xml_arena_reserve() != 0 {
            xmlMemSetup(sieve_xml_free, sieve_xml_malloc, sieve_xml_realloc, sieve_xml_strdup)
        }
        xmlInitParser()
        return true
    }()

    /// Parser flags: recover from any markup, never print, never touch the network, no depth limit (pages
    /// nest deeper than libxml2's default 256), and trust the caller's UTF-8 over in-page charset hints.
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue) | Int32(XML_PARSE_HUGE.rawValue)

    /// The most start tags a page may have: libxml2 and the blocks cost about 500 bytes an element, so a
    /// hostile page of 10^6 `<p>` (16 MB) took 550 MB; the largest real pages seen (long lists, forum
    /// threads) have well under 100,000.
    public static let maximumElements = 250_000

    /// Why a page could not be parsed.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// The page has more start tags than `maximumElements`.
        case tooManyElements(count: Int, limit: Int)
        /// libxml2 built no document (empty input, or over libxml2's 2 GiB limit).
        case noDocument

        public var description: String {
            switch self {
            case let .tooManyElements(count, limit):
                "the page has \(count) elements, more than the limit of \(limit) (no real page has so many)"
            case .noDocument: "libxml2 built no document from the input"
            }
        }
    }

    /// Parses UTF-8 HTML from memory (valid UTF-8, as the `html` reader's decoder makes it). Elements keep
    /// at most `ParserInput.attributeLimit` attributes (libxml2's duplicate check is quadratic in their number);
    /// style and script text other than JSON-LD is left out of the tree (see `ParserInput`); with `attributes`
    /// `.standard`, so are the attributes `HTMLReader.attributesRead` does not list.
    /// - Throws: `ParseError.tooManyElements` past `maximumElements` start tags (before libxml2 builds a
    ///   tree), `ParseError.noDocument` when libxml2 builds none.
    public init(utf8 bytes: [UInt8], url: String? = nil, attributes: TreeAttributes = .all) throws(ParseError) {
        _ = Self.initialised
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { throw .noDocument }
        let input = ParserInput.prepare(bytes, attributes: attributes)
        guard input.elements <= Self.maximumElements else {
            throw .tooManyElements(count: input.elements, limit: Self.maximumElements)
        }
        let arena = sieve_xml_arena_open()
        let previous = sieve_xml_arena_enter(arena)
        let parsed: xmlDocPtr? = input.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), url, "UTF-8", Self.parseOptions)
            }
        }
        // The thread's last libxml2 error keeps copies of the parse's last error message, made in the arena:
        // dropped here, so nothing outside the tree refers to the arena.
        xmlResetLastError()
        sieve_xml_arena_leave(previous)
        guard let parsed else {
            sieve_xml_arena_close(arena)
            throw .noDocument
        }
        self.arena = arena
        document = parsed
        elementCount = input.elements
        byteCount = bytes.count
        elidedScripts = input.scripts.map { ($0.ordinal, bytes[$0.range]) }
        elidedValues = input.values.isEmpty ? nil : ElidedValues(page: bytes, ranges: input.values)
        if let elidedValues { parsed.pointee._private = Unmanaged.passUnretained(elidedValues).toOpaque() }
    }

    /// Puts the attribute values left out of the parse back into the tree, once (for queries that read the
    /// tree through libxml2 itself, such as XPath). Not safe while another thread reads the tree.
    public func restoreElidedValues() {
        guard let elidedValues = ElidedValues.of(document) else { return }
        // No markers are left after this: attribute reads stop looking the values up.
        document.pointee._private = nil
        // The values are the tree's: they come from its arena.
        let previous = sieve_xml_arena_enter(arena)
        defer { sieve_xml_arena_leave(previous) }
        walkDocument { child in
            guard child.isElement else { return .skipChildren }
            var attribute = child.pointee.properties
            while let current = attribute {
                if let text = current.pointee.children, text.pointee.next == nil, let content = text.pointee.content,
                   let number = ParserInput.markedValue(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))) {
                    elidedValues.withValue(number) { xmlNodeSetContentLen(text, $0.baseAddress, Int32($0.count)) }
                }
                attribute = current.pointee.next
            }
            return .continue
        }
    }

    /// Visits every top-level node of the document (doctype, comments, `<html>`) and what it holds, in
    /// document order, until `visit` stops.
    private func walkDocument(_ visit: (xmlNodePtr) -> WalkAction) {
        var top = document.pointee.children
        var stopped = false
        while let node = top, !stopped {
            node.walk { child in
                let action = visit(child)
                if action == .stop { stopped = true }
                return action
            }
            top = node.pointee.next
        }
    }

    deinit {
        // A tree that outgrew its arena has blocks from malloc too: xmlFreeDoc frees those (and skips the
        // arena's) before the arena goes.
        if arena == nil || sieve_xml_arena_overflowed(arena) != 0 { xmlFreeDoc(document) }
        sieve_xml_arena_close(arena)
    }

    /// The root element (`<html>`).
    public var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// The `<head>` element, if the page has one.
    public var head: xmlNodePtr? { root?.firstChildElement(.head) }

    /// The `<body>` element, or the root when the page has no body.
    public var body: xmlNodePtr? { root?.firstChildElement(.body) ?? root }

    /// The raw text of the inline scripts (no `src`, not JSON-LD) left out of the parse, by `<script>`
    /// element: the page's UTF-8 bytes between the start and the end tag, no copy (`ParserInput.parsedText`
    /// gives the text libxml2 would have made of them). Costs one walk of the tree: for readers of script text,
    /// which are rare (`ScriptDates`).
    public func elidedScriptTexts() -> [xmlNodePtr: ArraySlice<UInt8>] {
        guard !elidedScripts.isEmpty else { return [:] }
        var texts: [xmlNodePtr: ArraySlice<UInt8>] = [:]
        var ordinal = 0
        var next = 0
        // libxml2 appends each element to the open one, so document order is the order of the start tags.
        walkDocument { child in
            guard child.isElement else { return .skipChildren }
            if child.tag == .script {
                if elidedScripts[next].ordinal == ordinal {
                    texts[child] = elidedScripts[next].text
                    next += 1
                }
                ordinal += 1
            }
            return next < elidedScripts.count ? .continue : .stop
        }
        return texts
    }
}

/// The attachment key under which the `html` reader leaves the parsed tree for later stages.
public enum HTMLTreeKey: AttachmentKey {
    /// The parsed tree.
    public typealias Value = HTMLTree
}
