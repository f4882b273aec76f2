import Glibc

/// A buffered byte stream to standard output or to a file that appears only when complete.
///
/// A file is written under a temporary name beside its final path and renamed into place by `commit()`,
/// so a crash never leaves a half-written file under the final name. `abort()` removes the temporary file.
public final class OutputChannel {
    /// The final path, or nil for standard output.
    public let path: String?
    private let descriptor: Int32
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private var flushed = 0
    private var finished = false
    private static let flushThreshold = 1 << 16

    /// Standard output.
    public init() {
        path = nil
        descriptor = STDOUT_FILENO
        temporaryPath = nil
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// A file at `path`; its temporary sibling is created now, so an unwritable location fails before any work.
    public init(path: String) throws(OutputError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw OutputError(path: path, reason: "is a directory name, not a file") }
        let temporary = "\(directory.isEmpty ? "/" : directory)/.\(name).sieve-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = fd
        self.temporaryPath = temporary
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// Continues a resumable file: `partialPath` is cut back to `length` bytes (its last checkpoint) and
    /// extended; `commit()` renames it to `path`. A missing partial file is created empty.
    public init(path: String, partialPath: String, truncatingTo length: Int) throws(OutputError) {
        let fd = open(partialPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: partialPath, reason: String(cString: strerror(errno))) }
        guard ftruncate(fd, off_t(length)) == 0, lseek(fd, 0, SEEK_END) == off_t(length) else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw OutputError(path: partialPath, reason: reason)
        }
        self.path = path
        self.descriptor = fd
        self.temporaryPath = partialPath
        self.flushed = length
        buffer.reserveCapacity(Self.flushThreshold)
    }

    /// Bytes written so far, flushed or not.
    public var byteCount: Int { flushed + buffer.count }

    /// Flushes and forces the bytes to disk (a checkpoint).
    public func sync() throws(OutputError) {
        try flush()
        if temporaryPath != nil { fsync(descriptor) }
    }

    /// Closes a resumable file without renaming or removing it (an interrupted run).
    public func suspend() {
        guard !finished else { return }
        try? flush()
        finished = true
        if temporaryPath != nil { close(descriptor) }
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends bytes.
    public func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try? flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }

    /// Writes buffered bytes to the descriptor.
    public func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path ?? "standard output", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place under its final name.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        try flush()
        finished = true
        guard let temporaryPath, let path else { return }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Discards a file that was not committed.
    public func abort() {
        guard !finished else { return }
        finished = true
        buffer.removeAll()
        guard let temporaryPath else { return }
        close(descriptor)
        unlink(temporaryPath)
    }
}

/// An output that cannot be written, naming the path and the reason.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The output path.
    public var path: String
    /// What the system said.
    public var reason: String

    /// Creates an output error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}
