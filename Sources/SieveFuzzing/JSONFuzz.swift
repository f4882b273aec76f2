import SieveCore
import SieveExternal

extension FuzzTarget {
    /// Sieve's own JSON parser (`JSONParser`, used for external stages' answers) and, on what it accepts,
    /// the document decoder and a write-back through `DocumentJSON`.
    public static let json = FuzzTarget(name: "json", summary: "JSONParser, DocumentDecoding, DocumentJSON") { bytes in
        guard let value = try? JSONParser.parse(bytes) else { return }
        var writer = JSONWriter()
        writer.value(value)
        _ = try? JSONParser.parse(writer.bytes)
        if let document = try? DocumentDecoding.document(from: value, replacing: ExecAnswerFuzzing.sent) {
            _ = DocumentJSON.encode(document)
        }
    }
}
