/// UTF-8 validation and repair over raw bytes.
///
/// A sequence is valid by RFC 3629 / Unicode Table 3-7: no overlong forms (C0, C1, E0 80–9F, F0 80–8F), no
/// surrogates (ED A0–BF), nothing above U+10FFFF (F4 90–, F5–FF); an invalid sequence counts, and is replaced,
/// one byte at a time.
enum UTF8Check {
    /// Counts of valid multi-byte sequences and invalid sequences.
    static func scan(_ bytes: ArraySlice<UInt8>) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (0, 0) }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var multibyte = 0, invalid = 0
            var offset = 0
            while offset < count {
                // ASCII runs, thirty-two bytes at a time (markup is), then eight; a word with a non-ASCII byte
                // is stepped to that byte.
                if offset + 32 <= count {
                    let any = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
                    if any & 0x8080_8080_8080_8080 == 0 {
                        offset += 32
                        continue
                    }
                }
                if offset + 8 <= count {
                    let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                        & 0x8080_8080_8080_8080
                    if high == 0 {
                        offset += 8
                        continue
                    }
                    offset += high.trailingZeroBitCount >> 3
                } else if base[offset] < 0x80 {
                    offset += 1
                    continue
                }
                // A run of non-ASCII sequences (a word of Cyrillic, CJK or Vietnamese text) up to the next
                // ASCII byte.
                repeat {
                    let length = sequenceLength(base, count: count, at: offset)
                    if length == 0 {
                        invalid += 1
                        offset += 1
                    } else {
                        multibyte += 1
                        offset += length
                    }
                } while offset < count && base[offset] >= 0x80
            }
            return (multibyte, invalid)
        }
    }

    /// The bytes with every invalid sequence replaced by U+FFFD.
    static func repaired(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            while index < buffer.count {
                let length = sequenceLength(base, count: buffer.count, at: index)
                if length == 0 {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    index += 1
                } else {
                    output.append(contentsOf: buffer[index..<index + length])
                    index += length
                }
            }
        }
        return output
    }

    /// The length of the valid UTF-8 sequence starting at `index` of the `count` bytes at `base`, or 0 when it
    /// is invalid.
    @inline(__always) static func sequenceLength(_ base: UnsafePointer<UInt8>, count: Int, at index: Int) -> Int {
        let first = base[index]
        if first < 0x80 { return 1 }
        if first < 0xC2 { return 0 }
        if first < 0xE0 {
            return index + 1 < count && base[index + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if first < 0xF0 {
            guard index + 2 < count else { return 0 }
            let second = base[index + 1], third = base[index + 2]
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return 0 }
            if first == 0xE0, second < 0xA0 { return 0 }
            if first == 0xED, second > 0x9F { return 0 }
            return 3
        }
        if first < 0xF5 {
            guard index + 3 < count else { return 0 }
            let second = base[index + 1]
            guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80, base[index + 3] & 0xC0 == 0x80 else { return 0 }
            if first == 0xF0, second < 0x90 { return 0 }
            if first == 0xF4, second > 0x8F { return 0 }
            return 4
        }
        return 0
    }
}
