import CLibXML2
import Glibc

/// Makes the addresses of links and images absolute: resolved (RFC 3986, libxml2's `xmlBuildURI`) against
/// the page's `<base href>`, itself resolved against the page's URL, or against the page's URL alone.
/// Without either, addresses stay as written. Script addresses (`javascript:`, `vbscript:`) and empty
/// ones give nil; `data:` addresses too for images, which then fall back to a lazy-loading attribute.
struct LinkBase {
    /// The NUL-terminated base address, when known.
    private let base: [UInt8]?

    /// No base: addresses stay as written.
    static let none = LinkBase(base: nil)

    private init(base: [UInt8]?) {
        self.base = base
    }

    /// The base of a page: its `<base href>` (the first in `<head>`) resolved against `pageURL`, else `pageURL`.
    init(root: xmlNodePtr, pageURL: String?) {
        let page = pageURL.flatMap { $0.isEmpty ? nil : Array($0.utf8) + [0] }
        var declared: String?
        if let head = root.firstChildElement(.head) ?? root.firstChildElement(.html)?.firstChildElement(.head) {
            var child = head.pointee.children
            while let node = child, declared == nil {
                if node.isElement, node.tag == .base { declared = node.attribute("href") }
                child = node.pointee.next
            }
        }
        guard let declared, !declared.isEmpty else {
            base = page
            return
        }
        let resolved = LinkBase(base: page).resolve(declared) ?? declared
        base = Array(resolved.utf8) + [0]
    }

    /// The absolute address of `href`; nil for an empty or script address.
    func resolve(_ href: String) -> String? {
        let trimmed = Self.trimmed(href)
        guard !trimmed.isEmpty, !Self.hasScheme(trimmed, "javascript:"), !Self.hasScheme(trimmed, "vbscript:") else { return nil }
        guard let base, !Self.hasScheme(trimmed, "https:"), !Self.hasScheme(trimmed, "http:") else { return trimmed }
        let relative = Array(trimmed.utf8) + [0]
        guard let built = relative.withUnsafeBufferPointer({ reference in
            base.withUnsafeBufferPointer { xmlBuildURI(reference.baseAddress, $0.baseAddress) }
        }) else { return trimmed }
        defer { sieve_xmlFree(built) }
        return String(cString: built)
    }

    /// An image's address: `src`, or when it is missing or a `data:` placeholder, `data-src`,
    /// `data-lazy-src`, or the first address of `srcset` / `data-srcset`.
    func imageSource(_ image: xmlNodePtr) -> String? {
        for name: StaticString in ["src", "data-src", "data-lazy-src", "data-original"] {
            if let value = image.attribute(name), case let trimmed = Self.trimmed(value), !trimmed.isEmpty,
               !Self.hasScheme(trimmed, "data:") {
                return resolve(trimmed)
            }
        }
        for name: StaticString in ["srcset", "data-srcset"] {
            if let value = image.attribute(name), let first = Self.trimmed(value).split(separator: " ").first,
               !Self.hasScheme(String(first), "data:") {
                return resolve(String(first.hasSuffix(",") ? first.dropLast() : first))
            }
        }
        return nil
    }

    private static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 > 0x20 }), let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Whether the address starts with `scheme` (lowercase, with its colon), ignoring case.
    private static func hasScheme(_ address: String, _ scheme: StaticString) -> Bool {
        scheme.withUTF8Buffer { expected in
            var bytes = address.utf8.makeIterator()
            for byte in expected {
                guard let next = bytes.next(), next | 0x20 == byte | 0x20 else { return false }
            }
            return true
        }
    }
}
