import SieveCore
import SieveTesting
import Testing
@testable import SieveText

/// Inputs that once took quadratic time through the text stages: four times the input may take at most
/// eight times the CPU time (a ratio measured inside this run, not a wall-clock budget).
@Suite struct GrowthTests {
    /// `A\n` repeated (100,000 lines took 34 s): the boilerplate-lines normalizer looked at every later line
    /// for each line.
    @Test func manyShortLinesGrowLinearly() throws {
        let stages = try GoldenTests.pipeline()
        func convert(_ lines: Int) throws {
            let document = try TestSupport.run(try TestSupport.read(String(repeating: "A\n", count: lines)), stages)
            #expect(document.text.hasPrefix("A"))
        }
        let ratio = try Growth.ratio(small: { try convert(5_000) }, large: { try convert(20_000) })
        #expect(ratio <= 8, "20,000 lines took \(ratio) times as long as 5,000")
    }

    /// Short lines that are caption candidates and sentences in turn, so every rule of the normalizer runs.
    @Test func manyShortSentencesGrowLinearly() throws {
        let stages = try GoldenTests.pipeline()
        func convert(_ lines: Int) throws {
            let text = String(repeating: "Ông Nguyễn Văn An trao tặng bằng khen\nMột câu văn ngắn.\n", count: lines / 2)
            _ = try TestSupport.run(try TestSupport.read(text), stages)
        }
        let ratio = try Growth.ratio(small: { try convert(1_000) }, large: { try convert(4_000) })
        #expect(ratio <= 8, "4,000 lines took \(ratio) times as long as 1,000")
    }
}
