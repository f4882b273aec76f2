/// The parts of an HTTP response message (inside a WARC response record) that Sieve needs: status, media
/// type, charset and the body, de-chunked and gunzipped when the headers say so.
///
/// Framing is outside data: chunk sizes are checked before any arithmetic (see `ChunkedBody`) and a gzip
/// body may not inflate past `bodyLimit` (Sieve's `--max-bytes`). A message that is not HTTP throws
/// `.notHTTP` (the record is skipped); a body whose chunking or gzip is broken or too large throws
/// `.badBody` with the reason (the record fails alone). A body sent as gzip but stored already inflated
/// (some crawlers do) is kept as it is.
struct HTTPResponse {
    let status: Int
    let mediaType: String
    let charset: String?
    let body: [UInt8]

    /// Why a response record gave no body.
    enum Problem: Error {
        /// The block does not start with an HTTP status line and a header block.
        case notHTTP
        /// The chunked framing or the gzip encoding of the body is broken, or the inflated body is too large.
        case badBody(String)
    }

    init(_ message: [UInt8], bodyLimit: Int) throws(Problem) {
        guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: message) ?? Self.find([0x0A, 0x0A], in: message) else {
            throw .notHTTP
        }
        let head = String(decoding: message[..<headerEnd], as: UTF8.self)
        var lines = head.split(whereSeparator: \.isNewline)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { throw .notHTTP }
        lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingSpaces()
        }
        let contentType = headers["content-type"] ?? ""
        let typeParts = contentType.split(separator: ";").map { $0.trimmingSpaces() }
        mediaType = (typeParts.first ?? "").lowercased()
        charset = typeParts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst(8)).trimmingCharacters(in: "\"' ") }
        let bodyStart = headerEnd + (message[headerEnd] == 0x0D ? 4 : 2)
        var body = Array(message[bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try ChunkedBody.decode(body, messageOffset: bodyStart)
        }
        if headers["content-encoding"]?.lowercased().contains("gzip") == true, Gzip.isGzip(body) {
            do { body = try Gzip.decompress(body, limit: bodyLimit) } catch {
                throw .badBody("HTTP body with Content-Encoding gzip: \(error.description)")
            }
        }
        self.body = body
    }

    /// Whether the body is an HTML page (or has no type but starts like one).
    var isHTML: Bool {
        mediaType.contains("html") || (mediaType.isEmpty && body.prefix(512).contains(UInt8(ascii: "<")))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        trimmingCharacters(in: " \t\r")
    }

    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
