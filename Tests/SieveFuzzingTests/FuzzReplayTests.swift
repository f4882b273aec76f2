import Foundation
import SieveFuzzing
import Testing

/// Replays every input kept for the fuzz targets: the seed corpus (`fuzz/corpus/NAME`) and each input that
/// once crashed or stalled a target (`fuzz/regressions/NAME`, named after what it found). A target must
/// return on each; a crash here fails the whole test run, which is the point.
@Suite struct FuzzReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz")

    static func inputs(_ kind: String, _ target: String) throws -> [URL] {
        let folder = fuzzFolder.appendingPathComponent("\(kind)/\(target)")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func everyKeptInputRuns(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let corpus = try Self.inputs("corpus", name)
        #expect(!corpus.isEmpty, "fuzz/corpus/\(name) holds the target's seeds")
        for file in corpus + (try Self.inputs("regressions", name)) {
            target.run(Array(try Data(contentsOf: file)))
        }
    }

    @Test func everyTargetHasSeedsAndADictionaryAndNothingElseDoes() throws {
        let names = Set(FuzzTarget.all.map(\.name))
        let corpusFolders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.appendingPathComponent("corpus").path)
        let dictionaries = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.appendingPathComponent("dictionaries").path)
        #expect(Set(corpusFolders) == names)
        #expect(Set(dictionaries.map { String($0.dropLast(".dict".count)) }) == names)
        let regressionFolders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.appendingPathComponent("regressions").path)
        #expect(Set(regressionFolders.filter { !$0.hasPrefix(".") && $0 != "README.md" }).isSubset(of: names))
    }
}
