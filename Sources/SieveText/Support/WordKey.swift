/// A word in `MatchKey` form, stored as UTF-8 bytes with a precomputed hash, so that dictionary and set
/// look-ups do not hash and normalize Unicode strings (Swift's `String` hashing does both).
struct WordKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The UTF-8 bytes of the key.
    let bytes: [UInt8]
    private let hashValue64: UInt64

    /// A key from text already in `MatchKey` form.
    init(_ key: String) {
        bytes = Array(key.utf8)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hashValue64 = hash
    }

    /// A key from a literal written in `MatchKey` form (lower case, old-style tones).
    init(stringLiteral value: String) {
        self.init(value)
    }

    /// The key as text.
    var description: String { String(decoding: bytes, as: UTF8.self) }

    static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.hashValue64 == rhs.hashValue64 && lhs.bytes == rhs.bytes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hashValue64)
    }
}
