import Glibc
import SieveCore

/// What the `-o` name asks for, decided before anything runs: the sink its extension names, whether `.gz`
/// compresses it, and whether it names a folder to write one file per document into.
///
/// - `.json`, `.jsonl`/`.ndjson`, `.csv`, `.xml`, `.md`/`.markdown`, `.txt`, `.html`/`.htm`,
///   `.sqlite`/`.sqlite3`/`.db` pick their sink; `.gz` after a text format also compresses (`out.jsonl.gz`).
/// - `-o DIR/` (a trailing slash, or an existing folder) writes one file per document into `DIR`.
/// - A name without an extension (`/dev/null`, `/dev/fd/3`) leaves the choice to the input count.
/// - Any other extension is an error listing the known ones, unless `--to` (or the pipeline file's `sink`)
///   names the format: `--to` always wins over the extension.
///
/// Example: `news.sqlite` → sink `sqlite`; `out.csv.gz` → sink `csv`, gzip; `out.yaml` → error.
struct OutputFormat: Equatable {
    /// The sink the extension names; nil when the name has none or a folder is named.
    var sink: String?
    /// Whether the output is gzip-compressed (`.gz`).
    var gzip = false
    /// Whether the output is a folder of one file per document.
    var perDocument = false

    /// Extension → sink, in the order error messages list them.
    static let extensions: [(String, String)] = [
        ("json", "json"), ("jsonl", "jsonl"), ("ndjson", "jsonl"), ("csv", "csv"), ("xml", "xml"), ("md", "markdown"),
        ("markdown", "markdown"), ("txt", "txt"), ("html", "clean-html"), ("htm", "clean-html"), ("sqlite", "sqlite"),
        ("sqlite3", "sqlite"), ("db", "sqlite"),
    ]

    /// `.json, .jsonl, … and .gz after a text format`, for messages.
    static var known: String {
        extensions.map { "." + $0.0 }.joined(separator: ", ") + " (add .gz after a text format to compress)"
    }

    /// Reads the output name. `sinkGiven`: `--to` or the pipeline file names the sink; `partitioned`:
    /// `--partition-by` makes the output a folder of its own kind, so a file name with a format's extension
    /// (`-o days.md`) is refused unless `--to` names the format: it would be a folder of JSON Lines files.
    init(output: String?, sinkGiven: Bool, partitioned: Bool) throws(ConfigurationError) {
        guard let output, output != "-" else { return }
        if partitioned {
            let ext = OutputTarget.name(of: output).lowercased().split(separator: ".").dropFirst().last.map(String.init)
            if !sinkGiven, !output.hasSuffix("/"), !Self.isFolder(output), let ext, let sink = Self.extensions.first(where: { $0.0 == ext })?.1 {
                throw ConfigurationError("-o \(output): --partition-by writes a folder of files, one per day or source, "
                    + "not one .\(ext) file; name the folder (-o \(output.dropLast(ext.count + 1))/) and the format (--to \(sink))")
            }
            return
        }
        if output.hasSuffix("/") || Self.isFolder(output) {
            perDocument = true
            return
        }
        let name = OutputTarget.name(of: output).lowercased()
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // A leading dot starts a hidden name, not an extension: `.out` has none.
        if parts.first == "" { parts.removeFirst() }
        guard parts.count >= 2, var ext = parts.last else { return }
        if ext == "gz" {
            gzip = true
            ext = parts.count >= 3 ? parts[parts.count - 2] : ""
        }
        let sink = Self.extensions.first { $0.0 == ext }?.1
        if gzip, sink == "sqlite" {
            throw ConfigurationError("-o \(output): a SQLite database cannot be compressed; name it .sqlite")
        }
        if sink == nil && !sinkGiven {
            let what = gzip ? "'.gz' needs a known format before it, as in out.jsonl.gz" : "unknown output extension '.\(ext)'"
            throw ConfigurationError("-o \(output): \(what); known: \(Self.known); or name the format with --to")
        }
        self.sink = sink
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
