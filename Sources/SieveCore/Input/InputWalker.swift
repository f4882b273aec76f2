import Foundation

/// One input named by the user, found while walking: a file, standard input, or a path that cannot be read.
public enum InputRef: Sendable, Hashable {
    /// A regular file.
    case file(String)
    /// Standard input (`-`).
    case standardInput
    /// A path that does not exist or cannot be read, with the reason.
    case unreadable(String, reason: String)

    /// The path as shown to the user.
    public var path: String {
        switch self {
        case .file(let path), .unreadable(let path, _): path
        case .standardInput: "-"
        }
    }
}

/// Walks the paths a user named, lazily: files as they are, directories recursively in sorted order, one
/// directory listing in memory at a time. Hidden entries (names starting with `.`) inside directories are
/// skipped; symbolic links to directories are not followed.
public struct InputWalker: Sequence, IteratorProtocol {
    private var pending: [String]
    private var stack: [(directory: String, entries: [String], next: Int)] = []

    /// Walks `paths` in the order given.
    public init(paths: [String]) {
        pending = paths.reversed()
    }

    /// The next input, or nil when every path has been walked.
    public mutating func next() -> InputRef? {
        while true {
            if var top = stack.popLast() {
                guard top.next < top.entries.count else { continue }
                let name = top.entries[top.next]
                top.next += 1
                stack.append(top)
                let path = Self.join(top.directory, name)
                if let found = visit(path, insideDirectory: true) { return found }
                continue
            }
            guard let path = pending.popLast() else { return nil }
            if path == "-" { return .standardInput }
            if let found = visit(path, insideDirectory: false) { return found }
        }
    }

    /// `dir/name`, without doubled slashes or a `/./` from a directory named `dir/.`.
    private static func join(_ directory: String, _ name: String) -> String {
        var directory = Substring(directory)
        while directory.hasSuffix("/.") { directory = directory.dropLast(2) }
        while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
        if directory == "." { return name }
        return directory.isEmpty || directory == "/" ? "/" + name : directory + "/" + name
    }

    private mutating func visit(_ path: String, insideDirectory: Bool) -> InputRef? {
        var info = stat()
        let status = insideDirectory ? lstat(path, &info) : stat(path, &info)
        guard status == 0 else {
            return .unreadable(path, reason: errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            do {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { !$0.hasPrefix(".") }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                stack.append((path, names, 0))
                return nil
            } catch {
                return .unreadable(path, reason: "cannot list directory")
            }
        case S_IFREG:
            return .file(path)
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { return nil }
            return .file(path)
        default:
            return insideDirectory ? nil : .unreadable(path, reason: "not a regular file")
        }
    }
}
