import Foundation
import SieveCore
import Testing
@testable import SieveHTML

/// Runs the html reader and main-content on the first pages of the bundled evaluation set and checks the
/// text against the ground truth with the benchmark's measure (4-word shingles). The full evaluation is
/// `scripts/eval-extraction`; this keeps a quick eye on it in every test run.
@Suite("evaluation smoke test")
struct EvaluationSmokeTests {
    static let set = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../eval/aeb-dev").standardizedFileURL

    @Test func firstPagesMatchTheGroundTruth() throws {
        let truthData = try Data(contentsOf: Self.set.appendingPathComponent("ground-truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: [String: Any]])
        let ids = truth.keys.sorted().prefix(4)
        #expect(ids.count == 4)
        let extractor = try MainContentExtractor(options: .init())
        var scores: [(Double, Double)] = []
        for id in ids {
            let compressed = try Data(contentsOf: Self.set.appendingPathComponent("html/\(id).html.gz"))
            let bytes = try Gzip.decompress(Array(compressed), limit: 1 << 26)
            var document = try readHTML(bytes)
            _ = try extractor.apply(to: &document, context: testContext("main-content"))
            let expected = try #require(truth[id]?["articleBody"] as? String)
            scores.append(Self.precisionRecall(predicted: document.text, truth: expected))
        }
        let precision = scores.map(\.0).reduce(0, +) / Double(scores.count)
        let recall = scores.map(\.1).reduce(0, +) / Double(scores.count)
        #expect(precision > 0.9, "precision \(precision)")
        #expect(recall > 0.9, "recall \(recall)")
    }

    /// Shingle precision and recall of one page, as in `eval/score_aeb.py` (tokens are runs of letters,
    /// digits and underscores; a text of fewer than four tokens is one shingle).
    static func precisionRecall(predicted: String, truth: String) -> (Double, Double) {
        let predictedShingles = shingles(tokens(predicted)), truthShingles = shingles(tokens(truth))
        var shared = 0
        for (shingle, count) in predictedShingles { shared += min(count, truthShingles[shingle] ?? 0) }
        let predictedTotal = predictedShingles.values.reduce(0, +), truthTotal = truthShingles.values.reduce(0, +)
        return (predictedTotal == 0 ? 0 : Double(shared) / Double(predictedTotal),
                truthTotal == 0 ? 0 : Double(shared) / Double(truthTotal))
    }

    private static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
    }

    private static func shingles(_ tokens: [String]) -> [[String]: Int] {
        guard !tokens.isEmpty else { return [:] }
        guard tokens.count >= 4 else { return [tokens: 1] }
        var counts: [[String]: Int] = [:]
        for start in 0...(tokens.count - 4) { counts[Array(tokens[start..<start + 4]), default: 0] += 1 }
        return counts
    }
}
