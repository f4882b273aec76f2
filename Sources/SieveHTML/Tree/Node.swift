import CLibXML2
import Glibc

/// Read-only helpers over raw libxml2 nodes. Every walk is iterative: pages nest thousands of levels deep.
extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether the node is an element.
    @inline(__always) public var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    /// Whether the node is text or CDATA.
    @inline(__always) public var isText: Bool {
        pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE
    }

    /// The element's tag (`.other` for unknown names and non-elements).
    @inline(__always) public var tag: Tag { isElement ? Tag.of(pointee.name) : .other }

    /// The first child element with this tag.
    public func firstChildElement(_ tag: Tag) -> xmlNodePtr? {
        var child = pointee.children
        while let node = child {
            if node.isElement, node.tag == tag { return node }
            child = node.pointee.next
        }
        return nil
    }

    /// The value of an attribute (ASCII name, matched exactly; libxml2 lowercases HTML attribute names), as
    /// the page has it (also when `ParserInput` left it out of the parse).
    public func attribute(_ name: StaticString) -> String? { findAttribute(name)?.value }

    /// The raw bytes of an attribute's value, handed to `body` without copying into a String.
    public func withAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        findAttribute(name)?.withValue(body)
    }

    /// Whether the element has the attribute at all.
    public func hasAttribute(_ name: StaticString) -> Bool { findAttribute(name) != nil }

    private func findAttribute(_ name: StaticString) -> xmlAttrPtr? {
        guard isElement else { return nil }
        var attr = pointee.properties
        while let current = attr {
            if let attrName = current.pointee.name, Self.equals(attrName, name) { return current }
            attr = current.pointee.next
        }
        return nil
    }

    /// The raw content of a node's direct children joined, such as a script's source or an attribute's value.
    var childContent: String {
        Self.childContent(pointee.children)
    }

    fileprivate static func childContent(_ first: xmlNodePtr?) -> String {
        // One child (an attribute's text, a script's source): its bytes straight into the String.
        if let only = first, only.pointee.next == nil {
            guard let content = only.pointee.content else { return "" }
            return String(decoding: UnsafeBufferPointer(start: content, count: strlen(content)), as: UTF8.self)
        }
        var bytes: [UInt8] = []
        var child = first
        while let node = child {
            if let content = node.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            child = node.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func equals(_ cString: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            for index in 0..<expected.count where cString[index] != expected[index] { return false }
            return cString[expected.count] == 0
        }
    }

    /// The node's text with whitespace collapsed, skipping script, style and other non-content elements.
    public var collapsedText: String {
        shortText(limit: .max) ?? ""
    }

    /// The node's collapsed text when it is at most `limit` bytes long, else nil (stops reading early).
    public func shortText(limit: Int) -> String? {
        var text = TextBuffer()
        var tooLong = false
        walk { node in
            if node.isText {
                if let content = node.pointee.content { text.append(content) }
                if text.bytes.count > limit {
                    tooLong = true
                    return .stop
                }
                return .continue
            }
            return node != self && node.tag.isNeverContent ? .skipChildren : .continue
        }
        return tooLong ? nil : text.string
    }

    /// Visits the node and its descendants in document order, iteratively (no recursion, any depth).
    public func walk(_ visit: (xmlNodePtr) -> WalkAction) {
        walk(enter: visit, leave: { _ in })
    }

    /// Visits the subtree in document order, calling `enter` before and `leave` after each node's children.
    /// Every entered node is left exactly once (at once when its children are skipped), unless the walk stops.
    public func walk(enter: (xmlNodePtr) -> WalkAction, leave: (xmlNodePtr) -> Void) {
        var node: xmlNodePtr = self
        while true {
            let action = enter(node)
            if action == .stop { return }
            if action == .continue, let child = node.pointee.children {
                node = child
                continue
            }
            leave(node)
            // Climb until a next sibling exists, leaving each finished ancestor.
            while node != self, node.pointee.next == nil {
                guard let parent = node.pointee.parent else { return }
                node = parent
                leave(node)
            }
            if node == self { return }
            node = node.pointee.next!
        }
    }
}

extension UnsafeMutablePointer where Pointee == xmlAttr {
    /// The attribute's value, as the page has it (also when `ParserInput` left it out of the parse).
    public var value: String { withValue { String(decoding: $0, as: UTF8.self) } }

    /// The raw bytes of the attribute's value, handed to `body` without copying when the value is one text
    /// node (as libxml2 builds it for every attribute of an HTML parse), else joined into a String first.
    /// A value `ParserInput` left out of the parse is handed over from the page's bytes.
    public func withValue<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let text = pointee.children, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content,
           text.pointee.next == nil {
            return ElidedValues.resolving(UnsafeBufferPointer(start: content, count: strlen(content)), in: pointee.doc, body)
        }
        var value = xmlNodePtr.childContent(pointee.children)
        return value.withUTF8 { body($0) }
    }
}

extension xmlNode {
    /// Whether a NUL-terminated libxml2 name equals an ASCII name.
    @inline(__always) static func equalsName(_ cString: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        UnsafeMutablePointer<xmlNode>.equals(cString, name)
    }
}

/// What a tree walk does after visiting a node.
public enum WalkAction: Sendable {
    /// Go into the node's children.
    case `continue`
    /// Do not visit the node's children.
    case skipChildren
    /// End the walk.
    case stop
}
