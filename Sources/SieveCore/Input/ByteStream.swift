import CZlib
import Foundation

/// Reads a file (or standard input) in chunks, inflating gzip transparently, including files made of many
/// gzip members (one per WARC record). Never holds more than one chunk of the file in memory, and tracks
/// the offset in the decompressed stream.
public final class ByteStream {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var compressed: [UInt8] = []
    private var compressedStart = 0
    private var stream = z_stream()
    private var inflating = false
    private var memberOpen = false
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// Bytes handed out so far (offset in the decompressed stream).
    public private(set) var offset = 0
    private static let chunkSize = 1 << 18

    /// Opens a file (`-` for standard input); gzip is detected from its first bytes.
    public convenience init(path: String) throws(InputError) {
        try self.init(name: FileName(path), shown: path)
    }

    /// Opens the file named by raw bytes (which need not be UTF-8), shown in errors as `path`.
    init(name: FileName, shown path: String) throws(InputError) {
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = name.withCString { open($0, O_RDONLY | O_CLOEXEC) }
            guard descriptor >= 0 else { throw InputError(path: path, reason: String(cString: strerror(errno))) }
            ownsDescriptor = true
        }
        self.path = path
        try fillCompressed()
        if compressed.count >= 2, compressed[0] == 0x1F, compressed[1] == 0x8B {
            guard sieve_inflateInit2(&stream, 15 + 32) == Z_OK else { throw InputError(path: path, reason: "zlib could not start") }
            inflating = true
        }
    }

    private let path: String

    deinit {
        if inflating { inflateEnd(&stream) }
        if ownsDescriptor { close(descriptor) }
    }

    /// The next bytes up to and including `delimiter`, or to the end of the stream; nil at the end.
    /// Lines longer than `limit` throw.
    public func readUntil(_ delimiter: UInt8, limit: Int) throws(InputError) -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if bufferStart >= buffer.count {
                guard try refill() else { return line.isEmpty ? nil : line }
            }
            let available = buffer[bufferStart...]
            if let end = available.firstIndex(of: delimiter) {
                line.append(contentsOf: buffer[bufferStart...end])
                offset += end + 1 - bufferStart
                bufferStart = end + 1
                return line
            }
            line.append(contentsOf: available)
            offset += available.count
            bufferStart = buffer.count
            if line.count > limit { throw InputError(path: path, reason: "a record is larger than \(limit) bytes at offset \(offset)") }
        }
    }

    /// Exactly `count` bytes, or fewer when the stream ends first. Memory grows with the bytes actually
    /// read, not with `count` (a declared length is outside data and may be anything up to `Int.max`).
    public func read(count: Int) throws(InputError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(max(count, 0), Self.chunkSize))
        while result.count < count {
            if bufferStart >= buffer.count {
                guard try refill() else { break }
            }
            let take = min(count - result.count, buffer.count - bufferStart)
            result.append(contentsOf: buffer[bufferStart..<(bufferStart + take)])
            bufferStart += take
            offset += take
        }
        return result
    }

    /// Passes over `count` bytes without keeping them (one chunk in memory at a time); returns how many were
    /// passed, fewer than `count` when the stream ends first.
    public func skip(count: Int) throws(InputError) -> Int {
        var skipped = 0
        while skipped < count {
            if bufferStart >= buffer.count {
                guard try refill() else { break }
            }
            let take = min(count - skipped, buffer.count - bufferStart)
            bufferStart += take
            offset += take
            skipped += take
        }
        return skipped
    }

    private func refill() throws(InputError) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        bufferStart = 0
        while buffer.isEmpty {
            if compressedStart >= compressed.count {
                try fillCompressed()
                if compressed.isEmpty {
                    if inflating && memberOpen {
                        throw InputError(path: path, reason: "truncated gzip data at offset \(offset)")
                    }
                    return false
                }
            }
            if inflating {
                try inflateSome()
            } else {
                buffer.append(contentsOf: compressed[compressedStart...])
                compressedStart = compressed.count
            }
        }
        return true
    }

    private func inflateSome() throws(InputError) {
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        let (status, used, produced): (Int32, Int, Int) = compressed.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = input.baseAddress! + compressedStart
                stream.avail_in = UInt32(input.count - compressedStart)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let before = stream.avail_in
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, Int(before - stream.avail_in), out.count - Int(stream.avail_out))
            }
        }
        compressedStart += used
        buffer.append(contentsOf: output[0..<produced])
        switch status {
        case Z_OK, Z_BUF_ERROR:
            memberOpen = true
        case Z_STREAM_END:
            inflateReset(&stream)
            memberOpen = false
        default:
            throw InputError(path: path, reason: "corrupt gzip data near offset \(offset) (zlib error \(status))")
        }
    }

    private func fillCompressed() throws(InputError) {
        compressed.removeAll(keepingCapacity: true)
        compressedStart = 0
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: String(cString: strerror(errno)))
            }
            compressed.append(contentsOf: chunk[0..<count])
            return
        }
    }
}
