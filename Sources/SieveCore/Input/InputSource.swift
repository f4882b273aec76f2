import Foundation

/// Everything a run reads, as a lazy sequence of work items: the named paths (or the list in a
/// `--files-from` file) walked in sorted order, filtered by `--include`/`--exclude` globs and by `--shard`,
/// with WARC and JSON Lines containers opened into their records.
///
/// Every entry is accounted for: a file found in a folder is read only when its format is known
/// (`formats`, under an optional `.gz`) or it matches `--include`; others, Sieve's own working files
/// (`.partial`, `.sieve-journal`) and this run's outputs become `.skipped` items counted by reason;
/// special and unreadable entries become `.failed` items naming the path.
public struct InputSource: Sequence {
    /// How the inputs are selected.
    public struct Selection: Sendable {
        /// Paths named on the command line.
        public var paths: [String] = []
        /// A file listing one path per line (`-` for standard input), read lazily.
        public var filesFrom: String?
        /// Globs a file must match (any of them) to be read; empty means every file named, and every file of
        /// a known format found in a folder. A match is read whatever its format.
        public var include: [String] = []
        /// Globs that exclude a file.
        public var exclude: [String] = []
        /// `(index, count)`: keep only the inputs whose stable path hash falls in this shard.
        public var shard: (index: Int, count: Int)?
        /// Treat every input as this container format (`warc`, `jsonl`), or nil to decide by extension.
        public var container: String?
        /// The largest record accepted.
        public var maxBytes = 64 << 20
        /// The format extensions read from folders by default (compared lowercase, under an optional `.gz`).
        public var formats: Set<String> = Self.builtInFormats
        /// The files this run writes (outputs, error report), never read as inputs.
        public var outputs: Set<FileIdentity> = []

        /// Adds the file extensions of every reader in `registry` to `formats`, so a custom reader's files are
        /// read from folders too.
        public mutating func addFormats(of registry: StageRegistry) {
            formats.formUnion(registry.descriptors.compactMap { $0.type as? any SourceReader.Type }.flatMap { $0.fileExtensions })
        }

        /// The formats of the built-in readers and containers.
        public static let builtInFormats: Set<String> = ["html", "htm", "xhtml", "shtml", "txt", "text", "warc", "jsonl", "ndjson"]

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
                switch ref.kind {
                case .standardInput:
                    return expand(ref)
                case .unreadable(let reason):
                    return .failed(Failure(input: ref.path, stage: "input", reason: reason))
                case .skipped(let reason):
                    return .skipped(reason)
                case .file:
                    switch selection.decision(for: ref) {
                    case .read: return expand(ref)
                    case .skip(let reason): return .skipped(reason)
                    case .otherShard: continue
                    }
                }
            }
        }

        private mutating func expand(_ ref: InputRef) -> WorkItem? {
            guard let container = selection.container ?? ContainerFormat.detect(ref.path) else { return .file(ref) }
            if let problem = Self.notGzip(ref) { return .failed(Failure(input: ref.path, stage: "input", reason: problem)) }
            if container == "warc" {
                var warc = WARCRecords(name: ref.name, path: ref.path, idPrefix: ref.id, maxBytes: selection.maxBytes)
                records = AnyIterator { warc.next() }
            } else {
                var lines = JSONLinesRecords(name: ref.name, path: ref.path, idPrefix: ref.id, maxBytes: selection.maxBytes)
                records = AnyIterator { lines.next() }
            }
            return next()
        }

        /// The reason a container named `.gz` cannot be read as gzip, or nil when it can (or is not so named).
        private static func notGzip(_ ref: InputRef) -> String? {
            guard ref.path.lowercased().hasSuffix(".gz") else { return nil }
            let fd = ref.open(O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var magic: [UInt8] = [0, 0]
            let count = read(fd, &magic, 2)
            return count == 2 && Gzip.isGzip(magic) ? nil : InputLoader.notGzipReason
        }
    }
}

extension InputSource.Selection {
    /// What to do with a file: read it, count it as skipped with a reason, or leave it to another shard.
    enum Decision: Equatable {
        case read
        case skip(String)
        case otherShard
    }

    /// Whether a file passes the working-file rule, the globs, the format list (for files found in folders)
    /// and the shard.
    func decision(for ref: InputRef) -> Decision {
        if let identity = ref.identity, outputs.contains(identity) { return .skip("an output of this run") }
        if let reason = decision(path: ref.path, walked: ref.walked) { return .skip(reason) }
        if let shard, StableHash.of(ref.path) % UInt64(shard.count) != UInt64(shard.index) { return .otherShard }
        return .read
    }

    /// Whether a walk that meets `path` inside a folder reads it (the shard aside).
    public func reads(walkedPath path: String) -> Bool {
        decision(path: path, walked: true) == nil
    }

    /// The reason a file is not read, or nil when it is.
    private func decision(path: String, walked: Bool) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".partial") || name.hasSuffix(".sieve-journal") {
            return "a Sieve working file (.partial or .sieve-journal)"
        }
        if !include.isEmpty {
            if !include.contains(where: { Glob.matches($0, path) }) { return "not matched by --include" }
        } else if walked, let format = Self.unknownFormat(name, known: formats) {
            return "not a known input format (\(format))"
        }
        if exclude.contains(where: { Glob.matches($0, path) }) { return "matched by --exclude" }
        return nil
    }

    /// The extension of a file name whose format is not in `known` (`.png`, `no extension`), nil when known.
    static func unknownFormat(_ name: String, known: Set<String>) -> String? {
        guard let ext = ReaderSelector.formatExtension(of: name) else { return "no extension" }
        return known.contains(ext) ? nil : "." + ext
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

/// The lines of a path-list file (`--files-from`), read lazily; blank lines and `#` comments skipped. A
/// list that cannot be read yields one failure naming it.
public struct PathList: IteratorProtocol {
    private var stream: ByteStream?
    private var failure: InputError?

    /// Opens the list at `path`.
    public init(path: String) {
        do { stream = try ByteStream(path: path) } catch { failure = error }
    }

    /// The next path, a failure reading the list, or nil at its end.
    public mutating func next() -> Result<String, InputError>? {
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
