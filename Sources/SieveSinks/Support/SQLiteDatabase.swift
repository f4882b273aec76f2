import CSQLite

/// A thin, typed face of SQLite's C API for the sqlite sink: open a file, run SQL, prepare statements and
/// bind values. Every failure throws a `SQLiteError` naming the database file and SQLite's message.
final class SQLiteDatabase {
    /// The database file.
    let path: String
    private var handle: OpaquePointer?

    /// Opens (creating when missing) the database at `path`, waiting up to 5 s for a lock another
    /// connection holds.
    init(path: String) throws(SQLiteError) {
        self.path = path
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            handle = nil
            throw SQLiteError(path: path, message: message)
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit { close() }

    /// Closes the connection (statements not yet finalized are closed with it).
    func close() {
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    /// Runs one or more SQL statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw SQLiteError(path: path, message: text)
        }
    }

    /// The first column of the first row of a query, as an integer (0 when there is no row).
    func integer(_ sql: String) throws(SQLiteError) -> Int {
        let statement = try prepare(sql)
        return try statement.step() ? statement.integer(at: 0) : 0
    }

    /// The first column of every row of a query, as text.
    func strings(_ sql: String) throws(SQLiteError) -> [String] {
        let statement = try prepare(sql)
        var values: [String] = []
        while try statement.step() { values.append(statement.text(at: 0)) }
        return values
    }

    /// A prepared statement.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else {
            throw SQLiteError(path: path, message: lastError)
        }
        return SQLiteStatement(statement, database: self)
    }

    /// SQLite's message for the last failed call.
    var lastError: String {
        handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed"
    }
}

/// One prepared statement: bind by 1-based index, step, reset for the next use.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds text (nil binds NULL).
    func bind(_ value: String?, at index: Int32) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { utf8 in
            // An empty buffer may have no address, and a NULL pointer would bind NULL: bind "" then.
            guard let base = utf8.baseAddress else {
                sqlite3_bind_text(statement, index, "", 0, sieve_sqlite_transient())
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                _ = sqlite3_bind_text(statement, index, $0, Int32(utf8.count), sieve_sqlite_transient())
            }
        }
    }

    /// Binds an integer (nil binds NULL).
    func bind(_ value: Int?, at index: Int32) {
        guard let value else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    /// Runs the statement one step: true when it produced a row, false when it is done.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(path: database.path, message: database.lastError)
        }
    }

    /// Runs the statement to its end and resets it for the next use.
    func run() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    /// An integer column of the current row.
    func integer(at column: Int32) -> Int {
        Int(sqlite3_column_int64(statement, column))
    }

    /// A text column of the current row ("" for NULL).
    func text(at column: Int32) -> String {
        sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
    }

    /// Clears the bindings and rewinds the statement.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }
}

/// A database that could not be opened or written, naming the file and SQLite's message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// What SQLite said.
    public var message: String

    /// `cannot write PATH: MESSAGE`.
    public var description: String { "cannot write \(path): \(message)" }
}
