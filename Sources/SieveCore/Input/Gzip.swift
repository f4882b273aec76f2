import CZlib

/// gzip decompression through zlib, with a limit on the output size (a guard against gzip bombs).
public enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every gzip member in `bytes`; throws when the output would pass `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 4))
        var stream = z_stream()
        guard sieve_inflateInit2(&stream, 15 + 32) == Z_OK else { throw GzipError("zlib could not start") }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        try bytes.withUnsafeBufferPointer { (input) throws(GzipError) in
            // zlib counts input in UInt32: feed inputs past 4 GiB in pieces.
            var fed = 0
            var remaining: Int { Int(stream.avail_in) + input.count - fed }
            while true {
                if stream.avail_in == 0, fed < input.count {
                    let piece = min(input.count - fed, Int(UInt32.max))
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + fed)
                    stream.avail_in = UInt32(piece)
                    fed += piece
                }
                let status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit {
                    throw GzipError("decompressed size exceeds the --max-bytes limit of \(limit) bytes")
                }
                switch status {
                case Z_STREAM_END:
                    guard remaining > 0 else { return }
                    inflateReset(&stream)
                case Z_OK:
                    if remaining == 0 && produced == 0 {
                        throw GzipError("truncated gzip data")
                    }
                case Z_BUF_ERROR:
                    throw GzipError("truncated gzip data")
                default:
                    throw GzipError("corrupt gzip data (zlib error \(status))")
                }
            }
        }
        return output
    }
}

/// Gzip data that could not be decompressed.
public struct GzipError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
