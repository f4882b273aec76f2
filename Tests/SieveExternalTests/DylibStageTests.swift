import Foundation
import SieveCore
import SieveExternal
import SieveTesting
import Testing

/// The `dylib` stage loading the C sample, built with `cc` here, and libraries that break the contract.
@Suite struct DylibStageTests {
    let registry = StageRegistry().with(DylibStage.self)
    let scratch: TemporaryDirectory

    init() throws {
        scratch = try TemporaryDirectory(prefix: "sieve-dylib")
    }

    /// Compiles C source files into a shared library in the test's directory.
    func build(_ sources: [String], name: String) throws -> String {
        let output = scratch.path("lib\(name).so")
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", output] + sources
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "cc failed on \(sources)")
        return output
    }

    func buildSample() throws -> String {
        try build([Fixtures.sample("dylib-stage-c/wordcount.c")], name: "wordcount")
    }

    func buildSource(_ source: String, name: String) throws -> String {
        let file = try scratch.write("\(name).c", source)
        return try build(["-I", Fixtures.sample("dylib-stage-c"), file], name: name)
    }

    func stage(_ path: String, config: FieldValue? = nil) throws -> any Transform {
        var options: [String: FieldValue] = ["path": .string(path)]
        if let config { options["config"] = config }
        return try registry.makeTransform(StageSpec(name: "dylib", options: options, origin: "test.yml:7:5"))
    }

    @Test func theCSampleCountsWordsAndKeepsTheRest() throws {
        let dylib = try stage(try buildSample())
        var document = Fixtures.document("a", title: "Tiêu đề", paragraphs: ["Một hai ba", "four \"five\"\tsix\nseven"])
        document.blocks.append(Block(.caption, "captions are not counted"))
        document.fields = ["existing": "yes"]
        let sent = document
        #expect(try dylib.apply(to: &document, context: Fixtures.context()) == .keep)
        #expect(document.fields["word_count"] == .number(7))
        #expect(document.fields["existing"] == "yes")
        #expect(document.blocks == sent.blocks)
        #expect(document.title == "Tiêu đề")
        var empty = SampleDocuments.empty
        #expect(try dylib.apply(to: &empty, context: Fixtures.context()) == .keep)
        #expect(empty.fields["word_count"] == .number(0))
    }

    @Test func configReachesCreateAndDropsCarryTheirReason() throws {
        let dylib = try stage(try buildSample(), config: ["min_words": .number(4)])
        var short = Fixtures.document("s", paragraphs: ["one two three"])
        #expect(try dylib.apply(to: &short, context: Fixtures.context()) == .drop(reason: "3 words, fewer than min_words=4"))
        #expect { try stage(try buildSample(), config: ["min_words": "many"]) } throws: { error in
            "\(error)".contains("stage 'wordcount-c'") && "\(error)".contains("refused its options: min_words must be a whole number")
        }
    }

    @Test func aWrongABIVersionIsRefusedWithAClearMessage() throws {
        let path = try buildSource("""
        #include "sieve_stage.h"
        static const sieve_stage_api_v1 api = { .abi_version = 2 };
        const sieve_stage_api_v1 *sieve_stage_v1(void) { return &api; }
        """, name: "future")
        #expect { try stage(path) } throws: { error in
            error is ConfigurationError && "\(error)".hasPrefix("test.yml:7:5: stage 'dylib':")
                && "\(error)".contains("was built for Sieve stage ABI version 2; this Sieve loads version 1")
        }
    }

    @Test func aLibraryWithoutTheEntryPointOrFileIsRefused() throws {
        let path = try buildSource("int unrelated(void) { return 1; }\n", name: "unrelated")
        #expect { try stage(path) } throws: { error in "\(error)".contains("has no function sieve_stage_v1") }
        #expect { try stage("/nonexistent/libnothing.so") } throws: { error in "\(error)".contains("cannot load") }
        #expect { try stage("") } throws: { error in "\(error)".contains("test.yml:7:5: option 'path' of stage 'dylib' is required") }
    }

    @Test func passesTheConformanceCheck() throws {
        var options = DylibStage.Options()
        options.path = try buildSample()
        try StageConformance.check(DylibStage.self, options: options)
    }
}
