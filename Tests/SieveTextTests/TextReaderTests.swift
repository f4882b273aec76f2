import Foundation
import SieveCore
import Testing
@testable import SieveText

@Suite struct TextReaderTests {
    @Test func linesBecomeParagraphBlocksAndAHeadlineBecomesAHeading() throws {
        let document = try TestSupport.read("Quận Lê Chân: Tổng kết năm học\n\n21:22 23/08/2023\n\nNgày 23-8, quận Lê Chân tổ chức hội nghị.\nDòng thứ hai của bài.")
        #expect(document.source.format == "text")
        #expect(document.blocks == [
            Block(.heading, "Quận Lê Chân: Tổng kết năm học", level: 1),
            Block(.paragraph, "21:22 23/08/2023"),
            Block(.paragraph, "Ngày 23-8, quận Lê Chân tổ chức hội nghị."),
            Block(.paragraph, "Dòng thứ hai của bài."),
        ])
    }

    @Test func aLongFirstLineFollowedByADatelineIsAHeading() throws {
        let document = try TestSupport.read(
            "LĐLĐ huyện tổ chức tổng kết năm học 2023-2024, vinh danh tập thể xuất sắc.\nNgày 23/8, UBND huyện tổ chức tổng kết.")
        #expect(document.blocks.first?.kind == .heading)
    }

    @Test func aFirstLineThatIsASentenceIsNotAHeading() throws {
        let document = try TestSupport.read(
            "Báo cáo tại hội nghị, đồng chí Vương Thị Vân Khánh cho biết phường có 38 trường.\nCác đồng chí tặng hoa")
        #expect(document.blocks.map(\.kind) == [.paragraph, .paragraph])
    }

    @Test func crlfAndCRLineEndsAreLineBreaks() throws {
        let document = try TestSupport.read("Một câu đầu tiên khá dài.\r\nHai.\rBa.\r\n")
        #expect(document.blocks.map(\.text) == ["Một câu đầu tiên khá dài.", "Hai.", "Ba."])
    }

    @Test func aUTF8ByteOrderMarkIsDropped() throws {
        let document = try TestSupport.read([0xEF, 0xBB, 0xBF] + Array("Xin chào.".utf8))
        #expect(document.blocks.map(\.text) == ["Xin chào."])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func utf16WithAByteOrderMarkIsDecoded() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Hà Nội.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try TestSupport.read(bytes).blocks.map(\.text) == ["Hà Nội."])
    }

    @Test func invalidUTF8IsRepairedWithADiagnostic() throws {
        let bytes = Array("Hà ".utf8) + [0xFF, 0xC3] + Array(" Nội.".utf8)
        let document = try TestSupport.read(bytes)
        #expect(document.blocks.map(\.text) == ["Hà \u{FFFD}\u{FFFD} Nội."])
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics[0].message.contains("offset 4"))
    }

    @Test func binaryInputFailsNamingTheFile() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
        #expect {
            try TestSupport.read(bytes, path: "photos/x.txt")
        } throws: { error in
            "\(error)".contains("photos/x.txt") && "\(error)".contains("binary")
        }
    }

    @Test func randomBytesWithoutNULsFailAsBinary() throws {
        var state: UInt32 = 99
        let bytes: [UInt8] = (0..<5000).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return max(1, UInt8(truncatingIfNeeded: state >> 16))
        }
        #expect {
            try TestSupport.read(bytes, path: "junk.txt")
        } throws: { error in
            "\(error)".contains("junk.txt: binary file, not text") && "\(error)".contains("control characters")
        }
    }

    @Test func aFewStrayControlCharactersStillRead() throws {
        let text = "Hà Nội\u{01} có\u{08} mưa.\n\n" + String(repeating: "Một dòng văn bản bình thường.\n", count: 10) + "Cuối\u{1F}\u{7F}."
        let document = try TestSupport.read(Array(text.utf8))
        #expect(document.blocks.map(\.text).last?.hasPrefix("Cuối") == true)
    }

    @Test func recognizesTextButNotBinaryPrefixes() {
        #expect(TextReader.recognizes(ArraySlice(Array("Hà Nội, ngày 23/8".utf8))))
        #expect(TextReader.recognizes([0xFF, 0xFE, 0x48, 0x00]))
        #expect(!TextReader.recognizes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        #expect(!TextReader.recognizes(ArraySlice([UInt8](repeating: 0x01, count: 64))))
    }

    @Test func hardWrappedTextKeepsItsLinesInOneBlockPerGroup() throws {
        let document = try TestSupport.read(TestSupport.seed("001_b9de26e5fcced888"))
        #expect(document.blocks.count == 1)
        #expect(document.blocks[0].kind == .paragraph)
        #expect(document.blocks[0].text.split(separator: "\n").count == 39)
    }

    @Test func emptyInputGivesNoBlocks() throws {
        #expect(try TestSupport.read([UInt8]()).blocks.isEmpty)
    }
}
