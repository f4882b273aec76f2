import CLibXML2
import Glibc

/// Decides whether an element is hidden from readers: the `hidden` attribute, `aria-hidden="true"`, or an
/// inline style with `display:none` or `visibility:hidden`; and whether a text walk skips it.
enum Visibility {
    /// Whether a walk for readable text skips the element: never-content elements (scripts, styles, form
    /// controls but a button inside a heading...) and hidden ones. A `<noscript>` holding paragraphs is read:
    /// Blogger and other script-rendered sites put the article there, and a stray unclosed `<noscript>` at the
    /// top of the body swallows the whole page.
    static func isSkipped(_ node: xmlNodePtr, _ tag: Tag) -> Bool {
        if tag.isNeverContent {
            // A button inside a heading is the heading's text: Bootstrap's accordion writes its
            // questions as `<h2 class="accordion-header"><button>…</button></h2>`.
            if tag == .button, let parent = node.pointee.parent, parent.tag.headingLevel != nil { return isHidden(node) }
            return tag != .noscript || !holdsParagraph(node)
        }
        return isHidden(node)
    }

    /// Whether a paragraph element (`<p>`) sits anywhere under the node.
    static func holdsParagraph(_ node: xmlNodePtr) -> Bool {
        var found = false
        node.walk { child in
            guard child.isElement else { return .skipChildren }
            if child.tag == .p {
                found = true
                return .stop
            }
            return .continue
        }
        return found
    }

    /// Whether the element is hidden by its own markup (ancestors are the walker's business).
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if hides(current) { return true }
        }
        return false
    }

    /// Whether one attribute hides its element: `hidden`, `aria-hidden="true"`, or a hiding inline style
    /// (the name is checked by its first byte before comparing).
    @inline(__always) static func hides(_ attribute: xmlAttrPtr) -> Bool {
        guard let name = attribute.pointee.name else { return false }
        switch name[0] {
        case UInt8(ascii: "h"):
            return xmlNode.equalsName(name, "hidden")
        case UInt8(ascii: "a"):
            return xmlNode.equalsName(name, "aria-hidden") && attribute.withValue { equalsIgnoringCase($0, "true") }
        case UInt8(ascii: "s"):
            return xmlNode.equalsName(name, "style") && attribute.withValue(hidesByStyle)
        default:
            return false
        }
    }

    /// Whether an inline style hides the element, ignoring case and spaces.
    static func hidesByStyle(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !style.isEmpty else { return false }
        // The compacted copy lives on the stack (most styles are short): no heap allocation per element.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: style.count) { buffer in
            var count = 0
            for byte in style where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                buffer[count] = ByteSearch.lower(byte)
                count += 1
            }
            let compact = UnsafeBufferPointer(rebasing: buffer[0..<count])
            return contains(compact, "display:none") || contains(compact, "visibility:hidden")
        }
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard end - start == expected.count else { return false }
            for index in 0..<expected.count where bytes[start + index] | 0x20 != expected[index] { return false }
            return true
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            guard haystack.count >= needle.count else { return false }
            outer: for start in 0...(haystack.count - needle.count) {
                for index in 0..<needle.count where haystack[start + index] != needle[index] { continue outer }
                return true
            }
            return false
        }
    }
}
