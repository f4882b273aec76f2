import Foundation

/// Reads an input's bytes into memory, decompressing gzip, within a size limit.
public struct InputLoader: Sendable {
    /// The largest input accepted, after decompression.
    public var maxBytes: Int

    /// Creates a loader with a size limit.
    public init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// The bytes of a file or of standard input; gzip data is decompressed, and a file named `.gz` must be gzip.
    public func load(_ ref: InputRef) throws(InputError) -> [UInt8] {
        var bytes: [UInt8]
        switch ref.kind {
        case .unreadable(let reason), .skipped(let reason):
            throw InputError(path: ref.path, reason: reason)
        case .standardInput:
            bytes = try readAll(descriptor: STDIN_FILENO, path: "-")
        case .file:
            let fd = ref.open(O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError(path: ref.path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            bytes = try readAll(descriptor: fd, path: ref.path)
        }
        if Gzip.isGzip(bytes) {
            do {
                bytes = try Gzip.decompress(bytes, limit: maxBytes)
            } catch {
                throw InputError(path: ref.path, reason: error.description)
            }
        } else if ref.path.lowercased().hasSuffix(".gz") {
            throw InputError(path: ref.path, reason: Self.notGzipReason)
        }
        return bytes
    }

    /// Why a file named `.gz` is refused when its bytes are not gzip.
    static let notGzipReason = "named .gz but not gzip data (no gzip header); rename it if it is plain text"

    /// Reads to the end. Plain data stops past `maxBytes`; gzip data past `maxBytes` plus 1/2048 and 1 KiB
    /// (more than compression adds at worst), since more compressed bytes than that cannot fit the limit once
    /// inflated.
    /// A regular file is read straight into an array of its size (plus one byte, to see it end); a stream, or a
    /// file that grows while it is read, goes on in 64 KiB chunks.
    private func readAll(descriptor: Int32, path: String) throws(InputError) -> [UInt8] {
        // gzip never shrinks data by less than deflate's worst case (5 bytes a 16 KiB block plus its
        // header), so compressed bytes past that bound cannot inflate to fewer than `maxBytes`.
        let gzipLimit = maxBytes + maxBytes / 2048 + 1024
        func check(_ bytes: [UInt8]) throws(InputError) {
            if bytes.count > maxBytes, !Gzip.isGzip(bytes) || bytes.count > gzipLimit {
                throw InputError(path: path, reason: "larger than the --max-bytes limit of \(maxBytes) bytes")
            }
        }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        var ended = false
        var bytes: [UInt8]
        do {
            bytes = try [UInt8](unsafeUninitializedCapacity: min(size, gzipLimit) + 1) { buffer, count in
                while count < buffer.count {
                    let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        throw InputError(path: path, reason: String(cString: strerror(errno)))
                    }
                    if got == 0 {
                        ended = true
                        return
                    }
                    count += got
                }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, reason: "\(error)")
        }
        try check(bytes)
        guard !ended else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            try check(bytes)
        }
    }
}

/// An input that could not be read, naming the path and the reason.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The input path.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an input error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}
