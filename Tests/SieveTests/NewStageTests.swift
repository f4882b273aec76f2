import Foundation
import SieveTesting
import Testing

/// `sieve new-stage` writes a stage and its test into a package and says what to add to Package.swift.
@Suite struct NewStageTests {
    /// The manifest of the package the stage is written into (only its presence matters).
    static let manifest = "// swift-tools-version:6.0\nimport PackageDescription\n\nlet package = Package(name: \"MySieve\")\n"

    @Test(arguments: [("normalizer", "Normalizer"), ("extractor", "Extractor"), ("reader", "SourceReader"), ("sink", "SinkWriter")])
    func writesTheStageAndItsTest(kind: String, conformance: String) throws {
        let scratch = try TemporaryDirectory()
        let package = scratch.url
        try scratch.write("Package.swift", Self.manifest)
        let result = try SieveProcess.run(["new-stage", "--kind", kind, "SectionTagger", "--package-dir", package.path])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOf: package.appendingPathComponent("Sources/CustomStages/SectionTagger.swift"), encoding: .utf8)
        let test = try String(contentsOf: package.appendingPathComponent("Tests/CustomStagesTests/SectionTaggerTests.swift"), encoding: .utf8)
        #expect(source.contains("public struct SectionTagger: \(conformance) {"))
        #expect(source.contains("public static let name = \"section-tagger\""))
        #expect(!source.contains("{{"))
        #expect(test.contains("import CustomStages"))
        #expect(test.contains("try StageConformance.check(SectionTagger.self)"))
        #expect(!test.contains("{{"))
        #expect(result.text.contains(".target(name: \"CustomStages\", dependencies: [.product(name: \"SieveCore\", package: \"Sieve\")]),"))
        #expect(result.text.contains("await SieveCommand.main(registry: .standard.with(SectionTagger.self))"))
    }

    /// samples/custom-stage-swift holds what `new-stage --kind extractor SectionTagger` writes, as a package of its
    /// own that scripts/test-samples builds; it cannot import the template, so this keeps the two the same.
    @Test func theSamplePackageHoldsWhatTheExtractorTemplateWrites() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("Package.swift", Self.manifest)
        let result = try SieveProcess.run(["new-stage", "--kind", "extractor", "SectionTagger", "--target", "SectionStages",
                                           "--package-dir", scratch.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["Sources/SectionStages/SectionTagger.swift", "Tests/SectionStagesTests/SectionTaggerTests.swift"] {
            let written = try String(contentsOf: scratch.url.appendingPathComponent(file), encoding: .utf8)
            let sample = try String(contentsOf: SieveProcess.root.appendingPathComponent("samples/custom-stage-swift/\(file)"), encoding: .utf8)
            #expect(written == sample, "\(file) differs from the template's")
        }
    }

    @Test func aPackageWithoutSieveIsToldToDependOnIt() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("Package.swift", Self.manifest)
        let bare = try SieveProcess.run(["new-stage", "--kind", "extractor", "Tagger", "--package-dir", scratch.url.path])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.text.contains("Package.swift does not depend on Sieve yet"))
        #expect(bare.text.contains(".package(name: \"Sieve\", path: \"PATH-TO-SIEVE\")"))
        let sample = try String(contentsOf: SieveProcess.root.appendingPathComponent("samples/custom-stage-swift/Package.swift"), encoding: .utf8)
        try scratch.write("Package.swift", sample)
        let ready = try SieveProcess.run(["new-stage", "--kind", "extractor", "Other", "--package-dir", scratch.url.path])
        #expect(ready.status == 0, "\(ready.stderr)")
        #expect(!ready.text.contains("does not depend on Sieve"), "\(ready.text)")
    }

    @Test func aSecondStageInTheSameTargetOnlyAsksForRegistration() throws {
        let scratch = try TemporaryDirectory()
        let package = scratch.url
        try scratch.write("Package.swift", Self.manifest)
        _ = try SieveProcess.run(["new-stage", "--kind", "extractor", "First", "--package-dir", package.path, "--target", "MyStages"])
        let second = try SieveProcess.run(["new-stage", "--kind", "normalizer", "Second", "--package-dir", package.path,
                                  "--target", "MyStages", "--stage-name", "second-pass"])
        #expect(second.status == 0)
        #expect(!second.text.contains(".target("))
        #expect(second.text.contains(".standard.with(Second.self)"))
        let source = try String(contentsOf: package.appendingPathComponent("Sources/MyStages/Second.swift"), encoding: .utf8)
        #expect(source.contains("public static let name = \"second-pass\""))
    }

    @Test func refusesToOverwriteAndRejectsBadNames() throws {
        let scratch = try TemporaryDirectory()
        let package = scratch.url
        try scratch.write("Package.swift", Self.manifest)
        _ = try SieveProcess.run(["new-stage", "--kind", "sink", "Tabs", "--package-dir", package.path])
        let again = try SieveProcess.run(["new-stage", "--kind", "sink", "Tabs", "--package-dir", package.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("Tabs.swift already exists; nothing was written"))
        // A refusal that is no misuse of the arguments reads like every other Sieve error, without a usage block.
        #expect(again.stderr.hasPrefix("sieve: error: "), "\(again.stderr)")
        #expect(!again.stderr.contains("USAGE"), "\(again.stderr)")
        let badKind = try SieveProcess.run(["new-stage", "--kind", "filter", "Tabs", "--package-dir", package.path])
        #expect(badKind.stderr.contains("--kind must be one of normalizer, extractor, reader, sink; got 'filter'"))
        let badName = try SieveProcess.run(["new-stage", "--kind", "sink", "my-stage", "--package-dir", package.path])
        #expect(badName.stderr.contains("NAME must be a Swift type name in UpperCamelCase"))
    }

    @Test func refusesABuiltInStageNameAndAFolderThatIsNotAPackage() throws {
        let scratch = try TemporaryDirectory()
        let package = scratch.url
        let notAPackage = try SieveProcess.run(["new-stage", "--kind", "extractor", "SectionTagger", "--package-dir", package.path])
        #expect(notAPackage.status == 2)
        #expect(notAPackage.stderr.hasPrefix("sieve: error: "), "\(notAPackage.stderr)")
        #expect(notAPackage.stderr.contains("\(package.path) has no Package.swift: new-stage writes into a Swift package"), "\(notAPackage.stderr)")
        #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent("Sources").path))
        // The folder was named with --package-dir already: the hint must not ask for it again.
        #expect(!notAPackage.stderr.contains("name it with --package-dir"), "\(notAPackage.stderr)")
        #expect(notAPackage.stderr.contains("swift package init --type executable' in \(package.path)"), "\(notAPackage.stderr)")

        try scratch.write("Package.swift", Self.manifest)
        let builtIn = try SieveProcess.run(["new-stage", "--kind", "normalizer", "Whitespace", "--package-dir", package.path])
        #expect(builtIn.status == 2)
        #expect(builtIn.stderr.hasPrefix("sieve: error: "), "\(builtIn.stderr)")
        #expect(builtIn.stderr.contains("'whitespace' is the name of a built-in stage"), "\(builtIn.stderr)")
        let renamed = try SieveProcess.run(["new-stage", "--kind", "extractor", "MyTitle", "--stage-name", "title", "--package-dir", package.path])
        #expect(renamed.stderr.contains("'title' is the name of a built-in stage"), "\(renamed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: package.appendingPathComponent("Sources").path))
    }
}
