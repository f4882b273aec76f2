/// The tables of the sqlite sink, version 1 (`PRAGMA user_version`), marked as Sieve's by
/// `PRAGMA application_id` so a database of another program is never written into.
///
/// - `documents`: `doc` (integer key, stable: FTS rows point at it), `id` (unique; the upsert key), the
///   source columns, the core fields (`authors` and `tags` as JSON arrays), `text`, `fields` and
///   `diagnostics` as JSON.
/// - `blocks`: `(doc, position)` → `kind`, `level`, `text`; deleted with their document.
/// - `documents_fts`: FTS5 on `title` and `text`, external content `documents`, kept in sync by triggers;
///   the `unicode61` tokenizer, case-insensitive but keeping diacritics: in Vietnamese `tri`, `trí` and `trị`
///   are different words, so folding tone marks would find far too much.
enum SQLiteSchema {
    /// `SIVE` in ASCII.
    static let applicationID = 0x5349_5645
    /// The schema version written to `user_version`.
    static let version = 1

    /// Creates whatever is missing.
    static let create = """
        CREATE TABLE IF NOT EXISTS documents (
            doc INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source_path TEXT NOT NULL,
            source_format TEXT NOT NULL,
            source_offset INTEGER,
            source_url TEXT,
            source_fetched TEXT,
            title TEXT,
            published TEXT,
            modified TEXT,
            authors TEXT NOT NULL,
            language TEXT,
            site TEXT,
            url TEXT,
            description TEXT,
            image TEXT,
            tags TEXT NOT NULL,
            text TEXT NOT NULL,
            fields TEXT NOT NULL,
            diagnostics TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
        CREATE INDEX IF NOT EXISTS documents_site ON documents(site);
        CREATE TABLE IF NOT EXISTS blocks (
            doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            level INTEGER,
            text TEXT NOT NULL,
            PRIMARY KEY (doc, position)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
            title, text, content = 'documents', content_rowid = 'doc', tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
        END;
        """

    /// The document columns after `doc`, in the order `upsert` binds them.
    static let columns = [
        "id", "source_path", "source_format", "source_offset", "source_url", "source_fetched", "title", "published",
        "modified", "authors", "language", "site", "url", "description", "image", "tags", "text", "fields",
        "diagnostics",
    ]

    /// Inserts a document or replaces the one with its id, returning its `doc`.
    static var upsert: String {
        let placeholders = columns.map { _ in "?" }.joined(separator: ", ")
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO documents (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (id) DO UPDATE SET \(updates) RETURNING doc"
    }
}
