import SieveCore
import SieveExternal

extension FuzzTarget {
    /// What an exec worker may write back, one JSON object per line: the handshake (`protocol`, `ok`,
    /// `name`) and answers (`id` with `document`, `drop` or `error`). The answered document is decoded
    /// against the one sent, then written out again as Sieve's sinks would.
    public static let execAnswer = FuzzTarget(name: "exec-answer", summary: "exec worker handshake and answer lines") { bytes in
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard case .object(let answer)? = try? JSONParser.parse(Array(line)) else { continue }
            _ = answer["protocol"] == .number(1) && answer["ok"] == .bool(true)
            _ = answer["name"]?.stringValue ?? answer["drop"]?.stringValue ?? answer["error"]?.stringValue
            guard let wire = answer["document"],
                  let document = try? DocumentDecoding.document(from: wire, replacing: ExecAnswerFuzzing.sent) else { continue }
            _ = DocumentJSON.encode(document)
        }
    }
}

/// The document an answer replaces.
enum ExecAnswerFuzzing {
    static let sent = Document(id: "sent", source: Source(path: "sent.html", format: "html"),
                               blocks: [Block(.paragraph, "Sent text.")])
}
