import SieveCore

extension FuzzTarget {
    /// gzip in both places Sieve inflates it: whole files in memory (`Gzip.decompress`, `.gz` inputs and HTTP
    /// bodies) and streamed containers (`ByteStream`, for `.warc.gz` and `.jsonl.gz`), each with a 1 MiB limit.
    public static let gzip = FuzzTarget(name: "gzip", summary: "Gzip.decompress and the streaming ByteStream") { bytes in
        _ = try? Gzip.decompress(bytes, limit: 1 << 20)
        ScratchFile.with(bytes, suffix: ".gz") { path in
            guard let stream = try? ByteStream(path: path) else { return }
            var total = 0
            while total < 1 << 20, let line = try? stream.readUntil(0x0A, limit: 1 << 16) {
                total += line.count
            }
        }
    }
}
