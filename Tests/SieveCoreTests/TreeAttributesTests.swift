import SieveCore
import Testing

/// A reader may leave unread attributes out of its tree only when every transform of the pipeline reads at
/// most the standard ones (`Transform.treeAttributes`); a transform that says nothing may read any.
@Suite struct TreeAttributesTests {
    @Test(arguments: [(["replacing"], "standard"), (["replacing", "shout"], "all"), (["shout"], "all"), ([], "standard")])
    func readersAreToldWhatTheTransformsRead(transforms: [String], told: String) async throws {
        #expect(try await BlocksReplacedTests.toldReader(transforms: transforms)["tree_attributes"] == .string(told))
    }

    @Test func anUndeclaredTransformMayReadAnyAttribute() throws {
        let shout = try testRegistry.makeTransform(StageSpec(name: "shout"))
        #expect(shout.treeAttributes == .all)
        #expect(TreeAttributes.needed(by: [shout]) == .all)
        #expect(TreeAttributes.needed(by: [ReplacingTransform(options: NoOptions())]) == .standard)
    }
}
