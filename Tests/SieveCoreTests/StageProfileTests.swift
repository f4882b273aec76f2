import Logging
import SieveTesting
import Testing
@testable import SieveCore

/// Burns `milliseconds` of thread CPU on every document: a user's slow custom stage.
struct SlowTransform: Normalizer {
    struct Options: StageOptions {
        var milliseconds = 4
        init() {}
        static let declared: [OptionSpec<Options>] = [.option("milliseconds", \.milliseconds, "CPU to burn per document")]
    }
    static let name = "slow"
    static let summary = "test normalizer that burns CPU"
    let options: Options
    init(options: Options) { self.options = options }

    func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let start = ThreadCPUClock.now()
        var spin: UInt64 = 0
        while ThreadCPUClock.now() - start < UInt64(options.milliseconds) * 1_000_000 { spin &+= 1 }
        document.fields["spins"] = .number(Double(spin % 2))
        return .keep
    }
}

@Suite struct StageProfileTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func profiledRun(jobs: Int, profile: Bool = true) async throws -> RunReport {
        let directory = try TemporaryDirectory()
        for index in 0..<12 { try directory.write("in/\(index).lines", String(repeating: "a line of text \(index)\n", count: 200)) }
        var policy = RunPolicy(jobs: jobs)
        policy.profile = profile
        let spec = PipelineSpec(transforms: [StageSpec(name: "shout"), StageSpec(name: "slow")], sink: StageSpec(name: "memory"),
                                policy: policy)
        let registry = testRegistry.with(SlowTransform.self)
        let pipeline = try Pipeline(spec, registry: registry)
        var selection = InputSource.Selection()
        selection.paths = [directory.path("in")]
        selection.addFormats(of: registry)
        var sink = MemorySink(options: NoOptions())
        return try await pipeline.run(InputSource(selection), logger: logger, write: { sink.write($0) })
    }

    @Test(arguments: [1, 2])
    func everyStageIsListedInPipelineOrderAndTheRowsSumToTheTotal(jobs: Int) async throws {
        let report = try await profiledRun(jobs: jobs)
        let profile = try #require(report.profile)
        #expect(profile.ordered.map(\.name) == ["input", "lines", "lines: split", "shout", "slow", "memory"])
        #expect(profile.inputs == 12)
        #expect(profile.ordered.map(\.nanoseconds).reduce(0, +) == profile.total)
        // 12 documents of at least 4 ms each in `slow`.
        #expect(profile.rows.first { $0.name == "slow" }!.nanoseconds >= 48_000_000)
        #expect(profile.rows.first { $0.name == "shout" }!.nanoseconds > 0)
        #expect(profile.rows.first { $0.name == "lines: split" }!.nanoseconds > 0)
    }

    @Test func aSlowCustomStageHasTheLargestShare() async throws {
        let profile = try #require(try await profiledRun(jobs: 1).profile)
        let largest = profile.rows.max { $0.nanoseconds < $1.nanoseconds }
        #expect(largest?.name == "slow")
        let row = try #require(profile.table.split(separator: "\n").first { $0.hasPrefix("slow ") })
        let share = try #require(Double(row.split(separator: " ").last!.dropLast()))
        #expect(share > 50, "\(profile.table)")
    }

    @Test func anUnprofiledRunHasNoProfile() async throws {
        #expect(try await profiledRun(jobs: 1, profile: false).profile == nil)
    }

    @Test func mergingAddsRowsAndInputs() {
        var first = StageProfile()
        first.add("html", .reader, 5)
        first.add("jsonl", .sink, 1)
        first.inputs = 1
        var second = StageProfile()
        second.add("main-content", .transform, 7)
        second.add("html", .reader, 3)
        second.inputs = 2
        let merged = first.merging(second)
        #expect(merged.ordered.map(\.name) == ["html", "main-content", "jsonl"])
        #expect(merged.ordered.map(\.nanoseconds) == [8, 7, 1])
        #expect(merged.inputs == 3)
        #expect(merged.total == 16)
    }

    @Test func aReaderRowExcludesWhatItCalledAndItsParts() {
        var profile = StageProfile()
        profile.addReader("html", spent: 100, inner: 30, parts: [("parse", 50)])
        #expect(profile.ordered.map(\.name) == ["html", "html: parse"])
        #expect(profile.ordered.map(\.nanoseconds) == [20, 50])
    }
}

/// Records whether its reader was told the blocks are replaced.
struct ReplacingTransform: Extractor {
    static let name = "replacing"
    static let summary = "test transform that sets the blocks itself"
    static let replacesBlocks = true
    var treeAttributes: TreeAttributes { .standard }
    init(options: NoOptions) {}
    func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        document.blocks = [Block(.paragraph, "replaced")]
        return .keep
    }
}

/// Notes in its document whether the pipeline told it the blocks are replaced, and which attributes of an
/// HTML tree the transforms read.
struct TellingReader: SourceReader {
    static let name = "telling"
    static let summary = "test reader"
    static let fileExtensions = ["tell"]
    static func recognizes(_ prefix: ArraySlice<UInt8>) -> Bool { false }
    init(options: NoOptions) {}
    func read(_ input: Input, context: StageContext, emit: (Document) throws -> Void) throws {
        var document = Document(id: input.id, source: Source(path: input.path, format: Self.name))
        document.fields["blocks_replaced"] = .bool(context.blocksReplaced)
        document.fields["tree_attributes"] = .string(context.treeAttributes == .standard ? "standard" : "all")
        try emit(document)
    }
}

@Suite struct BlocksReplacedTests {
    @Test(arguments: [(["replacing", "shout"], true), (["shout", "replacing"], false), ([], false)])
    func readersAreToldOnlyWhenTheFirstTransformReplacesTheBlocks(transforms: [String], told: Bool) async throws {
        #expect(try await Self.toldReader(transforms: transforms)["blocks_replaced"] == .bool(told))
    }

    /// The fields `TellingReader` notes when a pipeline of `transforms` reads one input.
    static func toldReader(transforms: [String]) async throws -> [String: FieldValue] {
        let directory = try TemporaryDirectory()
        try directory.write("a.tell", "x")
        let registry = testRegistry.with(ReplacingTransform.self, TellingReader.self)
        let spec = PipelineSpec(transforms: transforms.map { StageSpec(name: $0) }, sink: StageSpec(name: "memory"), policy: RunPolicy(jobs: 1))
        let pipeline = try Pipeline(spec, registry: registry)
        var selection = InputSource.Selection()
        selection.paths = [directory.path("a.tell")]
        selection.addFormats(of: registry)
        var sink = MemorySink(options: NoOptions())
        _ = try await pipeline.run(InputSource(selection), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
                                   write: { sink.write($0) })
        return sink.documents.first?.fields ?? [:]
    }
}
