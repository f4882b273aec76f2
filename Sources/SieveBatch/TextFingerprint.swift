/// Word tokens, exact-text hashes and MinHash signatures of a text, on UTF-8 bytes.
enum TextFingerprint {
    static let hashCount = 64
    static let rowsPerBand = 4

    /// The text's words: runs of letters and digits (any script), lowercased for ASCII, as hashes.
    static func words(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        var hash: UInt64 = 0xcbf29ce484222325
        var inWord = false
        for byte in text.utf8 {
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isWordByte {
                let folded = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                hash = (hash ^ UInt64(folded)) &* 0x100000001b3
                inWord = true
            } else if inWord {
                words.append(hash)
                hash = 0xcbf29ce484222325
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        return words
    }

    /// One hash of the whole word sequence.
    static func exactHash(_ words: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0x84222325cbf29ce4
        for word in words { hash = mix(hash ^ word) }
        return hash
    }

    /// The MinHash signature of the text's word shingles.
    static func minHash(_ words: [UInt64], shingle: Int) -> [UInt32] {
        var signature = [UInt32](repeating: .max, count: hashCount)
        let size = min(shingle, max(1, words.count))
        guard words.count >= size else { return signature }
        for start in 0...(words.count - size) {
            var feature: UInt64 = 0x9E3779B97F4A7C15
            for offset in 0..<size { feature = mix(feature ^ words[start + offset]) }
            for index in 0..<hashCount {
                let value = UInt32(truncatingIfNeeded: mix(feature &+ UInt64(index) &* 0xD6E8FEB86659FD93) >> 32)
                if value < signature[index] { signature[index] = value }
            }
        }
        return signature
    }

    /// The estimated Jaccard similarity of two signatures.
    static func similarity(_ left: [UInt32], _ right: [UInt32]) -> Double {
        var equal = 0
        for index in 0..<hashCount where left[index] == right[index] { equal += 1 }
        return Double(equal) / Double(hashCount)
    }

    /// One key per band of `rowsPerBand` hashes, tagged with the band number.
    static func bandKeys(_ signature: [UInt32]) -> [UInt64] {
        stride(from: 0, to: hashCount, by: rowsPerBand).map { start in
            var key = UInt64(start) &* 0x9E3779B97F4A7C15
            for index in start..<(start + rowsPerBand) { key = mix(key ^ UInt64(signature[index])) }
            return key
        }
    }

    /// A 64-bit finalizer (splitmix64).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
