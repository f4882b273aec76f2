import SieveCore

/// The sqlite sink's connection: checks or creates the schema, upserts documents with prepared statements,
/// and commits every `batch` documents or 2 seconds, whichever comes first.
final class SQLiteWriter {
    private let database: SQLiteDatabase
    private let batch: Int
    private let upsert: SQLiteStatement
    private let deleteBlocks: SQLiteStatement
    private let insertBlock: SQLiteStatement
    private let deleteComments: SQLiteStatement
    private let insertComment: SQLiteStatement
    private var pending = 0
    private var lastCommit = ContinuousClock.now

    /// Opens the database at `path` in WAL mode and starts the first transaction.
    init(path: String, batch: Int) throws(SQLiteError) {
        database = try SQLiteDatabase(path: path)
        self.batch = batch
        try Self.prepareSchema(database)
        upsert = try database.prepare(SQLiteSchema.upsert)
        deleteBlocks = try database.prepare("DELETE FROM blocks WHERE doc = ?")
        insertBlock = try database.prepare(SQLiteSchema.insertBlock)
        deleteComments = try database.prepare("DELETE FROM comments WHERE doc = ?")
        insertComment = try database.prepare("INSERT INTO comments (doc, position, author, date, text) VALUES (?, ?, ?, ?, ?)")
        try database.execute("BEGIN IMMEDIATE")
    }

    /// Refuses a database of another program; creates the tables in a new one.
    private static func prepareSchema(_ database: SQLiteDatabase) throws(SQLiteError) {
        let application = try database.integer("PRAGMA application_id")
        let tables = try database.integer("SELECT count(*) FROM sqlite_schema")
        if application != SQLiteSchema.applicationID && tables > 0 {
            throw SQLiteError(path: database.path, message: "it is a SQLite database that Sieve did not make; name a new file")
        }
        let version = try database.integer("PRAGMA user_version")
        if version > SQLiteSchema.version {
            throw SQLiteError(path: database.path, message: "it was made by a newer Sieve (schema \(version)); name a new file")
        }
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        try database.execute("BEGIN IMMEDIATE; \(SQLiteSchema.create)"
            + "PRAGMA application_id = \(SQLiteSchema.applicationID); PRAGMA user_version = \(SQLiteSchema.version)")
        let present = Set(try database.strings("SELECT name FROM pragma_table_info('documents')"))
        for column in SQLiteSchema.columns where !present.contains(column.name) {
            try database.execute("ALTER TABLE documents ADD COLUMN \(column.name) \(column.type.replacing(" UNIQUE", with: ""))")
        }
        try database.execute("COMMIT")
    }

    /// Upserts one document and replaces its blocks and comments; commits when the batch is full.
    func write(_ document: Document) throws(SQLiteError) {
        for (index, column) in SQLiteSchema.columns.enumerated() {
            switch column.value(document) {
            case .text(let text): upsert.bind(text, at: Int32(index + 1))
            case .integer(let number): upsert.bind(number, at: Int32(index + 1))
            }
        }
        defer { upsert.reset() }
        guard try upsert.step() else { throw SQLiteError(path: database.path, message: "the upsert returned no row") }
        let doc = upsert.integer(at: 0)
        upsert.reset()
        deleteBlocks.bind(doc, at: 1)
        try deleteBlocks.run()
        let attributes = DocumentSchema.blockAttributes
        for (position, block) in document.blocks.enumerated() {
            insertBlock.bind(doc, at: 1)
            insertBlock.bind(position, at: 2)
            insertBlock.bind(block.kind.rawValue, at: 3)
            for (index, attribute) in attributes.enumerated() {
                let column = Int32(4 + index)
                switch attribute.value(in: block) {
                case .number(let number)?: insertBlock.bind(Int(exactly: number), at: column)
                case .bool(let flag)?: insertBlock.bind(flag ? 1 : 0, at: column)
                case .string(let text)?: insertBlock.bind(text, at: column)
                default: insertBlock.bind(nil as Int?, at: column)
                }
            }
            insertBlock.bind(block.text, at: Int32(4 + attributes.count))
            let structured = !block.spans.isEmpty || block.rows != nil || block.image != nil
            insertBlock.bind(structured ? Self.markup(of: block) : nil, at: Int32(5 + attributes.count))
            try insertBlock.run()
        }
        deleteComments.bind(doc, at: 1)
        try deleteComments.run()
        for (position, comment) in document.comments.enumerated() {
            insertComment.bind(doc, at: 1)
            insertComment.bind(position, at: 2)
            insertComment.bind(comment.author, at: 3)
            insertComment.bind(comment.date, at: 4)
            insertComment.bind(comment.text, at: 5)
            try insertComment.run()
        }
        pending += 1
        if pending >= batch || ContinuousClock.now - lastCommit > .seconds(2) {
            try database.execute("COMMIT; BEGIN IMMEDIATE")
            pending = 0
            lastCommit = .now
        }
    }

    /// The block as one `sieve-document/2` JSON object.
    private static func markup(of block: Block) -> String {
        JSONWriter.text { DocumentJSON.writeBlock(block, to: &$0) }
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
}
