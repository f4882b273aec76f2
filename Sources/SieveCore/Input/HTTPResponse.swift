/// The parts of an HTTP response message (inside a WARC response record) that Sieve needs: status, media
/// type, charset and the body, de-chunked and gunzipped when the headers say so.
struct HTTPResponse {
    let status: Int
    let mediaType: String
    let charset: String?
    let body: [UInt8]

    init?(_ message: [UInt8]) {
        guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: message) ?? Self.find([0x0A, 0x0A], in: message) else { return nil }
        let head = String(decoding: message[..<headerEnd], as: UTF8.self)
        var lines = head.split(whereSeparator: \.isNewline)
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
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
        let separatorLength = message[headerEnd] == 0x0D ? 4 : 2
        var body = Array(message[(headerEnd + separatorLength)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true, let unchunked = Self.unchunk(body) {
            body = unchunked
        }
        if headers["content-encoding"]?.lowercased().contains("gzip") == true, let inflated = try? Gzip.decompress(body, limit: 64 << 20) {
            body = inflated
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

    private static func unchunk(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < body.count {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self).split(separator: ";").first?.trimmingSpaces() ?? ""
            guard let size = Int(sizeText, radix: 16) else { return nil }
            if size == 0 { return output }
            let start = lineEnd + 1
            guard start + size <= body.count else { return nil }
            output.append(contentsOf: body[start..<(start + size)])
            index = start + size
            while index < body.count, body[index] == 0x0D || body[index] == 0x0A { index += 1 }
        }
        return output
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
