import Glibc

/// A buffered byte stream to standard output, to a stream target, or to a file that appears only when complete.
///
/// ```
///  write ──▶ buffer (64 KiB) ──flush──▶ descriptor
///    file:       .out.jsonl.sieve-PID-N.tmp ──commit: fsync, rename, fsync folder──▶ out.jsonl
///    resumable:  out.jsonl.partial (kept by suspend) ──commit: same──────────────────▶ out.jsonl
///    stream:     standard output, /dev/fd/N, a device or a FIFO, written in place (see `OutputTarget`)
///    gzip:       write ──▶ GzipEncoder ──▶ buffer (for `init(path:gzip: true)`; the member ends at commit)
/// ```
///
/// Rules:
/// - A write error is sticky: the first is kept in `failure`, nothing more is written, and every later
///   `flush`, `sync`, `suspend` and `commit` throws it. Bytes written once are never written again.
/// - The file under the final name is not touched until `commit()` renames over it, so a failed or aborted
///   run leaves the previous file intact; `abort()` removes the temporary file.
/// - Errors name the path the user typed, never the temporary or `.partial` name.
public final class OutputChannel {
    /// The path the user typed, or nil for standard output.
    public let path: String?
    /// The first write error, if any.
    public private(set) var failure: OutputError?
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let workingPath: String?
    private let finalPath: String?
    private let resumable: Bool
    private var buffer: [UInt8] = []
    private var encoder: GzipEncoder?
    private var flushed = 0
    private var finished = false
    private static let flushThreshold = 1 << 16

    private init(path: String?, descriptor: Int32, ownsDescriptor: Bool, workingPath: String? = nil,
                 finalPath: String? = nil, resumable: Bool = false, flushed: Int = 0) {
        self.path = path
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.workingPath = workingPath
        self.finalPath = finalPath
        self.resumable = resumable
        self.flushed = flushed
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// Standard output.
    public convenience init() {
        self.init(path: nil, descriptor: STDOUT_FILENO, ownsDescriptor: false)
    }

    /// The output at `path`, resolved by `OutputTarget`: a stream is opened now; a file gets its temporary
    /// sibling now (keeping an existing file's permissions), so an unwritable location fails before any work.
    /// With `gzip`, everything written is compressed into one gzip member (RFC 1952).
    public convenience init(path: String, gzip: Bool) throws(OutputError) {
        try self.init(path: path)
        guard gzip else { return }
        guard let encoder = GzipEncoder() else {
            abort()
            throw OutputError(path: path, reason: "zlib could not start compressing")
        }
        self.encoder = encoder
    }

    /// The output at `path`, resolved by `OutputTarget`: a stream is opened now; a file gets its temporary
    /// sibling now (keeping an existing file's permissions), so an unwritable location fails before any work.
    public convenience init(path: String) throws(OutputError) {
        switch try OutputTarget.resolve(path) {
        case .descriptor(let number):
            let fd = fcntl(number, F_DUPFD_CLOEXEC, 0)
            guard fd >= 0 else { throw OutputError(path: path, errno: errno) }
            self.init(path: path, descriptor: fd, ownsDescriptor: true)
        case .stream(let target):
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, errno: errno) }
            self.init(path: path, descriptor: fd, ownsDescriptor: true)
        case .file(let target):
            let name = OutputTarget.name(of: target)
            guard !name.isEmpty else { throw OutputError(path: path, reason: "is a folder name, not a file") }
            let temporary = "\(OutputTarget.folder(of: target))/.\(name).sieve-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputError.opening(path, target: target, errno: errno) }
            var existing = stat()
            if stat(target, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
            self.init(path: path, descriptor: fd, ownsDescriptor: true, workingPath: temporary, finalPath: target)
        }
    }

    /// Continues a resumable file: `partialPath` is cut back to `length` bytes (its last checkpoint) and
    /// extended; `commit()` renames it over `path`'s target (through symbolic links). A missing partial file
    /// is created empty. `path` must lead to a regular file (or to nothing yet).
    public convenience init(path: String, partialPath: String, truncatingTo length: Int) throws(OutputError) {
        guard case .file(let target) = try OutputTarget.resolve(path) else {
            throw OutputError(path: path, reason: "is not a regular file, so it cannot be continued")
        }
        let fd = open(partialPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.opening(path, target: partialPath, errno: errno) }
        guard ftruncate(fd, off_t(length)) == 0, lseek(fd, 0, SEEK_END) == off_t(length) else {
            let code = errno
            close(fd)
            throw OutputError(path: path, errno: code)
        }
        self.init(path: path, descriptor: fd, ownsDescriptor: true, workingPath: partialPath, finalPath: target,
                  resumable: true, flushed: length)
    }

    /// Whether this is a file that appears under its final name only at `commit()` (not a stream).
    public var isFile: Bool { workingPath != nil }

    /// Bytes written so far (after compression), flushed or not.
    public var byteCount: Int { flushed + buffer.count }

    /// Flushes and forces a file's bytes to disk (a checkpoint).
    public func sync() throws(OutputError) {
        try flush()
        if workingPath != nil { try check(fsync(descriptor)) }
    }

    /// Closes a resumable file without renaming or removing it (a stopped run); throws a write error that
    /// happened, after closing.
    public func suspend() throws(OutputError) {
        guard !finished else { return }
        finished = true
        defer { if ownsDescriptor { close(descriptor) } }
        try flush()
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends bytes. A write error is kept in `failure` and thrown by the next `flush`, `sync` or `commit`.
    public func write(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        if let encoder {
            let compressed: Void? = bytes.withContiguousStorageIfAvailable { encoder.compress(UnsafeRawBufferPointer($0), into: &buffer) }
            if compressed == nil { Array(bytes).withUnsafeBytes { encoder.compress($0, into: &buffer) } }
        } else {
            buffer.append(contentsOf: bytes)
        }
        if buffer.count >= Self.flushThreshold { try? flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }

    /// Writes buffered bytes to the descriptor. After a partial write fails, the written part is not kept
    /// for another try.
    public func flush() throws(OutputError) {
        if let failure { throw failure }
        var written = 0
        defer {
            buffer.removeSubrange(0..<written)
            flushed += written
        }
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw record(errno)
            }
            written += count
        }
    }

    /// Flushes and, for a file, forces it to disk, moves it into place under its final name and forces the
    /// folder to disk. On failure a temporary file is removed (a resumable one is kept for `--resume`).
    public func commit() throws(OutputError) {
        guard !finished else { return }
        encoder?.finish(into: &buffer)
        do {
            try flush()
            if workingPath != nil { try check(fsync(descriptor)) }
        } catch {
            if resumable { try? suspend() } else { abort() }
            throw error
        }
        finished = true
        if ownsDescriptor, close(descriptor) != 0, errno != EINTR {
            let code = errno
            if let workingPath, !resumable { unlink(workingPath) }
            throw record(code)
        }
        guard let workingPath, let finalPath else { return }
        guard rename(workingPath, finalPath) == 0 else {
            let code = errno
            if !resumable { unlink(workingPath) }
            throw record(code)
        }
        let folder = open(OutputTarget.folder(of: finalPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        if fsync(folder) != 0, errno != EINVAL { throw record(errno) }
    }

    /// Discards a file that was not committed (the previous file under the final name stays as it was).
    public func abort() {
        guard !finished else { return }
        finished = true
        buffer.removeAll()
        if ownsDescriptor { close(descriptor) }
        if let workingPath { unlink(workingPath) }
    }

    /// Throws (and keeps) the error of a failed `fsync`; `EINVAL` means the target cannot be synced.
    private func check(_ status: Int32) throws(OutputError) {
        guard status != 0, errno != EINVAL else { return }
        throw record(errno)
    }

    private func record(_ code: Int32) -> OutputError {
        let error = failure ?? OutputError(path: path ?? "standard output", errno: code)
        failure = error
        return error
    }
}

/// An output that cannot be written, naming the path the user typed and the reason.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The output path.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// The `errno` of the failed system call, when one failed (`EPIPE`: the reader went away).
    public var code: Int32?

    /// Creates an output error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error from a failed system call: `No space left on device`, `File too large`...
    public init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
        self.code = code
    }

    /// An error creating `target` for the output `path`: names the missing folder when there is one.
    static func opening(_ path: String, target: String, errno code: Int32) -> OutputError {
        if code == ENOENT, let missing = OutputTarget.missingFolder(of: target) {
            return OutputError(path: path, reason: "the folder \(missing) does not exist")
        }
        return OutputError(path: path, errno: code)
    }

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}
