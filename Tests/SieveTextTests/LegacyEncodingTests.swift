import Foundation
import SieveCore
import Testing
@testable import SieveText
#if canImport(Glibc)
import Glibc
#endif

/// Bytes in legacy Vietnamese charsets are made here with the C library's iconv, then read back.
@Suite struct LegacyEncodingTests {
    private let text = "Tiếng Việt, Hà Nội. Huyện ủy Thanh Trì tổ chức hội nghị tổng kết năm học 2023-2024."

    /// `text` encoded with iconv into `charset`.
    private func encode(_ text: String, to charset: String) throws -> [UInt8] {
        guard let handle = iconv_open(charset, "UTF-8"), handle != iconv_t(bitPattern: -1) else {
            throw StageError(stage: "test", "iconv cannot encode \(charset)")
        }
        defer { iconv_close(handle) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = outBuffer.count
                guard iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return -1 }
                return outBuffer.count - outLeft
            }
        }
        guard written >= 0 else { throw StageError(stage: "test", "iconv failed for \(charset)") }
        return Array(output[..<written])
    }

    @Test(arguments: [("windows-1258", "CP1258"), ("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
    func declaredCharsetsDecodeToNFC(_ name: String, _ iconvName: String) throws {
        let bytes = try encode(text, to: iconvName)
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the \(name) bytes must not be UTF-8")
        let declared = try TestSupport.read(bytes, declaredCharset: name)
        #expect(declared.blocks.map(\.text) == [text])
        #expect(declared.diagnostics.isEmpty)
        var options = TextReader.Options()
        options.charset = name
        #expect(try TestSupport.read(bytes, options: options).blocks.map(\.text) == [text])
    }

    @Test(arguments: ["CP1258", "TCVN5712-1", "VISCII"])
    func undeclaredLegacyBytesAreDetectedWithADiagnostic(_ iconvName: String) throws {
        let document = try TestSupport.read(try encode(text, to: iconvName))
        #expect(document.blocks.map(\.text) == [text])
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("not UTF-8") == true)
    }

    @Test(arguments: [
        ("ISO-8859-1", "Die Bürger sind völlig überrascht, für Übergänge gibt es keine Lösung, schöne Grüße aus München."),
        ("GB2312", "北京时间今天上午，国家主席在人民大会堂会见了来访的外国领导人，双方就经贸合作交换了意见。"),
        ("WINDOWS-1251", "Следователи объявили правонарушителю о подозрении в совершении преступления."),
    ])
    func undeclaredBytesInOtherCharsetsAreDetectedStatistically(_ iconvName: String, _ sentence: String) throws {
        let document = try TestSupport.read(try encode(sentence, to: iconvName))
        #expect(document.blocks.map(\.text) == [sentence])
        #expect(document.diagnostics.first?.message.contains("not UTF-8") == true)
    }

    @Test func forcedUTF8RepairsInsteadOfGuessing() throws {
        var options = TextReader.Options()
        options.charset = "utf-8"
        let document = try TestSupport.read(try encode(text, to: "VISCII"), options: options)
        #expect(document.blocks[0].text.contains("\u{FFFD}"))
    }

    @Test func utf8ReadAsWindows1252IsRepaired() throws {
        let mojibake = String(decoding: Array(text.utf8).map { UInt16($0) }, as: UTF16.self)
        #expect(mojibake.hasPrefix("Tiáº¿ng"))
        let document = try TestSupport.read(mojibake)
        #expect(document.blocks.map(\.text) == [text])
        #expect(document.diagnostics.first?.message.contains("UTF-8 read as Windows-1252") == true)
    }

    @Test func tcvn3ReadAsLatin1IsRepaired() throws {
        let latin1 = String(decoding: try encode(text, to: "TCVN5712-1").map { UInt16($0) }, as: UTF16.self)
        #expect(latin1.hasPrefix("TiÕng ViÖt"))
        let document = try TestSupport.read(latin1)
        #expect(document.blocks.map(\.text) == [text])
        #expect(document.diagnostics.first?.message.contains("TCVN3") == true)
    }

    @Test func anUnknownCharsetIsRejectedWhenTheReaderIsBuilt() {
        var options = TextReader.Options()
        options.charset = "klingon-8"
        #expect(throws: StageError.self) { try TextReader(options: options) }
    }

    @Test func anUnknownCharsetIsFoundByValidationWithoutBuildingTheReader() {
        let registry = StageRegistry().with(TextReader.self)
        let problems = registry.problems(in: StageSpec(name: "text", options: ["charset": "klingon-8"]))
        #expect(problems.map(\.place) == [.value("charset")])
        #expect(problems.first?.message.hasPrefix("option 'charset' of stage 'text' names a charset iconv cannot decode: 'klingon-8'") == true)
        #expect(registry.problems(in: StageSpec(name: "text", options: ["charset": "tcvn3"])).isEmpty)
    }

    @Test func ordinaryVietnameseIsNotTakenForMojibake() throws {
        let document = try TestSupport.read(TestSupport.seed("003_e404581200cffbc0"))
        #expect(document.diagnostics.isEmpty)
    }
}
