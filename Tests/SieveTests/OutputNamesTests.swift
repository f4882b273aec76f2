import CSQLite
import Foundation
import SieveCore
import SieveTesting
import Testing

/// `-o NAME` picks the sink from the extension, `.gz` compresses, `DIR/` writes a file per document, and an
/// extension or `--to` format Sieve does not know is refused with the list, before any input is read.
@Suite struct OutputNamesTests {
    private let seeds = SieveProcess.root.appendingPathComponent("seeds").path

    private func count(_ database: String, _ sql: String) throws -> Int {
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(database, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        var statement: OpaquePointer?
        #expect(sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, "\(String(cString: sqlite3_errmsg(handle)))")
        defer { sqlite3_finalize(statement) }
        return sqlite3_step(statement) == SQLITE_ROW ? Int(sqlite3_column_int64(statement, 0)) : -1
    }

    @Test(arguments: [("page.md", "---\ntitle: "), ("page.txt", "LĐLĐ và Phòng GDĐT"), ("page.html", "<!DOCTYPE html>"),
                      ("page.xml", "<?xml"), ("page.csv", "id,source.path")])
    func theExtensionPicksTheFormat(name: String, start: String) throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "\(seeds)/000_9c02ce070c99dc81.txt", "-o", name, "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: scratch.path(name), encoding: .utf8).hasPrefix(start))
    }

    @Test func anUnknownExtensionIsRefusedWithTheKnownOnesUnlessToNamesTheFormat() throws {
        let scratch = try TemporaryDirectory()
        let refused = try SieveProcess.run(["convert", seeds, "-o", "out.yaml"], in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("unknown output extension '.yaml'"))
        #expect(refused.stderr.contains(".jsonl") && refused.stderr.contains(".md") && refused.stderr.contains(".sqlite"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.yaml")))
        let forced = try SieveProcess.run(["convert", seeds, "-o", "out.yaml", "--to", "jsonl", "-q"], in: scratch.url)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try SieveProcess.jsonLines(atPath: scratch.path("out.yaml")).count == 5)
    }

    @Test func anUnknownToFormatNamesItAndListsTheFormats() throws {
        let result = try SieveProcess.run(["convert", seeds, "--to", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown output format 'yaml'"))
        #expect(result.stderr.contains("formats: json, jsonl, csv, xml, markdown, text, html, sqlite"))
        let typo = try SieveProcess.run(["convert", seeds, "--to", "markdwn"])
        #expect(typo.stderr.contains("unknown output format 'markdwn' (did you mean 'markdown'?)"))
        let reader = try SieveProcess.run(["convert", seeds, "--to", "nfc"])
        #expect(reader.stderr.contains("unknown output format 'nfc'"))
    }

    @Test func toTextAndToHTMLNameTheSinksNotTheReaders() throws {
        let text = try SieveProcess.run(["convert", "seeds/001_b9de26e5fcced888.txt", "--to", "text", "-q"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.text.hasPrefix("id: seeds/001_b9de26e5fcced888\n"), "\(text.text)")
        #expect(text.text.contains("\n\nSáng ngày 23/8/2024"))
        let html = try SieveProcess.run(["convert", "\(seeds)/001_b9de26e5fcced888.txt", "--to", "html", "-q"])
        #expect(html.text.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func toMDIsMarkdownAsTheExtensionIs() throws {
        let markdown = try SieveProcess.run(["convert", "seeds/001_b9de26e5fcced888.txt", "--to", "md", "-q"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.text.hasPrefix("---\nid: \"seeds/001_b9de26e5fcced888\"\n"), "\(markdown.text)")
    }

    @Test func gzAfterAFormatCompressesIt() throws {
        let scratch = try TemporaryDirectory()
        #expect(try SieveProcess.run(["convert", seeds, "-o", "out.jsonl", "-q"], in: scratch.url).status == 0)
        let result = try SieveProcess.run(["convert", seeds, "-o", "out.jsonl.gz", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: scratch.path("out.jsonl.gz"))))
        let plain = try [UInt8](Data(contentsOf: URL(fileURLWithPath: scratch.path("out.jsonl"))))
        #expect(try Gzip.decompress(compressed, limit: 1 << 26) == plain)
        let bare = try SieveProcess.run(["convert", seeds, "-o", "out.gz"], in: scratch.url)
        #expect(bare.status == 2 && bare.stderr.contains("'.gz' needs a known format before it"))
    }

    @Test func aDatabaseIsUpsertedInPlaceNeverDuplicated() throws {
        let scratch = try TemporaryDirectory()
        for _ in 0..<2 {
            let result = try SieveProcess.run(["convert", seeds, "-o", "news.sqlite", "-q"], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let database = scratch.path("news.sqlite")
        #expect(try count(database, "SELECT count(*) FROM documents") == 5)
        #expect(try count(database, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Long Biên'") == 1)
        let stream = try SieveProcess.run(["convert", seeds, "--to", "sqlite"])
        #expect(stream.status == 2 && stream.stderr.contains("writes a database file"))
    }

    @Test func aDatabaseAnotherProgramMadeIsRefusedAsSieveRefusesThings() throws {
        let scratch = try TemporaryDirectory()
        var handle: OpaquePointer?
        #expect(sqlite3_open(scratch.path("other.db"), &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "CREATE TABLE notes (x)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let result = try SieveProcess.run(["convert", "\(seeds)/000_9c02ce070c99dc81.txt", "-o", "other.db"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("sieve: error: cannot write other.db: it is a SQLite database that Sieve did not make"),
                "\(result.stderr)")
        #expect(try count(scratch.path("other.db"), "SELECT count(*) FROM notes") == 0)
    }

    @Test func partitioningIntoAFileNameWithAFormatsExtensionIsRefused() throws {
        let scratch = try TemporaryDirectory()
        let refused = try SieveProcess.run(["convert", seeds, "-o", "days.md", "--partition-by", "date"], in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("-o days.md: --partition-by writes a folder of files, one per day or source, not one .md file; "
            + "name the folder (-o days/) and the format (--to markdown)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("days.md")))
        let named = try SieveProcess.run(["convert", seeds, "-o", "days/", "--partition-by", "date", "--to", "markdown", "-q"], in: scratch.url)
        #expect(named.status == 0, "\(named.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("days"))
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".md") }, "\(files)")
    }

    @Test func aDatabaseThatIsAnInputIsRefused() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("notes.db", "Một ghi chú.\n")
        let result = try SieveProcess.run(["convert", "notes.db", "--from", "text", "-o", "notes.db"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is also an input"))
        #expect(try String(contentsOfFile: scratch.path("notes.db"), encoding: .utf8) == "Một ghi chú.\n")
    }

    @Test func aFolderNameWritesOneFilePerDocument() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", "seeds", "--to", "markdown", "-o", scratch.path("pages") + "/", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = scratch.path("pages/seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 5 && files.allSatisfy { $0.hasSuffix(".md") }, "\(files)")
        let first = try String(contentsOfFile: "\(folder)/\(files[0])", encoding: .utf8)
        #expect(first.hasPrefix("---\ntitle: \"LĐLĐ"))
    }

    @Test func perDocumentFilesStayInsideTheFolderWhateverTheIDs() throws {
        let scratch = try TemporaryDirectory()
        let pages = [#"{"id": "../../escape", "text": "Một."}"#, #"{"id": "tin/a#1:b", "text": "Hai."}"#,
                     #"{"id": "/abs/.hidden", "text": "Ba."}"#, #"{"id": "tin/a#1:b", "text": "Bốn, cùng id."}"#]
        try scratch.write("in/pages.jsonl", pages.joined(separator: "\n") + "\n")
        let result = try SieveProcess.run(["convert", "in/pages.jsonl", "--to", "text", "-o", "out/", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: scratch.path("out")).sorted()
        #expect(files == ["abs", "abs/_hidden.txt", "escape.txt", "tin", "tin/a_1_b-2.txt", "tin/a_1_b.txt"], "\(files)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["in", "out"])
    }
}
