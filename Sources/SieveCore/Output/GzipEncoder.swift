import CZlib

/// Streaming gzip compression through zlib (deflate level 6 in a gzip wrapper, RFC 1952), for outputs
/// named `.gz`: bytes go in as they are written and compressed bytes come out, so memory stays bounded
/// whatever the output size.
///
/// Example: `compress(Array("hello\n".utf8), into: &out)` then `finish(into: &out)` → a gzip member that
/// `gunzip` and `Gzip.decompress` read back as `hello\n`.
final class GzipEncoder {
    private let stream: UnsafeMutablePointer<z_stream>
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var finished = false

    /// Starts a gzip member; nil when zlib cannot start (out of memory).
    init?() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard sieve_deflateInit2(stream, 6, 15 + 16) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `bytes`, appending whatever compressed output zlib releases to `output`.
    func compress(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        guard !finished, !bytes.isEmpty else { return }
        // zlib counts input in UInt32: feed larger writes in pieces.
        var fed = 0
        while fed < bytes.count {
            let piece = min(bytes.count - fed, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + fed)
            stream.pointee.avail_in = UInt32(piece)
            fed += piece
            run(Z_NO_FLUSH, into: &output)
        }
    }

    /// Ends the gzip member (the trailer holds the CRC-32 and length); later calls do nothing.
    func finish(into output: inout [UInt8]) {
        guard !finished else { return }
        finished = true
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        run(Z_FINISH, into: &output)
    }

    private func run(_ flush: Int32, into output: inout [UInt8]) {
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                return deflate(stream, flush)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: chunk[0..<produced])
            // More output is pending while deflate fills the whole chunk, and until the stream ends when
            // finishing; Z_STREAM_END ends it, Z_BUF_ERROR means there was nothing left to do.
            guard status == Z_OK, flush == Z_FINISH || stream.pointee.avail_out == 0 else { return }
        }
    }
}
