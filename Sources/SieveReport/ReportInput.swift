import SieveCore
import SieveExternal

/// Feeds the report from files, one line at a time: a JSON Lines output of `sieve convert` (one document
/// object a line, gzip allowed) and an `--errors` report (one failure object a line). Only one line is held
/// at once; lines longer than `maxLineBytes` are an error.
public enum ReportInput {
    /// Longest line read: 256 MiB.
    public static let maxLineBytes = 256 << 20

    /// Counts every document of the JSON Lines file at `path` (`-` for standard input). Blank lines are
    /// ignored; a line that is not a JSON object counts as unreadable.
    /// - Throws: `InputError` when the file cannot be read, a line is too long, or no line is a document
    ///   (the file is not a JSON Lines output, such as a JSON array or a CSV file).
    public static func addDocuments(from path: String, to aggregates: inout ReportAggregates) throws(InputError) {
        let before = aggregates.documents, unreadableBefore = aggregates.unreadable
        try eachLine(of: path) { line in
            if let record = DocumentLine.record(line) {
                aggregates.add(record)
            } else {
                aggregates.addUnreadable()
            }
        }
        if aggregates.documents == before, aggregates.unreadable > unreadableBefore {
            throw InputError(path: path, reason: "no line is a JSON document; sieve report reads JSON Lines output (sieve convert --to jsonl)")
        }
    }

    /// Counts every failure and drop of the `--errors` report at `path`.
    /// - Throws: `InputError` when the file cannot be read, or a line is not a failure record (naming the line).
    public static func addFailures(from path: String, to aggregates: inout ReportAggregates) throws(InputError) {
        var number = 0
        try eachLine(of: path) { line throws(InputError) in
            number += 1
            guard let value = try? JSONParser.parse(line), let failure = FailureTally.failure(json: value) else {
                throw InputError(path: path, reason: "line \(number) is not a failure record ({\"input\", \"stage\", \"reason\", …}) of an --errors report")
            }
            aggregates.add(failure: failure)
        }
    }

    private static func eachLine(of path: String, _ body: ([UInt8]) throws(InputError) -> Void) throws(InputError) {
        let stream = try ByteStream(path: path)
        while let line = try stream.readUntil(0x0A, limit: maxLineBytes) {
            guard line.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }) else { continue }
            try body(line)
        }
    }
}
