import Foundation
import Testing
@testable import SieveText

/// `NFCNormalizer.survey` reads on UTF-8 bytes the answer a walk over the scalars with `isStable` gives.
@Suite struct NFCSurveyTests {
    /// The answer of the scalar walk: any scalar not stable, any eth.
    private func reference(_ text: String) -> (unstable: Bool, hasEth: Bool) {
        let scalars = text.unicodeScalars
        return (!scalars.allSatisfy { NFCNormalizer.isStable($0.value) }, scalars.contains { $0.value == 0xD0 || $0.value == 0xF0 })
    }

    @Test func everyScalarAloneAndBetweenOthers() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let stable = NFCNormalizer.isStable(value)
            let eth = value == 0xD0 || value == 0xF0
            let alone = NFCNormalizer.survey(String(Character(scalar)))
            #expect(alone.unstable == !stable && alone.hasEth == eth, "U+\(String(value, radix: 16))")
            // After nine ASCII bytes (one 8-byte step) and before a stable quote and an eth: the scan must step
            // over the scalar's bytes exactly.
            var text = String.UnicodeScalarView()
            text.append(contentsOf: ["a", "b", "c", "d", "e", "f", "g", "h", "i", scalar, "\u{201C}", "ð"])
            let between = NFCNormalizer.survey(String(text))
            #expect(between.unstable == !stable && between.hasEth, "U+\(String(value, radix: 16)) between")
        }
    }

    @Test func randomMixesAgreeWithTheScalarWalkAndNormalizeLikeFoundation() {
        let pool: [UInt32] = [0x41, 0x20, 0xD0, 0xF0, 0xE9, 0x2FF, 0x300, 0x323, 0x1E00, 0x1EF9, 0x1F00, 0x1DFF,
                              0x2001, 0x2002, 0x201C, 0x2014, 0x206F, 0x2070, 0x209F, 0x20A0, 0x20AC, 0x20CF, 0x20D0,
                              0x0435, 0x0306, 0x0483, 0x4E2D, 0x3099, 0x304B, 0x30AB, 0x309B, 0xAC00, 0x1100, 0x1161,
                              0x11A8, 0xFF76, 0xFF9E, 0xF900, 0x1F600, 0xFDD0]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                scalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!)
            }
            let text = String(scalars)
            let fast = NFCNormalizer.survey(text), slow = reference(text)
            #expect(fast.unstable == slow.unstable && fast.hasEth == slow.hasEth, "\(Array(text.unicodeScalars))")
            let composed = text.precomposedStringWithCanonicalMapping
            let mapped = String(String.UnicodeScalarView(composed.unicodeScalars.map { scalar in
                scalar.value == 0xD0 ? "\u{0110}" : scalar.value == 0xF0 ? "\u{0111}" : scalar
            }))
            #expect(Array(NFCNormalizer.normalize(text) { false }.utf8) == Array(composed.utf8))
            #expect(Array(NFCNormalizer.normalize(text) { true }.utf8) == Array(mapped.utf8))
        }
    }

    /// Every scalar taken as stable has combining class 0 and is its own NFC (no singleton or excluded
    /// decomposition), and two of them side by side do not compose.
    @Test func stableScalarsAreStarterThatNFCKeeps() {
        var stable: [Unicode.Scalar] = []
        for value in UInt32(0x300)...0xFFFF where NFCNormalizer.isStable(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            stable.append(scalar)
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            let text = String(Character(scalar))
            #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "U+\(String(value, radix: 16))")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<16).map { _ in stable.randomElement(using: &generator)! }))
            #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8))
        }
    }
}
