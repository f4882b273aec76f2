import SieveCore

/// The tables of the sqlite sink, derived from `DocumentSchema` so a member added there becomes a column
/// here; marked as Sieve's by `PRAGMA application_id` so a database of another program is never written
/// into, and versioned by `PRAGMA user_version`.
///
/// - `documents`: `doc` (integer key, stable: FTS rows point at it), then one column per member in the
///   schema's order: `id` (unique; the upsert key), `source_path`, `source_format`, `source_offset`,
///   `source_url`, `source_fetched`, the core fields (lists such as `authors` as JSON arrays), `text`,
///   `fields` and `diagnostics` as JSON. Blocks and comments have tables of their own.
/// - `blocks`: `(doc, position)` → `kind`, `level`, `depth`, `ordered`, `language`, `text`, and `markup`:
///   the block's `sieve-document/2` JSON when it has inline spans, table cells or a picture.
/// - `comments`: `(doc, position)` → `author`, `date`, `text`.
/// - `documents_fts`: FTS5 on `title` and `text`, external content `documents`, kept in sync by triggers;
///   the `unicode61` tokenizer, case-insensitive but keeping diacritics: in Vietnamese `tri`, `trí` and `trị`
///   are different words, so folding tone marks would find far too much.
///
/// A database made by an earlier Sieve gets the columns it lacks added (`ALTER TABLE ... ADD COLUMN`).
enum SQLiteSchema {
    /// `SIVE` in ASCII.
    static let applicationID = 0x5349_5645
    /// The schema version written to `user_version`.
    static let version = 1

    /// A value bound to a statement.
    enum Value: Sendable {
        case text(String?)
        case integer(Int?)
    }

    /// One column of `documents`: its name, SQL type and value.
    struct Column: Sendable {
        let name: String
        let type: String
        let value: @Sendable (Document) -> Value
    }

    /// The columns of `documents` after `doc`, in the schema's order.
    static let columns: [Column] = DocumentSchema.members.flatMap { member -> [Column] in
        switch member.kind {
        case .identifier:
            return [Column(name: member.name, type: "TEXT NOT NULL UNIQUE") { .text($0.id) }]
        case .source:
            return DocumentSchema.sourceMembers.map { source in
                Column(name: "source_\(source.name)", type: source.kind == .optionalInteger ? "INTEGER" : "TEXT") { document in
                    switch source.value(in: document.source) {
                    case .number(let number): .integer(Int(exactly: number))
                    case .string(let text): .text(text)
                    default: .text(nil)
                    }
                }
            }
        case .optionalString, .strings, .text, .fields, .diagnostics:
            return [Column(name: member.name, type: "TEXT") { document in
                switch member.value(in: document) {
                case .optionalString(let text): .text(text)
                case .text(let text): .text(text)
                case let value: .text(JSONWriter.text { DocumentJSON.writeValue(value, to: &$0) })
                }
            }]
        case .blocks, .comments:
            return []
        }
    }

    /// Creates whatever is missing (columns of `documents` are added by `SQLiteWriter` when missing).
    static var create: String {
        let columnList = columns.map { "    \($0.name) \($0.type)" }.joined(separator: ",\n")
        let attributes = DocumentSchema.blockAttributes.map { "\($0.name) \($0.name == "language" ? "TEXT" : "INTEGER"), " }.joined()
        return """
            CREATE TABLE IF NOT EXISTS documents (
                doc INTEGER PRIMARY KEY,
            \(columnList)
            );
            CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
            CREATE INDEX IF NOT EXISTS documents_site ON documents(site);
            CREATE TABLE IF NOT EXISTS blocks (
                doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
                position INTEGER NOT NULL, kind TEXT NOT NULL, \(attributes)text TEXT NOT NULL, markup TEXT,
                PRIMARY KEY (doc, position)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS comments (
                doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
                position INTEGER NOT NULL, author TEXT, date TEXT, text TEXT NOT NULL,
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
    }

    /// Inserts a document or replaces the one with its id, returning its `doc`.
    static var upsert: String {
        let names = columns.map(\.name)
        let placeholders = names.map { _ in "?" }.joined(separator: ", ")
        let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO documents (\(names.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (id) DO UPDATE SET \(updates) RETURNING doc"
    }

    /// Inserts one block.
    static var insertBlock: String {
        let attributes = DocumentSchema.blockAttributes.map(\.name)
        let names = ["doc", "position", "kind"] + attributes + ["text", "markup"]
        return "INSERT INTO blocks (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    }
}
