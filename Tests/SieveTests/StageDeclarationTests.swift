import Foundation
import Sieve
import SieveCore
import Testing

/// Every built-in stage declares its role and each option once; `sieve stages` shows what the declarations say.
@Suite struct StageDeclarationTests {
    @Test func everyBuiltInOptionIsDeclaredOnceAndSurvivesARoundTrip() {
        for descriptor in StageRegistry.standard.descriptors {
            #expect(Self.problems(of: descriptor.type).allSatisfy { $0.contains("is required") }, "\(descriptor.name)")
        }
    }

    private static func problems<S: Stage>(of type: S.Type) -> [String] {
        S.Options().declarationProblems(stage: S.name)
    }

    @Test func dedupeIsAFilterAndTheOtherRolesAreDeclared() {
        let roles = Dictionary(uniqueKeysWithValues: StageRegistry.standard.descriptors.map { ($0.name, $0.role) })
        #expect(roles["dedupe"] == .filter)
        #expect(roles["main-content"] == .extractor)
        #expect(roles["nfc"] == .normalizer)
        #expect(roles["html"] == .reader)
        #expect(roles["csv"] == .sink)
    }

    @Test func stagesShowsTypesChoicesAndDefaults() throws {
        let result = try SieveProcess.run(["stages"])
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let filters = try #require(lines.firstIndex(of: "FILTERS"))
        #expect(lines[filters + 1].hasPrefix("   dedupe"))
        #expect(lines.contains("      bias      balanced|precision|recall = balanced"))
        #expect(lines.contains("      shingle     integer = 4"))
        #expect(lines.contains("      similarity  number = 0.7"))
        #expect(lines.contains("      near        true|false = true"))
        #expect(lines.contains("      columns  list = id|source.path|title|published|authors|language|url|text|fields"))
    }

    @Test func stagesShowsTheNamesASinkIsWrittenUnder() throws {
        let lines = try SieveProcess.run(["stages"]).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sinks = try #require(lines.firstIndex(of: "SINKS"))
        let names = lines[(sinks + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix("      ") }
            .map { $0.dropFirst(3).components(separatedBy: "  ")[0] }
        #expect(names == ["json", "jsonl", "csv", "xml", "markdown (md)", "txt (text)", "clean-html (html)", "sqlite"])
    }

    @Test func stagesJSONGivesChoices() throws {
        let result = try SieveProcess.run(["stages", "--json"])
        let listing = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(listing["format"] as? String == "sieve-stages/2")
        let stages = try #require(listing["stages"] as? [[String: Any]])
        let tones = try #require(stages.first { $0["name"] as? String == "tone-marks" })
        let style = try #require((tones["options"] as? [[String: Any]])?.first)
        #expect(style["type"] as? String == "choice")
        #expect(style["choices"] as? [String] == ["keep", "old", "new"])
        #expect(style["default"] as? String == "keep")
        #expect(stages.first { $0["name"] as? String == "dedupe" }?["role"] as? String == "filter")
    }
}
