import SieveCore

extension FuzzTarget {
    /// `JSONLinesRecords` over a JSON Lines file of pages (`id`, `url`, `html` or `text`, `charset`, `date`).
    public static let jsonLines = FuzzTarget(name: "jsonl", summary: "JSON Lines page records") { bytes in
        ScratchFile.with(bytes, suffix: ".jsonl") { path in
            for case .record(let input, _) in JSONLinesRecords(path: path, idPrefix: "fuzz", maxBytes: 1 << 20) {
                _ = input.bytes.count
            }
        }
    }
}
