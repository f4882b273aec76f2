import CLibXML2
import Foundation
import SieveCore

/// The `html` reader: parses an HTML page with libxml2 and turns its visible body text into blocks.
///
/// Charset: byte-order mark, UTF-16 by NUL pattern, `<meta charset>` / `<meta http-equiv>`, the transport's
/// charset, else UTF-8, each checked against the bytes (see `CharsetSniffer`). NUL bytes are removed before
/// parsing. Input whose decoded text looks binary (`BinarySniffer`) is refused. The parse keeps text at any nesting depth (libxml2's 256-level limit is lifted; every walk in
/// Sieve is iterative). Scripts, styles, templates, embedded objects, form controls and hidden elements
/// (`hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`) give no text.
/// The parsed tree rides with the document under `HTMLTreeKey` for later stages such as `main-content`.
/// When the pipeline's first transform replaces the blocks (`StageContext.blocksReplaced`: `main-content`
/// in the default pipeline), the blocks are left to it.
///
/// Sets `language` from `<html lang>` and `url` from `<link rel="canonical">`. No options.
///
/// Example: `<h1>Hello</h1><p>One<br>two</p><script>x()</script>` → heading(1) "Hello", paragraph "One\ntwo".
public struct HTMLReader: SourceReader {
    /// The reader's name.
    public static let name = "html"
    /// One line for `sieve stages`.
    public static let summary = "HTML pages (libxml2): charset detection, visible body text as blocks, parsed tree for later stages"
    /// Extensions read as HTML.
    public static let fileExtensions = ["html", "htm", "xhtml", "shtml"]
    /// Pages larger than this are refused rather than parsed (a limit of Sieve's own, reported by path).
    public static let maximumBytes = 64 << 20

    /// The note on a page that shows no text.
    static let noVisibleText = "the page has no visible text"

    /// Creates the reader.
    public init(options: NoOptions) {}

    /// Whether the first bytes look like HTML: a doctype or `<html>`/`<head>`/`<body>`, or several tags.
    public static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool {
        var bytes = Array(prefix.prefix(2048))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              bytes[first] == UInt8(ascii: "<") else { return false }
        for start in ["<!doctype html", "<html", "<head", "<body"]
        where ByteSearch.findIgnoringCase(bytes, start, from: first) == first {
            return true
        }
        var tags = 0
        for index in first..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "<") {
            let next = ByteSearch.lower(bytes[index + 1])
            if (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { tags += 1 }
        }
        return tags >= 3
    }

    /// The attributes Sieve's own stages read from the tree (lowercase, as libxml2 names them): the only ones
    /// the tree keeps when every transform of the pipeline says `TreeAttributes.standard`
    /// (`StageContext.treeAttributes`). What reads them: `class`, `id`, `role`, `itemprop` (page chrome, comment
    /// sections, microdata), `name`, `property`, `http-equiv`, `content` (`<meta>`, anchors), `href`, `rel`
    /// (links, canonical URL, `rel=author`), `src`, `data-src`, `data-lazy-src`, `data-original`, `srcset`,
    /// `data-srcset`, `alt` (images), `title`, `datetime`, `pubdate` (dates), `lang`, `xml:lang`, `type`
    /// (JSON-LD scripts), `style`, `hidden`, `aria-hidden` (hidden elements).
    public static let attributesRead: [StaticString] = [
        "class", "id", "role", "itemprop", "name", "property", "http-equiv", "content", "href", "rel", "src", "data-src",
        "data-lazy-src", "data-original", "srcset", "data-srcset", "alt", "title", "datetime", "pubdate", "lang", "xml:lang",
        "type", "style", "hidden", "aria-hidden",
    ]

    /// Decodes, parses and converts one page; throws when the input holds nothing to read.
    public func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws {
        guard !input.bytes.isEmpty else { throw StageError(stage: Self.name, "\(input.path): empty input (0 bytes)") }
        guard input.bytes.count <= Self.maximumBytes else {
            throw StageError(stage: Self.name, "\(input.path): \(input.bytes.count) bytes is over the HTML size limit of \(Self.maximumBytes) bytes")
        }
        let decoded = CharsetSniffer.decode(input.bytes, declared: input.declaredCharset)
        if let reason = BinarySniffer.binaryReason(decoded.utf8.prefix(BinarySniffer.sampleSize)) {
            throw StageError(stage: Self.name, "\(input.path): binary data, not text or HTML (\(reason))")
        }
        guard decoded.utf8.contains(where: { $0 > 0x20 }) else {
            throw StageError(stage: Self.name, "\(input.path): no content (only whitespace)")
        }
        let tree: HTMLTree
        do {
            tree = try context.measure("parse") { () throws(HTMLTree.ParseError) in
                try HTMLTree(utf8: decoded.utf8, url: input.url, attributes: context.treeAttributes)
            }
        } catch {
            throw StageError(stage: Self.name, "\(input.path): \(error)")
        }
        var document = Document(id: input.id, source: Source(path: input.path, format: Self.name, offset: input.offset,
                                                             url: input.url))
        for note in decoded.notes { document.diagnose(Self.name, note) }
        // From the root, not `<body>`: libxml2 puts content that follows a stray `</html>` in a second
        // `<html>` element beside the body.
        document.url = Self.canonicalURL(tree, base: input.url)
        if !context.blocksReplaced || tree.root == nil {
            document.blocks = tree.root.map { BlockBuilder.blocks(of: $0, links: LinkBase(root: $0, pageURL: input.url ?? document.url)) } ?? []
            if document.blocks.isEmpty { document.diagnose(Self.name, Self.noVisibleText) }
        }
        document.language = tree.root.flatMap(Self.language(of:))
        document.attachments[HTMLTreeKey.self] = tree
        try emit(document)
    }

    /// The primary language subtag of `<html lang>` (or `xml:lang`), lowercased: `vi-VN` → `vi`.
    static func language(of root: xmlNodePtr) -> String? {
        guard let value = root.attribute("lang") ?? root.attribute("xml:lang") else { return nil }
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.utf8.count), primary.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return nil
        }
        return primary
    }

    /// The canonical URL from `<link rel="canonical">`, made absolute against the page URL when relative.
    static func canonicalURL(_ tree: HTMLTree, base: String?) -> String? {
        guard let head = tree.head else { return nil }
        var found: String?
        head.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == .link, node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href")?.trimmed,
               !href.isEmpty {
                found = href
                return .stop
            }
            return .continue
        }
        guard let href = found else { return nil }
        if href.hasPrefix("http://") || href.hasPrefix("https://") { return href }
        guard let base, let baseURL = URL(string: base), let resolved = URL(string: href, relativeTo: baseURL) else {
            return nil
        }
        return resolved.absoluteString
    }
}
