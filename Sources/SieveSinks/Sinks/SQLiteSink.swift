import SieveCore

/// `sqlite`: one SQLite database of documents, kept up to date in place, with full-text search.
///
/// Tables (see `SQLiteSchema`): `documents` (one row per document: the core fields, lists and `fields` as
/// JSON text), `blocks` (the content in order), `documents_fts` (an FTS5 index on title and text, kept in
/// sync by triggers). A document whose id is already in the database replaces its row and blocks (an
/// upsert), so a re-run never duplicates rows. Documents commit in transactions of `batch` documents (or
/// every 2 s), in WAL mode, so the database can be read while a run writes it; a failed run rolls back only
/// its last, uncommitted batch.
///
/// Options: `batch`, documents per transaction (default 500).
/// Example: `sieve convert news/ -o news.sqlite`, then
/// `sqlite3 news.sqlite "SELECT id, title FROM documents_fts JOIN documents ON doc = documents_fts.rowid WHERE documents_fts MATCH 'giáo dục'"`.
public struct SQLiteSink: DatabaseSink {
    /// Options of the SQLite sink.
    public struct Options: StageOptions {
        /// Documents per transaction.
        public var batch = 500
        /// The defaults.
        public init() {}
        /// `batch`.
        public static let declared: [OptionSpec<Options>] = [
            .option("batch", \.batch, "documents per transaction", check: { $0 < 1 ? "must be at least 1, not \($0)" : nil }),
        ]
    }

    /// `sqlite`.
    public static let name = "sqlite"
    /// One line for `sieve stages`.
    public static let summary = "SQLite: a documents table, blocks, and an FTS5 index; re-runs upsert by id"
    /// `sqlite`.
    public static let fileExtension = "sqlite"

    private let batch: Int
    private var writer: SQLiteWriter?

    /// Creates the sink from checked options.
    public init(options: Options) {
        batch = options.batch
    }

    /// Opens the database, creating its tables when new; refuses a database Sieve did not make.
    public mutating func open(database path: String) throws {
        writer = try SQLiteWriter(path: path, batch: batch)
    }

    /// Upserts one document and its blocks.
    public mutating func write(_ document: Document) throws {
        try writer?.write(document)
    }

    /// Commits the last batch and closes the database.
    public mutating func close() throws {
        try writer?.finish()
        writer = nil
    }

    /// Rolls back the uncommitted batch and closes the database.
    public mutating func abandon() {
        writer?.abandon()
        writer = nil
    }
}
