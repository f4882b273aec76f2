import Foundation
import Logging
import SieveCore
import Testing
@testable import SieveBatch

@Suite struct DedupeTests {
    private let context = StageContext(stageName: "dedupe", logger: .init(label: "test"))
    private let article = """
    The city council voted on Tuesday to expand the network of protected bicycle lanes across the \
    downtown area, after two years of consultations with residents, shop owners and delivery companies. \
    The plan adds forty kilometres of lanes, replaces parking on six streets with wider pavements, and \
    sets aside money for secure bicycle parking near the main railway station. Opponents said the \
    changes would hurt small shops, while supporters pointed to falling accident numbers on streets \
    that were rebuilt in the first phase of the programme.
    """

    private func document(_ id: String, _ text: String) -> Document {
        Document(id: id, source: Source(path: "\(id).txt", format: "text"), blocks: [Block(.paragraph, text)])
    }

    @Test func exactCopiesAreDroppedNamingTheOriginal() throws {
        let stage = try DedupeStage(options: .init())
        var first = document("a", article)
        var copy = document("b", article.uppercased().replacingOccurrences(of: ",", with: " ;"))
        #expect(try stage.apply(to: &first, context: context) == .keep)
        #expect(try stage.apply(to: &copy, context: context) == .drop(reason: "exact duplicate of a"))
    }

    @Test func syndicatedCopiesWithAnotherHeaderAndFooterAreNearDuplicates() throws {
        let stage = try DedupeStage(options: .init())
        var first = document("site1/story", "Home | World | Sport\n" + article + "\nShare this story. Follow us.")
        var copy = document("site2/story", "Breaking news from our partners\n" + article + "\n© 2024 Partner Media. All rights reserved.")
        #expect(try stage.apply(to: &first, context: context) == .keep)
        let verdict = try stage.apply(to: &copy, context: context)
        guard case .drop(let reason) = verdict else {
            Issue.record("copy was kept")
            return
        }
        #expect(reason.hasPrefix("near duplicate of site1/story (similarity 0."))
    }

    @Test func differentArticlesOnTheSameTopicAreKept() throws {
        let stage = try DedupeStage(options: .init())
        var first = document("a", article)
        var other = document("b", """
        Residents of the northern districts asked the council on Thursday to extend the tram line \
        beyond the hospital, saying buses are crowded and slow at rush hour. The transport department \
        promised a study of costs and routes by the end of the year, and said the bicycle lane programme \
        would not be delayed by it. A public meeting is planned for next month in the district library.
        """)
        #expect(try stage.apply(to: &first, context: context) == .keep)
        #expect(try stage.apply(to: &other, context: context) == .keep)
    }

    @Test func nearMatchingCanBeTurnedOff() throws {
        var options = DedupeStage.Options()
        options.near = false
        let stage = try DedupeStage(options: options)
        var first = document("a", article)
        var copy = document("b", article + " Updated at noon.")
        #expect(try stage.apply(to: &first, context: context) == .keep)
        #expect(try stage.apply(to: &copy, context: context) == .keep)
    }

    @Test func forgottenDocumentsNoLongerMatch() throws {
        var options = DedupeStage.Options()
        options.remember = 1
        let stage = try DedupeStage(options: options)
        var first = document("a", "one two three")
        var second = document("b", "four five six")
        var again = document("c", "one two three")
        #expect(try stage.apply(to: &first, context: context) == .keep)
        #expect(try stage.apply(to: &second, context: context) == .keep)
        #expect(try stage.apply(to: &again, context: context) == .keep)
    }

    @Test func similarityOutsideZeroToOneIsRejected() {
        let registry = StageRegistry().with(DedupeStage.self)
        #expect { try registry.makeTransform(StageSpec(name: "dedupe", options: ["similarity": "1.5", "shingle": "0"])) } throws: { error in
            (error as? ConfigurationError)?.messages == [
                "--stage: option 'similarity' of stage 'dedupe' must be more than 0 and at most 1, not 1.5",
                "--stage: option 'shingle' of stage 'dedupe' must be at least 1, not 0",
            ]
        }
    }

    @Test func dedupeIsAFilter() {
        #expect(DedupeStage.role == .filter)
    }
}
