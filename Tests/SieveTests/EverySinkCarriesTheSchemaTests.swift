import CSQLite
import Foundation
import Sieve
import SieveCore
import SieveTesting
import Testing

/// Every registered sink writes every member of `DocumentSchema` (and the structure inside blocks), so a
/// member added to the schema or a sink added to the registry is checked here without editing the test.
@Suite struct EverySinkCarriesTheSchemaTests {
    /// Options a sink needs to write everything (CSV writes the columns it is asked for).
    static let everything: [String: [String: FieldValue]] = [
        "csv": ["columns": .list(["id", "source.path", "source.format", "source.offset", "source.url", "source.fetched",
                                  "title", "published", "modified", "authors", "language", "site", "url", "description",
                                  "image", "tags", "text", "blocks", "comments", "fields", "diagnostics"])],
    ]

    /// The markers of `SampleDocuments.structured` a member's value holds.
    static func markers(of member: DocumentSchema.Member) -> [String] {
        switch member.kind {
        case .identifier: ["M-id"]
        case .source: ["M-source-path", "M-source-format", "4242", "M-source-url", "M-source-fetched"]
        case .text: ["M-block-text"]
        case .blocks: ["M-heading", "M-block-text", "M-span-href", "M-span-src", "M-list-item", "M-quote", "M-code",
                       "M-language", "M-header-cell", "M-cell", "M-figure-caption", "M-figure-src"]
        case .comments: ["M-comment-author", "M-comment-date", "M-comment-text", "M-comment-plain"]
        case .fields: ["M-field-name", "M-field-value"]
        case .diagnostics: ["M-diagnostic-message"]
        case .optionalString, .strings: ["M-\(member.name == "authors" || member.name == "tags" ? String(member.name.dropLast()) : member.name)"]
        }
    }

    @Test func everyMemberHasAMarkerInTheSample() {
        let json = String(decoding: DocumentJSON.encode(SampleDocuments.structured), as: UTF8.self)
        for member in DocumentSchema.members {
            for marker in Self.markers(of: member) { #expect(json.contains(marker), "\(member.name): \(marker)") }
        }
    }

    @Test(arguments: StageRegistry.standard.names(of: .sink))
    func sinkWritesEveryMember(name: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("out").path
        var sink = try StageRegistry.standard.makeSink(StageSpec(name: name, options: Self.everything[name] ?? [:]))
        let output: [UInt8]
        if var database = sink as? any DatabaseSink {
            try database.open(database: path)
            try database.write(SampleDocuments.structured)
            try database.close()
            output = try Self.databaseText(at: path)
        } else {
            let channel = try OutputChannel(path: path)
            try sink.open(channel)
            try sink.write(SampleDocuments.structured)
            try sink.close()
            try channel.commit()
            output = try Self.bytes(at: path)
        }
        for member in DocumentSchema.members {
            for marker in Self.markers(of: member) {
                #expect(Self.contains(output, marker), "sink '\(name)' lost member '\(member.name)' (\(marker))")
            }
        }
    }

    /// Every value of every row of every table of a SQLite database, as text.
    static func databaseText(at path: String) throws -> [UInt8] {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return [] }
        defer { sqlite3_close(handle) }
        func rows(_ sql: String) -> [[String]] {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return [] }
            defer { sqlite3_finalize(statement) }
            var rows: [[String]] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                rows.append((0..<sqlite3_column_count(statement)).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
                })
            }
            return rows
        }
        let tables = rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%'").map { $0[0] }
        return Array(tables.flatMap { rows("SELECT * FROM \"\($0)\"").joined() }.joined(separator: "\n").utf8)
    }

    /// The bytes a sink wrote: the file, or every file of the directory it made.
    static func bytes(at path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        var bytes: [UInt8] = []
        for case let file as String in FileManager.default.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() {
            let full = (path as NSString).appendingPathComponent(file)
            if let data = FileManager.default.contents(atPath: full) { bytes += data }
        }
        return bytes
    }

    static func contains(_ bytes: [UInt8], _ marker: String) -> Bool {
        let needle = Array(marker.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
