import SieveCore
import Testing
@testable import SieveText

/// Every stage must survive any text: random mixes of Vietnamese words, digits, dates, dashes and marks.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "Nguyễn", "Văn", "An", "đồng chí", "Phó", "Bí thư", "Chủ tịch", "UBND", "HĐND", "QU-HĐND-UBND", "huyện", "quận",
        "Thanh Trì", "Phòng", "GD&ĐT", "Sở", "Giáo dục", "và", "Đào tạo", "Trường", "THCS", "năm học", "2023-2024", "20223-2024",
        "–", "-", ",", ";", ".", ":", "|", "(", ")", "ngày", "23/8", "23-8-2024", "21:22", "tháng 8/2024", "Ngày", "Từ khóa:",
        "Tin khác", "Giáo dục 23/12/2024 16:44", "\n", "\n\n", "uỷ", "hoà", "Ð", "\u{00A0}", "\u{200B}", "e\u{0301}", "ông", "bà",
        "Ban", "các", "phòng", "Nội vụ", "Y", "tế", "TP", "Hồ Chí Minh", "(Dân trí) -", "Ảnh:", "Xem thêm:", "1", "9h15",
    ]

    @Test func randomTextNeverBreaksAStage() throws {
        var generator = Generator(state: 42)
        let stages = try GoldenTests.pipeline() + [try ToneMarksNormalizer(options: { var o = ToneMarksNormalizer.Options(); o.style = .new; return o }())]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...80, using: &generator) {
                text += Self.pieces.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { text += " " }
            }
            let document = try TestSupport.run(try TestSupport.read(text), stages)
            #expect(document.blocks.allSatisfy { !$0.text.isEmpty })
        }
    }

    @Test func randomBytesAreReadOrRejectedNeverCrash() throws {
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            let count = Int.random(in: 0...600, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0x00...0xFF, using: &generator) }
            do {
                let document = try TestSupport.run(try TestSupport.read(bytes), try GoldenTests.pipeline())
                #expect(document.blocks.allSatisfy { !$0.text.isEmpty })
            } catch let error as StageError {
                #expect(error.message.contains("binary") || error.message.contains("not valid"))
            }
        }
    }

    @Test func emptyAndTinyDocumentsPassThrough() throws {
        for text in ["", " ", "\n\n", "a", "-", "Ngày", "năm học", "(", "|", "đồng chí –"] {
            let document = try TestSupport.run(try TestSupport.read(text), try GoldenTests.pipeline())
            #expect(document.fields["people"] == nil)
        }
    }
}
