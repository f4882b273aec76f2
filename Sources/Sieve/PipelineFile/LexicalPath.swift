/// Joining paths by their text alone (no file system access, no symbolic links followed), so a path written
/// in a pipeline file reads naturally in messages and in `source.path`: `samples/pipelines/` + `../../seeds/`
/// → `seeds/`.
enum LexicalPath {
    /// `base` (a folder) and `path` joined, with `.` and `folder/..` removed; a trailing `/` is kept.
    static func joined(_ base: String, _ path: String) -> String {
        let absolute = base.hasPrefix("/")
        var parts: [Substring] = []
        for part in (base + "/" + path).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = (absolute ? "/" : "") + parts.joined(separator: "/")
        if joined.isEmpty { return "." + (path.hasSuffix("/") ? "/" : "") }
        return path.hasSuffix("/") && !joined.hasSuffix("/") ? joined + "/" : joined
    }
}
