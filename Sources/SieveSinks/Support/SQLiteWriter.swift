import SieveCore

/// The sqlite sink's connection: checks or creates the schema, upserts documents with prepared statements,
/// and commits every `batch` documents or 2 seconds, whichever comes first.
final class SQLiteWriter {
    private let database: SQLiteDatabase
    private let batch: Int
    private let upsert: SQLiteStatement
    private let deleteBlocks: SQLiteStatement
    private let insertBlock: SQLiteStatement
    private var pending = 0
    private var lastCommit = ContinuousClock.now

    /// Opens the database at `path` in WAL mode and starts the first transaction.
    init(path: String, batch: Int) throws(SQLiteError) {
        database = try SQLiteDatabase(path: path)
        self.batch = batch
        try Self.prepareSchema(database)
        upsert = try database.prepare(SQLiteSchema.upsert)
        deleteBlocks = try database.prepare("DELETE FROM blocks WHERE doc = ?")
        insertBlock = try database.prepare("INSERT INTO blocks (doc, position, kind, level, text) VALUES (?, ?, ?, ?, ?)")
        try database.execute("BEGIN IMMEDIATE")
    }

    /// Refuses a database of another program; creates the tables in a new one.
    private static func prepareSchema(_ database: SQLiteDatabase) throws(SQLiteError) {
        let application = try database.integer("PRAGMA application_id")
        let tables = try database.integer("SELECT count(*) FROM sqlite_schema")
        if application != SQLiteSchema.applicationID && tables > 0 {
            throw SQLiteError(path: database.path, message: "is a SQLite database that Sieve did not make; name a new file")
        }
        let version = try database.integer("PRAGMA user_version")
        if version > SQLiteSchema.version {
            throw SQLiteError(path: database.path, message: "was made by a newer Sieve (schema \(version)); name a new file")
        }
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        try database.execute("BEGIN IMMEDIATE; \(SQLiteSchema.create)"
            + "PRAGMA application_id = \(SQLiteSchema.applicationID); PRAGMA user_version = \(SQLiteSchema.version); COMMIT")
    }

    /// Upserts one document and replaces its blocks; commits when the batch is full.
    func write(_ document: Document) throws(SQLiteError) {
        let values: [String?] = [
            document.id, document.source.path, document.source.format, nil, document.source.url, document.source.fetched,
            document.title, document.published, document.modified, json { $0.strings(document.authors) },
            document.language, document.site, document.url, document.description, document.image,
            json { $0.strings(document.tags) }, document.text, json { $0.value(.object(document.fields)) },
            json { DocumentJSON.writeDiagnostics(document.diagnostics, to: &$0) },
        ]
        for (index, value) in values.enumerated() { upsert.bind(value, at: Int32(index + 1)) }
        upsert.bind(document.source.offset, at: 4)
        defer { upsert.reset() }
        guard try upsert.step() else { throw SQLiteError(path: database.path, message: "the upsert returned no row") }
        let doc = upsert.integer(at: 0)
        upsert.reset()
        deleteBlocks.bind(doc, at: 1)
        try deleteBlocks.run()
        for (position, block) in document.blocks.enumerated() {
            insertBlock.bind(doc, at: 1)
            insertBlock.bind(position, at: 2)
            insertBlock.bind(block.kind.rawValue, at: 3)
            insertBlock.bind(block.level, at: 4)
            insertBlock.bind(block.text, at: 5)
            try insertBlock.run()
        }
        pending += 1
        if pending >= batch || ContinuousClock.now - lastCommit > .seconds(2) {
            try database.execute("COMMIT; BEGIN IMMEDIATE")
            pending = 0
            lastCommit = .now
        }
    }

    /// Commits what is pending and closes the database.
    func finish() throws(SQLiteError) {
        try database.execute("COMMIT")
        database.close()
    }

    /// Rolls back what is pending and closes the database.
    func abandon() {
        try? database.execute("ROLLBACK")
        database.close()
    }

    private func json(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
