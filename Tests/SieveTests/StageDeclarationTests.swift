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
        let result = try SieveProcess.run(["stages"], environment: ["COLUMNS": nil])
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let filters = try #require(lines.firstIndex(of: "FILTERS"))
        #expect(lines[filters + 1].hasPrefix("   dedupe"))
        #expect(lines.contains("      bias      balanced|precision|recall = balanced"))
        #expect(lines.contains("      shingle     integer = 4"))
        #expect(lines.contains("      similarity  number = 0.7"))
        #expect(lines.contains("      near        true|false = true"))
        let columns = try #require(lines.firstIndex(of: "      columns  list ="), "a default too wide for 80 columns on a line of its own")
        #expect(lines[columns + 1] == "               id|source.path|title|published|authors|language|url|text|fields")
    }

    /// `sieve stages` wraps like `--help`: to `COLUMNS`, else the terminal, else 80 (the tests' output is a file).
    /// A continuation line is indented under the text it continues; only a word wider than its room overflows.
    @Test(arguments: [nil, 60, 100] as [Int?])
    func stagesWrapsToTheWidth(columns: Int?) throws {
        let width = columns ?? 80
        let wrapped = try SieveProcess.run(["stages"], environment: ["COLUMNS": columns.map(String.init)]).text
        for line in wrapped.split(separator: "\n") where line.count > width {
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "over \(width) columns: \(line)")
        }
        let unwrapped = try SieveProcess.run(["stages"], environment: ["COLUMNS": "1000"]).text
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == unwrapped.split(whereSeparator: \.isWhitespace))
        #expect(wrapped.split(separator: "\n").count > unwrapped.split(separator: "\n").count)
        let summary = try #require(unwrapped.split(separator: "\n").first { $0.hasPrefix("   dedupe") })
        let column = summary.distance(from: summary.startIndex, to: try #require(summary.range(of: "Drop")).lowerBound)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("   dedupe") })
        if lines[start].count < summary.count {
            #expect(lines[start + 1].prefix(column).allSatisfy { $0 == " " } && lines[start + 1].dropFirst(column).first != " ")
        }
    }

    @Test func stagesJSONDoesNotWrap() throws {
        let narrow = try SieveProcess.run(["stages", "--json"], environment: ["COLUMNS": "40"])
        let wide = try SieveProcess.run(["stages", "--json"], environment: ["COLUMNS": "1000"])
        #expect(narrow.stdout == wide.stdout)
        #expect(narrow.text.split(separator: "\n").count == 1)
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
