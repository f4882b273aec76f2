import CSQLite
import Foundation
import SieveCore
import SieveTesting
import Testing
@testable import SieveSinks

/// The sqlite sink's database answers full-text queries, and writing the same documents again replaces
/// them instead of adding rows.
@Suite struct SQLiteSinkTests {
    private func write(_ documents: [Document], to path: String) throws {
        var sink = SQLiteSink(options: .init())
        try sink.open(database: path)
        for document in documents { try sink.write(document) }
        try sink.close()
    }

    private func query(_ path: String, _ sql: String) throws -> [String] {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw SQLiteError(path: path, message: "open") }
        defer { sqlite3_close(handle) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SQLiteError(path: path, message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        var rows: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "NULL")
        }
        return rows
    }

    @Test func fullTextSearchFindsDocumentsByAWordOfTheirText() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("news.sqlite")
        try write(awkwardDocuments(), to: path)
        let search = "SELECT d.id FROM documents_fts f JOIN documents d ON d.doc = f.rowid WHERE documents_fts MATCH"
        #expect(try query(path, "\(search) 'khách'") == ["seeds/003"])
        #expect(try query(path, "\(search) 'HYPERLINK'") == ["odd"])
        #expect(try query(path, "\(search) 'title:tổng'") == ["seeds/003"])
        #expect(try query(path, "SELECT count(*) FROM blocks") == ["5"])
        #expect(try query(path, "SELECT authors FROM documents WHERE id = 'seeds/003'") == ["[\"Thái Bình\"]"])
        #expect(try query(path, "PRAGMA journal_mode") == ["wal"])
    }

    @Test func aRerunReplacesRowsAndKeepsTheIndexInStep() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("news.sqlite")
        try write(awkwardDocuments(), to: path)
        var changed = awkwardDocuments()
        changed[0].blocks = [Block(.paragraph, "Bài đã sửa: học sinh.")]
        try write(changed, to: path)
        #expect(try query(path, "SELECT count(*) FROM documents") == ["2"])
        #expect(try query(path, "SELECT count(*) FROM blocks") == ["3"])
        let search = "SELECT d.id FROM documents_fts f JOIN documents d ON d.doc = f.rowid WHERE documents_fts MATCH"
        #expect(try query(path, "\(search) 'khách'").isEmpty, "the old text left the index")
        #expect(try query(path, "\(search) 'sửa'") == ["seeds/003"])
        #expect(try query(path, "SELECT count(*) FROM documents_fts") == ["2"])
        #expect(try query(path, "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')").isEmpty)
    }

    @Test func blocksKeepTheirStructureAndCommentsHaveATable() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("news.sqlite")
        try write([SampleDocuments.structured], to: path)
        #expect(try query(path, "SELECT kind || ':' || ifnull(depth, '') || ':' || ifnull(ordered, '') FROM blocks WHERE kind = 'list_item'")
                == ["list_item:1:1", "list_item:2:0"])
        #expect(try query(path, "SELECT language FROM blocks WHERE kind = 'code'") == ["M-language"])
        let markup = try query(path, "SELECT markup FROM blocks WHERE kind = 'paragraph'")
        #expect(markup.first?.contains("\"href\":\"https://example.org/M-span-href?a=1&b=2\"") == true, "\(markup)")
        #expect(try query(path, "SELECT count(*) FROM blocks WHERE markup IS NULL AND kind = 'heading'") == ["1"])
        #expect(try query(path, "SELECT author FROM comments ORDER BY position").contains("M-comment-author"))
        #expect(try query(path, "SELECT source_fetched FROM documents") == ["2024-02-03T04:05:06Z-M-source-fetched"])
    }

    @Test func aDatabaseOfAnotherProgramIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("other.db")
        var handle: OpaquePointer?
        sqlite3_open(path, &handle)
        sqlite3_exec(handle, "CREATE TABLE accounts (name TEXT)", nil, nil, nil)
        sqlite3_close(handle)
        #expect { try write(awkwardDocuments(), to: path) } throws: { error in
            "\(error)".contains("a SQLite database that Sieve did not make")
        }
        #expect(try query(path, "SELECT count(*) FROM sqlite_schema") == ["1"], "nothing was added to it")
    }

    @Test func abandoningRollsBackTheOpenBatch() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("news.sqlite")
        var sink = SQLiteSink(options: .init())
        try sink.open(database: path)
        try sink.write(awkwardDocuments()[0])
        sink.abandon()
        #expect(try query(path, "SELECT count(*) FROM documents") == ["0"])
    }
}
