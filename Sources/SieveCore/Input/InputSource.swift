import Foundation

/// Everything a run reads, as a lazy sequence of work items: the named paths (or the list in a
/// `--files-from` file) walked in sorted order, filtered by `--include`/`--exclude` globs and by `--shard`,
/// with WARC and JSON Lines containers opened into their records.
public struct InputSource: Sequence {
    /// How the inputs are selected.
    public struct Selection: Sendable {
        /// Paths named on the command line.
        public var paths: [String] = []
        /// A file listing one path per line (`-` for standard input), read lazily.
        public var filesFrom: String?
        /// Globs a file must match (any of them) to be read; empty means every file.
        public var include: [String] = []
        /// Globs that exclude a file.
        public var exclude: [String] = []
        /// `(index, count)`: keep only the inputs whose stable path hash falls in this shard.
        public var shard: (index: Int, count: Int)?
        /// Treat every input as this container format (`warc`, `jsonl`), or nil to decide by extension.
        public var container: String?
        /// The largest record accepted.
        public var maxBytes = 64 << 20

        /// No inputs yet.
        public init() {}
    }

    private let selection: Selection

    /// A source over a selection.
    public init(_ selection: Selection) {
        self.selection = selection
    }

    /// Iterates the work items.
    public func makeIterator() -> Iterator {
        Iterator(selection)
    }

    /// The iterator of an input source.
    public struct Iterator: IteratorProtocol {
        private let selection: Selection
        private var refs: AnyIterator<InputRef>
        private var records: AnyIterator<WorkItem>?

        init(_ selection: Selection) {
            self.selection = selection
            if let list = selection.filesFrom {
                var lines = PathList(path: list)
                var walker: InputWalker?
                refs = AnyIterator {
                    while true {
                        if let ref = walker?.next() { return ref }
                        guard let path = lines.next() else { return nil }
                        if case .failure(let failure) = path { return .unreadable(list, reason: failure.reason) }
                        if case .success(let name) = path { walker = InputWalker(paths: [name]) }
                    }
                }
            } else {
                var walker = InputWalker(paths: selection.paths)
                refs = AnyIterator { walker.next() }
            }
        }

        /// The next work item.
        public mutating func next() -> WorkItem? {
            while true {
                if let item = records?.next() { return item }
                records = nil
                guard let ref = refs.next() else { return nil }
                guard case .file(let path) = ref else {
                    if case .unreadable(let path, let reason) = ref { return .failed(Failure(input: path, stage: "input", reason: reason)) }
                    return expand(.standardInput)
                }
                guard selection.wants(path) else { continue }
                return expand(.file(path))
            }
        }

        private mutating func expand(_ ref: InputRef) -> WorkItem? {
            let id = ReaderSelector.documentID(for: ref.path)
            switch selection.container ?? ContainerFormat.detect(ref.path) {
            case "warc":
                var warc = WARCRecords(path: ref.path, idPrefix: id, maxBytes: selection.maxBytes)
                records = AnyIterator { warc.next() }
            case "jsonl":
                var lines = JSONLinesRecords(path: ref.path, idPrefix: id, maxBytes: selection.maxBytes)
                records = AnyIterator { lines.next() }
            default:
                return .file(ref)
            }
            return next()
        }
    }
}

extension InputSource.Selection {
    /// Whether a walked file passes the globs and the shard.
    func wants(_ path: String) -> Bool {
        if !include.isEmpty, !include.contains(where: { Glob.matches($0, path) }) { return false }
        if exclude.contains(where: { Glob.matches($0, path) }) { return false }
        if let shard, StableHash.of(path) % UInt64(shard.count) != UInt64(shard.index) { return false }
        return true
    }
}

/// Container formats recognized by extension.
enum ContainerFormat {
    /// `warc` for `.warc`/`.warc.gz`, `jsonl` for `.jsonl`/`.ndjson` (optionally gzipped), nil otherwise.
    static func detect(_ path: String) -> String? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".warc") { return "warc" }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return "jsonl" }
        return nil
    }
}

/// Shell-style globs (`*`, `?`, `[...]`): a pattern without `/` matches the file name, one with `/` the
/// whole path, where `*` also crosses folders.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        if pattern.contains("/") { return fnmatch(pattern, path, 0) == 0 }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return fnmatch(pattern, name, 0) == 0
    }
}

/// FNV-1a over the path's bytes: the same on every machine and every run, unlike `Hasher`.
public enum StableHash {
    /// The 64-bit FNV-1a hash of a string's UTF-8 bytes.
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }
}

/// The lines of a path-list file, read lazily; blank lines and `#` comments skipped.
struct PathList: IteratorProtocol {
    private var stream: ByteStream?
    private var failure: InputError?

    init(path: String) {
        do { stream = try ByteStream(path: path) } catch { failure = error }
    }

    mutating func next() -> Result<String, InputError>? {
        if let failure {
            self.failure = nil
            stream = nil
            return .failure(failure)
        }
        while let stream {
            do {
                guard let line = try stream.readUntil(0x0A, limit: 1 << 16) else {
                    self.stream = nil
                    return nil
                }
                let path = String(decoding: HeaderBlock.trim(line), as: UTF8.self)
                if path.isEmpty || path.hasPrefix("#") { continue }
                return .success(path)
            } catch {
                self.stream = nil
                return .failure(error)
            }
        }
        return nil
    }
}
