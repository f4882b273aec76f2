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
        var href = href
        return href.withUTF8 { resolve(bytes: $0) }
    }

    /// The absolute address of an element's attribute (`href`, `src`...), read from its bytes; nil when
    /// missing, empty or a script address.
    func resolve(_ node: xmlNodePtr, _ attribute: StaticString) -> String? {
        node.withAttribute(attribute) { resolve(bytes: $0) } ?? nil
    }

    /// The absolute address of UTF-8 bytes (trimmed of spaces first): an address with an `http:` or
    /// `https:` scheme is kept as it is, a relative one is resolved when there is a base.
    private func resolve(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.firstIndex(where: { $0 > 0x20 }), let last = bytes.lastIndex(where: { $0 > 0x20 }) else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[first...last])
        if Self.hasScheme(trimmed, "javascript:") || Self.hasScheme(trimmed, "vbscript:") { return nil }
        guard let base, !Self.hasScheme(trimmed, "https:"), !Self.hasScheme(trimmed, "http:") else {
            return String(decoding: trimmed, as: UTF8.self)
        }
        var relative = [UInt8](trimmed)
        relative.append(0)
        guard let built = relative.withUnsafeBufferPointer({ reference in
            base.withUnsafeBufferPointer { xmlBuildURI(reference.baseAddress, $0.baseAddress) }
        }) else { return String(decoding: trimmed, as: UTF8.self) }
        defer { sieve_xmlFree(built) }
        return String(cString: built)
    }

    /// An image's address: `src`, or when it is missing or a `data:` placeholder, `data-src`,
    /// `data-lazy-src`, `data-original`, or the first address of `srcset` / `data-srcset`.
    func imageSource(_ image: xmlNodePtr) -> String? {
        for name: StaticString in ["src", "data-src", "data-lazy-src", "data-original"] {
            let found: String?? = image.withAttribute(name) { value in
                guard let first = value.firstIndex(where: { $0 > 0x20 }),
                      !Self.hasScheme(UnsafeBufferPointer(rebasing: value[first...]), "data:") else { return nil }
                return resolve(bytes: value)
            }
            if let found = found ?? nil { return found }
        }
        for name: StaticString in ["srcset", "data-srcset"] {
            if let value = image.attribute(name), let first = value.split(whereSeparator: { $0 == " " || $0 == "," }).first,
               !first.hasPrefix("data:") {
                return resolve(String(first))
            }
        }
        return nil
    }

    /// Whether the address starts with `scheme` (lowercase, with its colon), ignoring case.
    private static func hasScheme(_ address: UnsafeBufferPointer<UInt8>, _ scheme: StaticString) -> Bool {
        scheme.withUTF8Buffer { expected in
            guard address.count >= expected.count else { return false }
            for index in 0..<expected.count where address[index] | 0x20 != expected[index] | 0x20 { return false }
            return true
        }
    }
}
