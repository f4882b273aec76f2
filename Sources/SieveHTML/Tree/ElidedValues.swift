import CLibXML2

/// The attribute values `ParserInput` left out of a page's parse: their bytes in the page, by the number
/// the marker in the tree gives. A document's `_private` points at its table (unretained: `HTMLTree` owns
/// both the document and the table).
final class ElidedValues {
    private let page: [UInt8]
    private let ranges: [Range<Int>]

    init(page: [UInt8], ranges: [Range<Int>]) {
        self.page = page
        self.ranges = ranges
    }

    /// The table of `document`, while its tree holds markers (its parse left values out, and they were not
    /// written back by `HTMLTree.restoreElidedValues`).
    @inline(__always) static func of(_ document: xmlDocPtr?) -> ElidedValues? {
        guard let table = document?.pointee._private else { return nil }
        return Unmanaged<ElidedValues>.fromOpaque(table).takeUnretainedValue()
    }

    /// Hands value `number`'s bytes to `body`; nil when the page has no such value.
    func withValue<R>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard number < ranges.count else { return nil }
        let range = ranges[number]
        return page.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Hands `value` (an attribute's text in the tree of `document`) to `body`, or the page's value when
    /// it is a marker.
    @inline(__always) static func resolving<R>(_ value: UnsafeBufferPointer<UInt8>, in document: xmlDocPtr?,
                                               _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if value.count > 3, value[0] == ParserInput.valueMarker.0, let table = of(document), let number = ParserInput.markedValue(value),
           let resolved = table.withValue(number, body) {
            return resolved
        }
        return body(value)
    }
}
