import Foundation
import SieveCore
import SieveTesting
import Testing

/// `StageConformance` catches the contract breaks it promises to catch, and passes a well-behaved stage.
@Suite struct ConformanceCheckTests {
    /// Appends a mark to every paragraph: applying it twice differs from once.
    struct Exclaim: Normalizer {
        static let name = "exclaim"
        static let summary = "appends !"
        init(options: NoOptions) {}
        func apply(to document: inout Document, context: StageContext) throws -> Verdict {
            for index in document.blocks.indices { document.blocks[index].text += "!" }
            return .keep
        }
    }

    /// Trims paragraphs: idempotent.
    struct Trim: Normalizer {
        static let name = "trim"
        static let summary = "trims spaces"
        init(options: NoOptions) {}
        func apply(to document: inout Document, context: StageContext) throws -> Verdict {
            for index in document.blocks.indices {
                document.blocks[index].text = document.blocks[index].text.trimmingCharacters(in: [" ", "\t", "\n"])
            }
            return .keep
        }
    }

    /// Fails the huge document with an untyped error.
    struct Fragile: Extractor {
        struct Options: StageOptions {
            var limit = 1000
            init() {}
            static let declared: [OptionSpec<Options>] = [.option("limit", \.limit, "most blocks")]
        }
        struct Oops: Error {}
        static let name = "fragile"
        static let summary = "gives up on long documents"
        let limit: Int
        init(options: Options) { limit = options.limit }
        func apply(to document: inout Document, context: StageContext) throws -> Verdict {
            if document.blocks.count > limit { throw Oops() }
            return .keep
        }
    }

    @Test func aNonIdempotentNormalizerFails() {
        #expect { try StageConformance.check(Exclaim.self) } throws: { error in
            let text = "\(error)"
            return text.contains("stage 'exclaim' fails") && text.contains("document 'conformance/ordinary': not idempotent")
        }
    }

    @Test func anIdempotentNormalizerPasses() throws {
        try StageConformance.check(Trim.self)
    }

    @Test func anUntypedErrorOnAHugeDocumentFails() {
        #expect { try StageConformance.check(Fragile.self) } throws: { error in
            "\(error)".contains("document 'conformance/huge': threw Oops, not a StageError")
        }
    }

    /// Declares one of its two options only.
    struct HalfDeclared: Extractor {
        struct Options: StageOptions {
            var limit = 10
            var forgotten = false
            init() {}
            static let declared: [OptionSpec<Options>] = [
                .option("limit", \.limit, "most blocks", check: { $0 > 0 ? nil : "must be positive" }),
            ]
        }
        static let name = "half-declared"
        static let summary = "forgets to declare an option"
        init(options: Options) {}
        func apply(to document: inout Document, context: StageContext) throws -> Verdict { .keep }
    }

    @Test func anUndeclaredOptionOrAFailingCheckFails() {
        var bad = HalfDeclared.Options()
        bad.limit = 0
        #expect { try StageConformance.check(HalfDeclared.self, options: bad) } throws: { error in
            let text = "\(error)"
            return text.contains("Options has 2 stored properties but declares 1 options")
                && text.contains("option 'limit' of stage 'half-declared' must be positive")
        }
    }
}
