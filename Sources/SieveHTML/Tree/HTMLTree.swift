import CLibXML2
import SieveCore

/// A parsed HTML page: owns the libxml2 document and frees it when the last reference goes.
///
/// The tree is built once by the `html` reader and only read afterwards (walks, attribute lookups, XPath),
/// which libxml2 allows from any thread; that is why the class can be `@unchecked Sendable`. Nothing
/// mutates the tree after `init`.
public final class HTMLTree: @unchecked Sendable {
    /// The libxml2 document.
    public let document: xmlDocPtr

    /// libxml2's global state, initialised once before any parse (required before parallel use).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser flags: recover from any markup, never print, never touch the network, no depth limit (pages
    /// nest deeper than libxml2's default 256), and trust the caller's UTF-8 over in-page charset hints.
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue) | Int32(XML_PARSE_HUGE.rawValue)

    /// Parses UTF-8 HTML from memory; nil only when libxml2 builds no document at all. Elements keep at most
    /// `AttributeCap.limit` attributes (libxml2's duplicate check is quadratic in their number).
    public init?(utf8 bytes: [UInt8], url: String? = nil) {
        _ = Self.initialised
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return nil }
        let bytes = AttributeCap.apply(bytes)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), url, "UTF-8", Self.parseOptions)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element (`<html>`).
    public var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// The `<head>` element, if the page has one.
    public var head: xmlNodePtr? { root?.firstChildElement(.head) }

    /// The `<body>` element, or the root when the page has no body.
    public var body: xmlNodePtr? { root?.firstChildElement(.body) ?? root }
}

/// The attachment key under which the `html` reader leaves the parsed tree for later stages.
public enum HTMLTreeKey: AttachmentKey {
    /// The parsed tree.
    public typealias Value = HTMLTree
}
