import SieveCore

/// The messages of the exec protocol, version 1 (see `docs/exec-protocol.md`): one UTF-8 JSON object per line.
///
/// ```
/// sieve → worker  {"sieve":"stage","protocol":1,"role":"transform","stage":"exec","options":{...}}
/// worker → sieve  {"protocol":1,"ok":true,"name":"wordcount"}
/// sieve → worker  {"id":7,"document":{...sieve-document/2...}}
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

    /// Checks the worker's handshake line; returns the name it gave.
    static func welcome(_ line: [UInt8]) throws(WorkerFailure) -> String {
        guard case .object(let welcome)? = try? JSONParser.parse(line) else {
            throw WorkerFailure(.protocolError, "expected a JSON handshake answer such as "
                + "{\"protocol\":1,\"ok\":true,\"name\":\"NAME\"}, got: \(preview(line))")
        }
        if welcome["sieve"] == .string("stage"), welcome["ok"] == nil {
            throw WorkerFailure(.protocolError, "the worker sent the handshake back instead of answering it (a program that "
                + "echoes its input, such as cat, is not a Sieve worker); a worker answers {\"protocol\":1,\"ok\":true,\"name\":\"NAME\"} "
                + "(docs/exec-protocol.md)")
        }
        guard welcome["protocol"] == .number(Double(version)) else {
            let spoken = welcome["protocol"].map { value in
                if case .number(let number) = value, number == number.rounded() { return String(Int(number)) }
                return value.typeName
            } ?? "(none)"
            throw WorkerFailure(.protocolError, "the worker speaks protocol \(spoken), this Sieve speaks protocol \(version)")
        }
        guard welcome["ok"] == .bool(true) else {
            throw WorkerFailure(.protocolError, "the worker refused to start: \(welcome["error"]?.stringValue ?? "no reason given")")
        }
        return welcome["name"]?.stringValue ?? "worker"
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

    /// What an answer line asks for.
    enum Outcome {
        case keep(Document)
        case drop(String)
        case error(String)
    }

    /// Reads the answer to request `id` about `document`.
    static func outcome(of line: [UInt8], id: Int, document: Document) throws(WorkerFailure) -> Outcome {
        let answer: [String: FieldValue]
        do {
            guard case .object(let members) = try JSONParser.parse(line) else { throw JSONParseError(message: "not an object", offset: 0) }
            answer = members
        } catch {
            throw WorkerFailure(.protocolError, "the answer is not a JSON object (\(error)); got: \(preview(line))")
        }
        guard answer["id"] == .number(Double(id)) else {
            throw WorkerFailure(.protocolError, "expected the answer to request \(id), got "
                + (answer["id"].map { "one with id \(describe($0))" } ?? "one without an id"))
        }
        if let reason = answer["drop"]?.stringValue { return .drop(reason) }
        if let message = answer["error"]?.stringValue { return .error(message) }
        guard let wire = answer["document"] else {
            throw WorkerFailure(.protocolError, "the answer to request \(id) has none of document, drop or error")
        }
        do { return .keep(try DocumentDecoding.document(from: wire, replacing: document)) } catch {
            return .error("the document it answered is malformed: \(error.message)")
        }
    }

    private static func describe(_ value: FieldValue) -> String {
        var writer = JSONWriter()
        writer.value(value)
        return String(decoding: writer.bytes.prefix(40), as: UTF8.self)
    }

    private static func preview(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return line.isEmpty ? "an empty line" : "'\(text)\(line.count > 200 ? "…" : "")'"
    }
}
