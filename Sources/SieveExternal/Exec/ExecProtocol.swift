import Foundation
import SieveCore

/// The messages of the exec protocol, version 1 (see `docs/exec-protocol.md`): one UTF-8 JSON object per line.
///
/// ```
/// sieve → worker  {"sieve":"stage","protocol":1,"role":"transform","stage":"exec","options":{...}}
/// worker → sieve  {"protocol":1,"ok":true,"name":"wordcount"}
/// sieve → worker  {"id":7,"document":{...sieve-document/1...}}
/// worker → sieve  {"id":7,"document":{...}} | {"id":7,"drop":"reason"} | {"id":7,"error":"message"}
/// ```
enum ExecProtocol {
    /// The protocol version this Sieve speaks.
    static let version = 1

    /// The handshake line sent first, carrying the stage's `config` option.
    static func hello(stage: String, config: [String: FieldValue]) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("sieve"); writer.string("stage")
        writer.raw(","); writer.key("protocol"); writer.number(Double(version))
        writer.raw(","); writer.key("role"); writer.string("transform")
        writer.raw(","); writer.key("stage"); writer.string(stage)
        writer.raw(","); writer.key("options"); writer.value(.object(config))
        writer.raw("}\n")
        return writer.bytes
    }

    /// The worker's answer to the handshake.
    struct Welcome: Decodable {
        var `protocol`: Int?
        var ok: Bool?
        var name: String?
        var error: String?
    }

    /// Checks the worker's handshake line; returns the name it gave.
    static func welcome(_ line: [UInt8]) throws(WorkerFailure) -> String {
        guard let welcome = try? JSONDecoder().decode(Welcome.self, from: Data(line)) else {
            throw WorkerFailure(.protocolError, "expected a JSON handshake answer such as "
                + "{\"protocol\":1,\"ok\":true,\"name\":\"NAME\"}, got: \(preview(line))")
        }
        guard welcome.protocol == version else {
            throw WorkerFailure(.protocolError, "the worker speaks protocol \(welcome.protocol.map(String.init) ?? "(none)"), "
                + "this Sieve speaks protocol \(version)")
        }
        guard welcome.ok == true else {
            throw WorkerFailure(.protocolError, "the worker refused to start: \(welcome.error ?? "no reason given")")
        }
        return welcome.name ?? "worker"
    }

    /// One request line: the document with its request id.
    static func request(id: Int, document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(document.blocks.count * 256 + 512)
        writer.raw("{"); writer.key("id"); writer.number(Double(id))
        writer.raw(","); writer.key("document"); DocumentJSON.write(document, to: &writer)
        writer.raw("}\n")
        return writer.bytes
    }

    /// The worker's answer to one request.
    struct Answer: Decodable {
        var id: Int?
        var document: WireDocument?
        var drop: String?
        var error: String?
    }

    /// What an answer line asks for.
    enum Outcome {
        case keep(Document)
        case drop(String)
        case error(String)
    }

    /// Reads the answer to request `id` about `document`.
    static func outcome(of line: [UInt8], id: Int, document: Document) throws(WorkerFailure) -> Outcome {
        let answer: Answer
        do { answer = try JSONDecoder().decode(Answer.self, from: Data(line)) } catch {
            throw WorkerFailure(.protocolError, "the answer is not a valid message (\(error)); got: \(preview(line))")
        }
        guard answer.id == id else {
            throw WorkerFailure(.protocolError, "expected the answer to request \(id), got "
                + (answer.id.map { "one to request \($0)" } ?? "one without an id"))
        }
        if let reason = answer.drop { return .drop(reason) }
        if let message = answer.error { return .error(message) }
        guard let wire = answer.document else {
            throw WorkerFailure(.protocolError, "the answer to request \(id) has none of document, drop or error")
        }
        return .keep(wire.document(replacing: document))
    }

    private static func preview(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return line.isEmpty ? "an empty line" : "'\(text)\(line.count > 200 ? "…" : "")'"
    }
}
