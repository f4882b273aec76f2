import SieveCore
import SieveTesting
import Testing
import SectionStages

@Test func sectionTaggerPassesTheConformanceCheck() throws {
    try StageConformance.check(SectionTagger.self)
}

@Test func sectionTaggerTagsMatchingSections() throws {
    var options = SectionTagger.Options()
    options.sections = ["sport=bóng đá", "economy=giá vàng"]
    let stage = try SectionTagger(options: options)
    var document = Document(id: "a", source: Source(path: "a.txt", format: "text"),
                            blocks: [Block(.paragraph, "Giá vàng tăng mạnh trong phiên sáng nay.")])
    let context = StageContext(stageName: SectionTagger.name, logger: .init(label: "test"))
    #expect(try stage.apply(to: &document, context: context) == .keep)
    #expect(document.fields["sections"] == ["economy"])
}
