import Glibc

/// One input found while walking: a file, standard input, a path that cannot be read, or an entry passed over.
/// Two refs are equal when their kind and shown path are.
public struct InputRef: Sendable, Hashable {
    /// What the walk found.
    public enum Kind: Sendable, Hashable {
        /// A file to read (a regular file; when named by the user, also a FIFO or a device).
        case file
        /// Standard input (`-`).
        case standardInput
        /// A path that does not exist or cannot be read (a FIFO, socket or device met in a folder, a dangling
        /// symbolic link, a loop), with the reason.
        case unreadable(String)
        /// An entry deliberately passed over (a symbolic link to a folder inside a walk), with the reason.
        case skipped(String)
    }

    /// What this input is.
    public let kind: Kind
    /// The path as shown to the user: as typed or walked, with bytes that are not UTF-8 escaped as `\xNN`.
    public let path: String
    /// The id of the document read from it: the path without its format extension, or the whole path when a
    /// sibling file would get the same id (`a/good.html` and `a/good.txt`).
    public let id: String
    /// Whether the walk found it inside a folder, rather than the user naming it.
    public let walked: Bool
    /// The path's bytes, for opening it.
    let name: FileName
    /// Device and inode, when the walk looked at the file.
    let identity: FileIdentity?

    init(_ kind: Kind, name: FileName, id: String? = nil, walked: Bool = false, identity: FileIdentity? = nil) {
        self.kind = kind
        self.name = name
        self.path = name.shown
        self.id = id ?? ReaderSelector.documentID(for: path)
        self.walked = walked
        self.identity = identity
    }

    /// A file named by its path.
    public static func file(_ path: String) -> InputRef { InputRef(.file, name: FileName(path)) }

    /// Standard input.
    public static var standardInput: InputRef { InputRef(.standardInput, name: FileName("-")) }

    /// A path that cannot be read, with the reason.
    public static func unreadable(_ path: String, reason: String) -> InputRef {
        InputRef(.unreadable(reason), name: FileName(path))
    }

    public static func == (left: InputRef, right: InputRef) -> Bool {
        left.kind == right.kind && left.path == right.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(path)
    }

    /// The path, when another process can open the same regular file by it: a regular file (seen by the walk)
    /// whose name is UTF-8; nil for standard input, FIFOs, devices and other names.
    public var reopenablePath: String? {
        kind == .file && identity != nil && name.isUTF8 ? path : nil
    }

    /// Opens the file with `open(2)` flags; -1 with `errno` set on failure.
    func open(_ flags: Int32) -> Int32 {
        name.withCString { Glibc.open($0, flags) }
    }
}

/// A file's device and inode number: the same file whatever path reaches it.
public struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file `info` describes (from `stat` or `fstat`).
    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identity of the file at `path` (through symbolic links), nil when it does not exist.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// Walks the paths a user named, lazily: files as they are, folders recursively in sorted byte order, one
/// folder listing in memory at a time. Inside folders, hidden entries (names starting with `.`) are skipped;
/// symbolic links to folders are not followed (counted as skipped); FIFOs, sockets, devices, dangling links
/// and link loops are reported as unreadable, never opened (a FIFO would block the run).
public struct InputWalker: Sequence, IteratorProtocol {
    private var pending: [(name: FileName, id: String?)]
    private var stack: [(folder: FileName, entries: [[UInt8]], ids: [String?], next: Int)] = []

    /// Walks `paths` in the order given.
    public init(paths: [String]) {
        let ids = Self.uniqueIDs(paths)
        pending = zip(paths, ids).map { (FileName($0), $1) }.reversed()
    }

    /// The next input, or nil when every path has been walked.
    public mutating func next() -> InputRef? {
        while true {
            if var top = stack.popLast() {
                guard top.next < top.entries.count else { continue }
                let index = top.next
                top.next += 1
                stack.append(top)
                let name = top.folder.appending(top.entries[index])
                if let found = visit(name, id: top.ids[index], insideFolder: true) { return found }
                continue
            }
            guard let (name, id) = pending.popLast() else { return nil }
            if name.bytes == [UInt8(ascii: "-")] { return .standardInput }
            if let found = visit(name, id: id, insideFolder: false) { return found }
        }
    }

    /// Document ids for the paths of one folder (or of the command line): the usual id, or the whole path
    /// where two paths would share one. Nil entries mean "the usual id".
    static func uniqueIDs(_ paths: [String]) -> [String?] {
        let usual = paths.map { ReaderSelector.documentID(for: $0) }
        var counts: [String: Int] = [:]
        for id in usual { counts[id, default: 0] += 1 }
        return zip(paths, usual).map { path, id in
            guard counts[id, default: 0] > 1 else { return nil }
            var whole = Substring(path)
            while whole.hasPrefix("./") { whole = whole.dropFirst(2) }
            return String(whole)
        }
    }

    private mutating func visit(_ name: FileName, id: String?, insideFolder: Bool) -> InputRef? {
        var info = stat()
        let status = name.withCString { insideFolder ? lstat($0, &info) : stat($0, &info) }
        guard status == 0 else { return InputRef(.unreadable(Self.reason(errno)), name: name, walked: insideFolder) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            do {
                let entries = try name.listFolder()
                let shown = entries.map { name.appending($0).shown }
                stack.append((name, entries, Self.uniqueIDs(shown), 0))
                return nil
            } catch {
                return InputRef(.unreadable(error.reason), name: name, walked: insideFolder)
            }
        case S_IFREG:
            return InputRef(.file, name: name, id: id, walked: insideFolder, identity: FileIdentity(info))
        case S_IFLNK:
            var target = stat()
            guard name.withCString({ stat($0, &target) }) == 0 else {
                let reason = errno == ENOENT ? "a symbolic link to a missing target (\(name.linkTarget?.shown ?? "?"))" : Self.reason(errno)
                return InputRef(.unreadable(reason), name: name, walked: true)
            }
            switch target.st_mode & S_IFMT {
            case S_IFREG: return InputRef(.file, name: name, id: id, walked: true, identity: FileIdentity(target))
            case S_IFDIR: return InputRef(.skipped("symbolic link to a folder (not followed)"), name: name, walked: true)
            default: return InputRef(.unreadable("a symbolic link to " + Self.special(target)), name: name, walked: true)
            }
        case S_IFIFO where !insideFolder, S_IFCHR where !insideFolder:
            return InputRef(.file, name: name, id: id)
        default:
            return InputRef(.unreadable(Self.special(info)), name: name, walked: insideFolder)
        }
    }

    /// What a special file is, and that it is not read.
    private static func special(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe), not a regular file: not read"
        case S_IFSOCK: "a socket, not a regular file: not read"
        case S_IFCHR, S_IFBLK: "a device, not a regular file: not read"
        default: "not a regular file: not read"
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case ELOOP: "a symbolic link loop"
        default: String(cString: strerror(code))
        }
    }
}
