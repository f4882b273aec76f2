import Foundation
import SieveTesting
import Testing

/// `sieve` does not use the system temporary folder at all: its outputs go through a working file beside the
/// final one (`OutputChannel`), the run's journal and report beside the output, `new-stage` into the
/// package. Each run gets `TMPDIR` pointed at a folder of its own, which must stay empty and untouched: a file
/// made there and removed again still changes the folder's modification time, so a working file moved into
/// the temporary folder is caught, not only one left behind (tests run in parallel, so the shared temporary
/// folder cannot be watched).
@Suite struct TemporaryFolderTests {
    static func leftovers(_ arguments: [String], in scratch: TemporaryDirectory, status: Int32 = 0) throws -> [String] {
        let folder = scratch.path("tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let before = try FileManager.default.attributesOfItem(atPath: folder)[.modificationDate] as? Date
        let result = try SieveProcess.run(arguments, environment: ["TMPDIR": folder])
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        let after = try FileManager.default.attributesOfItem(atPath: folder)[.modificationDate] as? Date
        #expect(before != nil && after == before, "\(arguments) made and removed files in TMPDIR")
        return try FileManager.default.contentsOfDirectory(atPath: folder)
    }

    @Test func newStageLeavesNothingInTheTemporaryFolder() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("package/Package.swift", NewStageTests.manifest)
        let arguments = ["new-stage", "--kind", "extractor", "SectionTagger", "--package-dir", scratch.path("package")]
        #expect(try Self.leftovers(arguments, in: scratch) == [])
        #expect(FileManager.default.fileExists(atPath: scratch.path("package/Sources/CustomStages/SectionTagger.swift")))
    }

    @Test(arguments: [
        ["convert", "seeds", "-o", "OUT/a.jsonl", "--errors", "OUT/errors.jsonl", "--report", "OUT/report.html", "--jobs", "2"],
        ["convert", "seeds", "-o", "OUT/a.sqlite"],
        ["convert", "seeds", "-o", "OUT/a.jsonl.gz", "--no-isolate"],
        ["convert", "seeds", "-o", "OUT/each/", "--to", "markdown"],
        ["run", "samples/pipelines/wordcount-python.yml", "seeds", "-o", "OUT/words.jsonl"],
    ])
    func aRunLeavesNothingInTheTemporaryFolder(arguments: [String]) throws {
        let scratch = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        let outputs = arguments.map { $0.replacing("OUT/", with: scratch.path("out") + "/") }
        #expect(try Self.leftovers(outputs + ["--quiet"], in: scratch) == [])
        #expect(try !FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).isEmpty)
    }

    @Test func aReportLeavesNothingInTheTemporaryFolder() throws {
        let scratch = try TemporaryDirectory()
        let output = scratch.path("out.jsonl")
        #expect(try SieveProcess.run(["convert", "seeds", "-o", output, "--quiet"]).status == 0)
        #expect(try Self.leftovers(["report", output, "-o", scratch.path("report.html")], in: scratch) == [])
        #expect(FileManager.default.fileExists(atPath: scratch.path("report.html")))
    }
}
