/// UTF-8 validation and repair over raw bytes.
enum UTF8Check {
    /// Counts of valid multi-byte sequences and invalid sequences.
    static func scan(_ bytes: ArraySlice<UInt8>) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBytes { raw in
            var multibyte = 0, invalid = 0
            var offset = 0
            while offset < raw.count {
                // ASCII runs, thirty-two bytes at a time (markup is), then eight.
                if offset + 32 <= raw.count {
                    let any = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
                    if any & 0x8080_8080_8080_8080 == 0 {
                        offset += 32
                        continue
                    }
                }
                if offset + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    offset += 8
                    continue
                }
                let length = sequenceLength(bytes, at: bytes.startIndex + offset)
                if length == 0 {
                    invalid += 1
                    offset += 1
                } else {
                    if length > 1 { multibyte += 1 }
                    offset += length
                }
            }
            return (multibyte, invalid)
        }
    }

    /// The bytes with every invalid sequence replaced by U+FFFD.
    static func repaired(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
            } else {
                output.append(contentsOf: bytes[index..<index + length])
                index += length
            }
        }
        return output
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    @inline(__always) static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        let end = bytes.endIndex
        func continuation(_ offset: Int) -> Bool {
            index + offset < end && bytes[index + offset] & 0xC0 == 0x80
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if first == 0xE0, second < 0xA0 { return 0 }
            if first == 0xED, second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if first == 0xF0, second < 0x90 { return 0 }
            if first == 0xF4, second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }
}
