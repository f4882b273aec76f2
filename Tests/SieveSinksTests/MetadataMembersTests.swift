import SieveCore
import Testing
@testable import SieveSinks

/// The members the text, Markdown and HTML sinks show beside the title and body: one walk of the schema for all three.
@Suite struct MetadataMembersTests {
    @Test func theShownMembersComeInTheSchemasOrderWithoutTheTitleAndWithoutEmptyValues() {
        var document = Document(id: "seeds/003", source: Source(path: "seeds/003.txt", format: "text"),
                                blocks: [Block(.paragraph, "Nội dung")])
        document.title = "Tựa bài"
        document.published = "2023-08-23"
        document.site = ""
        document.authors = ["Thái Bình", "Lê Anh"]
        document.fields["school_years"] = ["2022-2023"]
        document.diagnostics = [Diagnostic(stage: "text", severity: .warning, message: "repaired 1 invalid byte")]
        let shown = MetadataMembers.of(document)
        #expect(shown.map(\.name) == ["id", "source", "published", "authors", "site", "fields", "diagnostics"])
        #expect(shown.map(\.value) == [
            .text("seeds/003"),
            .json(#"{"path":"seeds/003.txt","format":"text"}"#),
            .text("2023-08-23"),
            .list(["Thái Bình", "Lê Anh"]),
            .text(""),
            .json(#"{"school_years":["2022-2023"]}"#),
            .json(#"[{"stage":"text","severity":"warning","message":"repaired 1 invalid byte"}]"#),
        ])
        #expect(shown[3].value.text(joiningListWith: "; ") == "Thái Bình; Lê Anh")
        #expect(shown[1].value.text(joiningListWith: "; ") == #"{"path":"seeds/003.txt","format":"text"}"#)
    }

    @Test func aBareDocumentShowsItsIdAndSourceOnly() {
        let document = Document(id: "a", source: Source(path: "a.txt", format: "text"), blocks: [])
        #expect(MetadataMembers.of(document).map(\.name) == ["id", "source"])
    }
}
