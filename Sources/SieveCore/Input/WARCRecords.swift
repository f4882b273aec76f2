/// Streams the records of a WARC or WARC.gz file as work items: HTTP 200 responses with an HTML body become
/// records for the `html` reader (target URI, WARC date and the Content-Type charset carried along); other
/// responses and record types are skipped with a reason; a truncated or malformed record fails alone.
/// Only one record is in memory at a time, and only one under `maxBytes`: a record declaring more (up to
/// `Int.max`) fails with its offset and is passed over chunk by chunk, never reserved or held; a broken
/// chunked or gzip body fails its record alone (see `HTTPResponse`). A named file that holds no record at all
/// (0 bytes, or only blank lines: usually a failed download) fails as an empty input, as an empty page does.
public struct WARCRecords: Sequence, IteratorProtocol {
    private let path: String
    private let idPrefix: String
    private let maxBytes: Int
    private var stream: ByteStream?
    private var pendingFailure: Failure?
    private var heldRecord = false

    /// Reads the WARC file at `path`; record ids are `idPrefix#offset`.
    public init(path: String, idPrefix: String, maxBytes: Int) {
        self.init(name: FileName(path), path: path, idPrefix: idPrefix, maxBytes: maxBytes)
    }

    /// The same for a file named by raw bytes (which need not be UTF-8), shown in failures as `path`.
    init(name: FileName, path: String, idPrefix: String, maxBytes: Int) {
        self.path = path
        self.idPrefix = idPrefix
        self.maxBytes = maxBytes
        do { stream = try ByteStream(name: name, shown: path) } catch { pendingFailure = Failure(input: path, stage: "warc", reason: error.reason) }
    }

    /// The next record, skip or failure; nil at the end of the file.
    public mutating func next() -> WorkItem? {
        if let failure = pendingFailure {
            pendingFailure = nil
            return .failed(failure)
        }
        guard let stream else { return nil }
        do {
            guard let item = try nextRecord(stream) else {
                self.stream = nil
                guard heldRecord || path == "-" else {
                    return .failed(Failure(input: path, stage: "warc", reason: "empty input: the file holds no WARC record"))
                }
                return nil
            }
            heldRecord = true
            return item
        } catch {
            self.stream = nil
            heldRecord = true
            return .failed(Failure(input: path, offset: stream.offset, stage: "warc", reason: error.reason))
        }
    }

    private func nextRecord(_ stream: ByteStream) throws(InputError) -> WorkItem? {
        var versionLine: [UInt8] = []
        var start = stream.offset
        while versionLine.isEmpty || versionLine == [0x0A] || versionLine == [0x0D, 0x0A] {
            start = stream.offset
            guard let line = try stream.readUntil(0x0A, limit: 1 << 16) else { return nil }
            versionLine = line
        }
        guard versionLine.starts(with: Array("WARC/".utf8)) else {
            throw InputError(path: path, reason: "not a WARC record at offset \(start) (no WARC/ version line)")
        }
        let headers = try HeaderBlock.read(from: stream, path: path)
        guard let length = headers["content-length"].flatMap({ Int($0) }), length >= 0 else {
            throw InputError(path: path, reason: "WARC record at offset \(start) has no valid Content-Length")
        }
        guard length <= maxBytes else {
            let skipped = try stream.skip(count: length)
            let truncation = skipped < length ? " (and truncated: the file ends after \(skipped) bytes)" : ""
            return .failed(Failure(input: path, offset: start, stage: "warc",
                                   reason: "record of \(length) bytes exceeds the --max-bytes limit of \(maxBytes)\(truncation)"))
        }
        let block = try stream.read(count: length)
        guard block.count == length else {
            return .failed(Failure(input: path, offset: start, stage: "warc",
                                   reason: "truncated record: \(block.count) of \(length) bytes"))
        }
        let type = headers["warc-type"] ?? "unknown"
        guard type == "response" else { return .skipped("WARC \(type) record") }
        let response: HTTPResponse
        do { response = try HTTPResponse(block, bodyLimit: maxBytes) } catch {
            switch error {
            case .notHTTP: return .skipped("WARC response without an HTTP message")
            case .badBody(let reason): return .failed(Failure(input: path, offset: start, stage: "warc", reason: reason))
            }
        }
        guard response.status == 200 else { return .skipped("HTTP status \(response.status)") }
        guard response.isHTML else { return .skipped("not HTML (\(response.mediaType.isEmpty ? "no Content-Type" : response.mediaType))") }
        var input = Input(path: path, bytes: response.body, id: "\(idPrefix)#\(start)", declaredCharset: response.charset,
                          url: headers["warc-target-uri"], offset: start)
        input.date = headers["warc-date"]
        return .record(input, reader: "html")
    }
}

/// `Name: value` header lines up to a blank line, with lowercase names.
enum HeaderBlock {
    /// The most header bytes a record may carry; a block without an end within it is not a WARC header.
    static let limit = 1 << 20

    static func read(from stream: ByteStream, path: String) throws(InputError) -> [String: String] {
        var headers: [String: String] = [:]
        var total = 0
        while let line = try stream.readUntil(0x0A, limit: 1 << 16) {
            total += line.count
            guard total <= limit else {
                throw InputError(path: path, reason: "WARC header block passes \(limit) bytes at offset \(stream.offset)")
            }
            let trimmed = trim(line)
            if trimmed.isEmpty { break }
            guard let colon = trimmed.firstIndex(of: UInt8(ascii: ":")) else { continue }
            headers[String(decoding: trimmed[..<colon], as: UTF8.self).lowercased()] =
                String(decoding: trim(trimmed[(colon + 1)...]), as: UTF8.self)
        }
        return headers
    }

    static func trim(_ bytes: some Collection<UInt8>) -> ArraySlice<UInt8> {
        var slice = ArraySlice(bytes)
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
