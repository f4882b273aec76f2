/// A key for an in-memory attachment; the key type names the value's type.
public protocol AttachmentKey {
    /// The type stored under this key.
    associatedtype Value: Sendable
}

/// In-memory companions of a document, such as the parsed HTML tree. Never serialized, never sent to
/// external stages, and dropped before the sinks.
public struct Attachments: Sendable {
    private var storage: [ObjectIdentifier: any Sendable] = [:]

    /// Creates an empty set of attachments.
    public init() {}

    /// The value stored under `key`, if any.
    public subscript<Key: AttachmentKey>(_ key: Key.Type) -> Key.Value? {
        get { storage[ObjectIdentifier(key)] as? Key.Value }
        set { storage[ObjectIdentifier(key)] = newValue }
    }

    /// Removes every attachment.
    public mutating func removeAll() {
        storage.removeAll()
    }
}
