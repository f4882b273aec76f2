import CLibXML2
import Foundation
import Testing

/// An HTML or XML text parsed by libxml2, queried with XPath: what a browser-like reader finds in a sink's output.
final class ParsedHTML {
    private let document: xmlDocPtr

    /// Parses `text` as HTML (libxml2's forgiving HTML parser, as a browser would), or strictly as XML.
    init(_ text: String, xml: Bool = false) throws {
        let options = xml ? Int32(XML_PARSE_NONET.rawValue)
            : Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let parsed = text.withCString { bytes in
            xml ? xmlReadMemory(bytes, Int32(strlen(bytes)), "out.xml", "UTF-8", options)
                : htmlReadMemory(bytes, Int32(strlen(bytes)), "out.html", "UTF-8", options)
        }
        document = try #require(parsed, "libxml2 rejected the output")
    }

    deinit { xmlFreeDoc(document) }

    /// The text content of every node the expression selects, in document order.
    func strings(_ expression: String) throws -> [String] {
        try nodes(expression).map { node in
            let content = xmlNodeGetContent(node)
            defer { sieve_xmlFree(content) }
            return content.map { String(cString: $0) } ?? ""
        }
    }

    /// Every element as (name, [(attribute, value)]), in document order.
    func elements() throws -> [(name: String, attributes: [(String, String)])] {
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
        let context = try #require(xmlXPathNewContext(document))
        defer { xmlXPathFreeContext(context) }
        let result = try #require(xmlXPathEvalExpression(expression, context))
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { nodes.pointee.nodeTab[$0] }
    }
}
