import Testing
@testable import SieveHTML

/// `UTF8Check` (word-at-a-time ASCII steps, pointer reads) gives the answers of a plain decoder written from
/// the definition of UTF-8 (RFC 3629), on every short byte string and on random hostile ones.
@Suite struct UTF8CheckTests {
    /// The length of the valid sequence at `index`, or 0: decode the code point, then reject overlongs,
    /// surrogates and values above U+10FFFF.
    private static func referenceLength(_ bytes: [UInt8], _ index: Int) -> Int {
        let first = bytes[index]
        let length = first < 0x80 ? 1 : first < 0xC0 ? 0 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : first < 0xF8 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        var value = UInt32(length == 1 ? first : first & (0xFF >> (length + 1)))
        for offset in 1..<max(length, 1) {
            guard bytes[index + offset] & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        let smallest: [UInt32] = [0, 0, 0x80, 0x800, 0x10000]
        guard value >= smallest[length], value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return length
    }

    private static func reference(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int, repaired: [UInt8]) {
        var multibyte = 0, invalid = 0, repaired: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let length = referenceLength(bytes, index)
            if length == 0 {
                invalid += 1
                repaired += [0xEF, 0xBF, 0xBD]
                index += 1
            } else {
                if length > 1 { multibyte += 1 }
                repaired += bytes[index..<index + length]
                index += length
            }
        }
        return (multibyte, invalid, repaired)
    }

    /// Checks the bytes as a slice that starts at offset 3 of a larger array, as the reader's slices do.
    private static func check(_ bytes: [UInt8]) -> Bool {
        let slice = ([0x41, 0xE2, 0x80] + bytes)[3...]
        let expected = reference(bytes)
        let scanned = UTF8Check.scan(slice)
        let swiftValid = String(validating: bytes, as: UTF8.self) != nil
        return scanned.multibyte == expected.multibyte && scanned.invalid == expected.invalid
            && UTF8Check.repaired(slice) == expected.repaired && swiftValid == (expected.invalid == 0)
    }

    @Test func everyStringOfUpToTwoBytes() {
        #expect(Self.check([]))
        for first in 0...255 {
            #expect(Self.check([UInt8(first)]), "\(first)")
            for second in 0...255 {
                #expect(Self.check([UInt8(first), UInt8(second)]), "\(first) \(second)")
            }
        }
    }

    @Test func everyLeadWithBoundaryContinuations() {
        // Continuation boundaries (80, 8F, 90, 9F, A0, BF) and non-continuations around them, after every
        // byte from C0 on, whole and cut short at the end of the input.
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xFF]
        let rest: [UInt8] = [0x41, 0x80, 0xBF, 0xC0]
        for first in 0xC0...0xFF {
            for second in seconds {
                for third in rest {
                    for fourth in rest {
                        let bytes = [UInt8(first), second, third, fourth]
                        for end in 1...4 {
                            #expect(Self.check(Array(bytes[..<end])), "\(bytes[..<end])")
                            #expect(Self.check(Array(repeating: 0x61, count: 9) + bytes[..<end]), "\(bytes[..<end]) after ASCII")
                        }
                    }
                }
            }
        }
    }

    @Test func randomHostileStringsAmongASCIIRuns() {
        let pool: [UInt8] = [0x00, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF,
                             0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                bytes += Array(repeating: 0x61, count: Int.random(in: 0...40, using: &generator))
                for _ in 0..<Int.random(in: 0...6, using: &generator) { bytes.append(pool.randomElement(using: &generator)!) }
            }
            #expect(Self.check(bytes), "\(bytes)")
        }
        // Valid text of every length class, among runs that reach the 32- and 8-byte steps.
        let text = "<p class=\"a\">Hà Nội – “Straße” 中文 😀 \u{10FFFF}\u{FFFF}\u{800}\u{7FF}\u{80}</p>"
        for run in 0...40 {
            #expect(Self.check(Array((String(repeating: "x", count: run) + text + String(repeating: "y", count: run)).utf8)))
        }
    }
}
