import SieveCore
import SieveExternal
import SieveTesting
import Testing

/// Documents survive the trip through their JSON form, and malformed JSON is refused with a position.
@Suite struct DocumentDecodingTests {
    @Test(arguments: [SampleDocuments.ordinary, SampleDocuments.structured, SampleDocuments.unusual, SampleDocuments.blank, SampleDocuments.empty])
    func aDocumentSurvivesItsJSONForm(document: Document) throws {
        var withEverything = document
        withEverything.source = Source(path: "a/b.warc", format: "warc", offset: 1234, url: "https://example.org/x")
        withEverything.source.fetched = "2024-01-31T00:00:00Z"
        withEverything.modified = "2023-08-24"
        withEverything.site = "Báo Mới"
        withEverything.url = "https://example.org/x?a=1&b=\"2\""
        withEverything.description = "lead\twith\ttabs"
        withEverything.image = "https://example.org/i.jpg"
        withEverything.fields["nested"] = ["list": [.number(1.5), .bool(false), .null], "empty": [:]]
        withEverything.diagnose("nfc", "repaired 2 characters", severity: .info)
        let decoded = try DocumentDecoding.decode(DocumentJSON.encode(withEverything), replacing: document)
        #expect(DocumentJSON.encode(decoded) == DocumentJSON.encode(withEverything))
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let json = #"{"blocks":[{"kind":"heading","level":2,"text":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00\u0000"}]}"#
        let original = Document(id: "keep-me", source: Source(path: "p", format: "text"))
        let document = try DocumentDecoding.decode(Array(json.utf8), replacing: original)
        #expect(document.blocks == [Block(.heading, "a\"b\\c/d\n\té😀\u{0}", level: 2)])
        #expect(document.id == "keep-me")
        #expect(document.source.path == "p")
    }

    @Test(arguments: [
        (#"{"id": }"#, "expected a value at byte 7"),
        (#"{"id":"x"} extra"#, "unexpected text after the JSON value at byte 11"),
        (#"{"id":"x"#, "unterminated string at byte 8"),
        (#"["#, "unexpected end of input, expected a value at byte 1"),
        (#"{"a" 1}"#, "expected ':' after member name 'a' at byte 5"),
    ])
    func malformedJSONNamesTheByteOffset(json: String, message: String) {
        #expect { try JSONParser.parse(Array(json.utf8)) } throws: { "\($0)" == message }
    }

    @Test func aWrongMemberTypeNamesTheMember() {
        let original = Document(id: "x", source: Source(path: "p", format: "text"))
        #expect { try DocumentDecoding.decode(Array(#"{"title":3}"#.utf8), replacing: original) } throws: {
            "\($0)" == "document member 'title' must be a string or null"
        }
        #expect { try DocumentDecoding.decode(Array(#"{"blocks":[{"kind":"aside","text":""}]}"#.utf8), replacing: original) } throws: {
            "\($0)".hasPrefix("blocks[0] has unknown kind 'aside'; kinds: heading, paragraph, list_item")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect { try JSONParser.parse(Array(json.utf8)) } throws: { "\($0)".contains("nesting deeper than 256 levels") }
    }
}
