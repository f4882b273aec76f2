import SieveCore

extension FuzzTarget {
    /// `WARCRecords` over a WARC file: version lines, header blocks, Content-Length, and the HTTP message
    /// inside (status, Content-Type, chunked transfer, gzip content encoding), with a 1 MiB `--max-bytes`.
    public static let warc = FuzzTarget(name: "warc", summary: "WARC records and the HTTP responses inside") { bytes in
        ScratchFile.with(bytes, suffix: ".warc") { path in
            for case .record(let input, _) in WARCRecords(path: path, idPrefix: "fuzz", maxBytes: 1 << 20) {
                _ = input.bytes.count
            }
        }
    }
}
