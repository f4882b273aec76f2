import Testing
@testable import SieveCore

@Suite struct RegistryTests {
    @Test func rolesComeFromTheProtocols() {
        let roles = Dictionary(uniqueKeysWithValues: testRegistry.descriptors.map { ($0.name, $0.role) })
        #expect(roles == ["lines": .reader, "shout": .normalizer, "memory": .sink])
    }

    @Test func optionsAreListedInDeclarationOrderWithTypesAndDefaults() throws {
        let descriptor = try #require(testRegistry.descriptor(named: "shout"))
        #expect(descriptor.options.map(\.name) == ["suffix", "times", "loud", "words"])
        #expect(descriptor.options.map(\.type) == [.text, .integer, .boolean, .list])
        #expect(descriptor.options.map(\.defaultValue) == [.string(""), .number(1), .bool(true), .list([])])
        #expect(descriptor.options[1].help == "how many times")
    }

    @Test func optionsAreConvertedFromCommandLineText() throws {
        let spec = try StageSpec(parsing: "shout:suffix=!,times=3,loud=no,words=a|b")
        let stage = try #require(try testRegistry.makeTransform(spec) as? ShoutTransform)
        #expect(stage.options.suffix == "!")
        #expect(stage.options.times == 3)
        #expect(stage.options.loud == false)
        #expect(stage.options.words == ["a", "b"])
    }

    @Test func commasInsideValuesStayWhenNoKeyFollows() throws {
        let spec = try StageSpec(parsing: "shout:suffix=//div[contains(@class,'x')],times=2")
        #expect(spec.options["suffix"] == .string("//div[contains(@class,'x')]"))
        #expect(spec.options["times"] == .string("2"))
    }

    @Test func unknownStageSuggestsTheClosestName() {
        #expect {
            try testRegistry.makeTransform(StageSpec(name: "shoot"))
        } throws: { error in
            "\(error)".contains("unknown normalizer, extractor or filter 'shoot'") && "\(error)".contains("did you mean 'shout'")
        }
    }

    @Test func anUnknownReaderIsCalledAReader() {
        #expect {
            try testRegistry.makeReader(StageSpec(name: "nothing", origin: "--from"))
        } throws: { error in
            (error as? ConfigurationError)?.messages.first?.hasPrefix("--from: unknown reader 'nothing'") == true
        }
    }

    @Test func everyBadOptionIsReportedAtOnce() {
        let spec = StageSpec(name: "shout", options: ["time": "2", "loud": "maybe"])
        #expect {
            try testRegistry.makeTransform(spec)
        } throws: { error in
            let messages = (error as? ConfigurationError)?.messages ?? []
            return messages.count == 2
                && messages.contains { $0.contains("no option 'time'") && $0.contains("did you mean 'times'") }
                && messages.contains { $0.contains("option 'loud' of stage 'shout' expects a boolean (true or false), got 'maybe'") }
        }
    }

    @Test func declaredChecksRunBeforeTheStageIsBuilt() {
        #expect {
            try testRegistry.makeTransform(StageSpec(name: "shout", options: ["times": "-1"]))
        } throws: { error in
            "\(error)" == "--stage: option 'times' of stage 'shout' must not be negative"
        }
        #expect(testRegistry.problems(in: StageSpec(name: "shout", options: ["times": "2.5"])).map(\.message)
            == ["option 'times' of stage 'shout' expects a whole number, got '2.5'"])
    }

    @Test func aSinkIsNotATransform() {
        #expect {
            try testRegistry.makeTransform(StageSpec(name: "memory"))
        } throws: { error in
            "\(error)".contains("'memory' is a sink, not a normalizer, extractor or filter")
        }
    }

    @Test func withReplacesAStageOfTheSameName() {
        let registry = testRegistry.with(ShoutTransform.self)
        #expect(registry.descriptors.count == 3)
    }
}
