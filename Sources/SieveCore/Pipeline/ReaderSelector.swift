/// Picks the reader for each input: the one the user forced, else by file extension (under `.gz`), else the
/// first reader whose `recognizes` accepts the first bytes.
struct ReaderSelector: Sendable {
    let readers: [(name: String, reader: any SourceReader)]
    let forced: Bool

    func select(path: String, bytes: [UInt8], preferred: String? = nil) -> (name: String, reader: any SourceReader)? {
        if forced { return readers.first }
        if let preferred, let match = readers.first(where: { $0.name == preferred }) { return match }
        if let ext = Self.formatExtension(of: path) {
            for candidate in readers where type(of: candidate.reader).fileExtensions.contains(ext) {
                return candidate
            }
        }
        let prefix = bytes.prefix(4096)
        return readers.first { type(of: $0.reader).recognizes(prefix) }
    }

    /// The extension that names the format: `page.html.gz` → `html`.
    static func formatExtension(of path: String) -> String? {
        var name = Substring(path.split(separator: "/").last ?? "")
        if name.lowercased().hasSuffix(".gz") { name = name.dropLast(3) }
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The document id for a path: the path without compression and format extensions.
    static func documentID(for path: String) -> String {
        if path == "-" { return "stdin" }
        var id = Substring(path)
        if id.lowercased().hasSuffix(".gz") { id = id.dropLast(3) }
        if let ext = formatExtension(of: String(id)), ext.count <= 5 { id = id.dropLast(ext.count + 1) }
        while id.hasPrefix("./") { id = id.dropFirst(2) }
        return String(id)
    }
}
