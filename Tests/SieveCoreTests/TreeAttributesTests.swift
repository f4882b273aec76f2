import Logging
import SieveCore
import SieveTesting
import Testing

/// A reader may leave unread attributes out of its tree only when every transform of the pipeline reads at
/// most the standard ones (`Transform.treeAttributes`); a transform that says nothing may read any.
@Suite struct TreeAttributesTests {
    @Test(arguments: [(["replacing"], "standard"), (["replacing", "shout"], "all"), (["shout"], "all"), ([], "standard")])
    func readersAreToldWhatTheTransformsRead(transforms: [String], told: String) async throws {
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
        #expect(sink.documents.first?.fields["tree_attributes"] == .string(told))
    }

    @Test func anUndeclaredTransformMayReadAnyAttribute() throws {
        let shout = try testRegistry.makeTransform(StageSpec(name: "shout"))
        #expect(shout.treeAttributes == .all)
        #expect(TreeAttributes.needed(by: [shout]) == .all)
        #expect(TreeAttributes.needed(by: [ReplacingTransform(options: NoOptions())]) == .standard)
    }
}
