import Foundation

/// Streams a JSON Lines file of pages, one object per line: `{"id": …, "url": …, "html": …}` or with
/// `"text"` instead of `"html"`; optional `"charset"` and `"date"`. This is also the standard-input contract
/// for running Sieve as a filter inside other engines. A bad line fails alone; its neighbours go on.
public struct JSONLinesRecords: Sequence, IteratorProtocol {
    private let path: String
    private let idPrefix: String
    private let maxBytes: Int
    private var stream: ByteStream?
    private var pendingFailure: Failure?
    private var lineNumber = 0

    /// Reads the file at `path` (`-` for standard input); records without an id get `idPrefix#line`.
    public init(path: String, idPrefix: String, maxBytes: Int) {
        self.init(name: FileName(path), path: path, idPrefix: idPrefix, maxBytes: maxBytes)
    }

    /// The same for a file named by raw bytes (which need not be UTF-8), shown in failures as `path`.
    init(name: FileName, path: String, idPrefix: String, maxBytes: Int) {
        self.path = path
        self.idPrefix = idPrefix
        self.maxBytes = maxBytes
        do { stream = try ByteStream(name: name, shown: path) } catch { pendingFailure = Failure(input: path, stage: "jsonl-input", reason: error.reason) }
    }

    /// The next record or failure; nil at the end.
    public mutating func next() -> WorkItem? {
        if let failure = pendingFailure {
            pendingFailure = nil
            return .failed(failure)
        }
        guard let stream else { return nil }
        while true {
            let start = stream.offset
            let line: [UInt8]
            do {
                guard let read = try stream.readUntil(0x0A, limit: maxBytes) else {
                    self.stream = nil
                    return nil
                }
                line = read
            } catch {
                self.stream = nil
                return .failed(Failure(input: path, offset: start, stage: "jsonl-input", reason: error.reason))
            }
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { continue }
            return record(line, offset: start, line: lineNumber)
        }
    }

    private func record(_ line: [UInt8], offset: Int, line number: Int) -> WorkItem {
        func fail(_ reason: String) -> WorkItem {
            .failed(Failure(input: path, offset: offset, stage: "jsonl-input", reason: "line \(number): \(reason)"))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            return fail("not a JSON object")
        }
        let reader: String
        let body: String
        if let html = object["html"] as? String {
            (reader, body) = ("html", html)
        } else if let text = object["text"] as? String {
            (reader, body) = ("text", text)
        } else {
            return fail("the record has neither \"html\" nor \"text\"")
        }
        let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init) ?? "\(idPrefix)#\(offset)"
        var input = Input(path: path, bytes: Array(body.utf8), id: id, declaredCharset: "utf-8",
                          url: object["url"] as? String, offset: offset)
        input.date = object["date"] as? String
        return .record(input, reader: reader)
    }
}
