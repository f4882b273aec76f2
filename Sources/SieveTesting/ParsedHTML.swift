import CLibXML2
import Foundation

/// An HTML or XML text parsed by libxml2 and queried with XPath: what a browser-like reader finds in a
/// sink's output. For a sink author's tests:
///
/// ```swift
/// let page = try ParsedHTML(output)
/// #expect(try page.strings("//a/@href") == ["https://example.org/"])
/// ```
public final class ParsedHTML {
    private let document: xmlDocPtr

    /// Parses `text` as HTML (libxml2's forgiving HTML parser, as a browser would), or strictly as XML;
    /// throws when libxml2 cannot make a document of it.
    public init(_ text: String, xml: Bool = false) throws {
        let options = xml ? Int32(XML_PARSE_NONET.rawValue)
            : Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let parsed = text.withCString { bytes in
            xml ? xmlReadMemory(bytes, Int32(strlen(bytes)), "out.xml", "UTF-8", options)
                : htmlReadMemory(bytes, Int32(strlen(bytes)), "out.html", "UTF-8", options)
        }
        guard let parsed else { throw ParseFailure(message: "libxml2 could not parse the \(xml ? "XML" : "HTML")") }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The text content of every node the expression selects, in document order.
    public func strings(_ expression: String) throws -> [String] {
        try nodes(expression).map { node in
            let content = xmlNodeGetContent(node)
            defer { sieve_xmlFree(content) }
            return content.map { String(cString: $0) } ?? ""
        }
    }

    /// Every element as its name and its attributes with their values, in document order.
    public func elements() throws -> [(name: String, attributes: [(String, String)])] {
        try nodes("//*").map { node in
            var attributes: [(String, String)] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                defer { sieve_xmlFree(value) }
                attributes.append((String(cString: current.pointee.name), value.map { String(cString: $0) } ?? ""))
                attribute = current.pointee.next
            }
            return (String(cString: node.pointee.name), attributes)
        }
    }

    private func nodes(_ expression: String) throws -> [xmlNodePtr] {
        guard let context = xmlXPathNewContext(document) else { throw ParseFailure(message: "no XPath context") }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(expression, context) else {
            throw ParseFailure(message: "bad XPath expression \(expression)")
        }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { nodes.pointee.nodeTab[$0] }
    }

    /// A document libxml2 could not parse, or a query it could not run.
    public struct ParseFailure: Error, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }
}
