import Glibc

/// Where an output path the user typed really leads, decided before anything is written.
///
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` (a process substitution such as
///   `-o >(gzip > x.gz)`) name a descriptor that is already open: it is duplicated and written as a stream.
/// - Symbolic links are followed (at most 40) to their final target, so the link itself is kept.
/// - A character or block device, a FIFO or a socket is written in place as a stream: no temporary file, no
///   rename (replacing `/dev/null` with a regular file is exactly what must not happen).
/// - A regular file, or a name that does not exist yet, is a `file`: written under a temporary name in the
///   same folder and renamed over the final target when complete.
///
/// Example: `out.jsonl -> data/out.jsonl` resolves to `.file("data/out.jsonl")`; `/dev/null` to
/// `.stream("/dev/null")`.
public enum OutputTarget: Sendable, Equatable {
    /// An open descriptor of this process, duplicated for writing.
    case descriptor(Int32)
    /// A device, FIFO or socket, opened and written in place (the path with symbolic links resolved).
    case stream(String)
    /// A regular file, existing or not (the path with symbolic links resolved).
    case file(String)

    /// Resolves a path; throws when it names a folder, a symbolic link loop, or a descriptor that is not open.
    public static func resolve(_ path: String) throws(OutputError) -> OutputTarget {
        var current = path
        for _ in 0...40 {
            if let number = descriptorNumber(current) {
                guard fcntl(number, F_GETFD) != -1 else {
                    throw OutputError(path: path, reason: "file descriptor \(number) is not open")
                }
                return .descriptor(number)
            }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                guard errno == ENOENT else { throw OutputError(path: path, errno: errno) }
                return .file(current)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = readLink(current) else { throw OutputError(path: path, errno: errno) }
                current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
            case S_IFREG:
                return .file(current)
            case S_IFDIR:
                throw OutputError(path: path, reason: "is a folder; name a file (or use --partition-by to write a folder of files)")
            default:
                return .stream(current)
            }
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }

    /// The folder part of a path: `a/b.txt` → `a`, `b.txt` → `.`, `/b` → `/`.
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The file-name part of a path: `a/b.txt` → `b.txt`.
    public static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The outermost folder of `path` that does not exist, or nil when the file's folder exists:
    /// `missing` for `missing/sub/out.jsonl` when there is no `missing`.
    public static func missingFolder(of path: String) -> String? {
        var folder = folder(of: path)
        var missing: String?
        var info = stat()
        while folder != "." && folder != "/" && stat(folder, &info) != 0 && errno == ENOENT {
            missing = folder
            folder = Self.folder(of: folder)
        }
        return missing
    }

    /// `N` for `/dev/fd/N` and `/proc/self/fd/N`, 1 for `/dev/stdout`, 2 for `/dev/stderr`.
    private static func descriptorNumber(_ path: String) -> Int32? {
        if path == "/dev/stdout" { return 1 }
        if path == "/dev/stderr" { return 2 }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
