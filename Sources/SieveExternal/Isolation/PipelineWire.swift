import Glibc
import SieveCore

/// The messages between an isolated run and its `sieve worker` processes (wire version 2): the exec protocol's
/// framing and handshake (see `ExecProtocol`), with work items as requests and their outcomes as answers.
///
/// ```
/// sieve → worker  {"sieve":"pipeline","protocol":1,"role":"pipeline","wire":2,"spec":{"reader":null,"transforms":[...],...}}
/// worker → sieve  {"protocol":1,"ok":true,"name":"sieve worker"}
/// sieve → worker  {"id":7,"path":"cc.warc","record":{"id":...,"offset":...},"bytes":N}\n, then N raw bytes and \n
///             or  {"id":8,"path":"news/a.html","file":{"id":"news/a"}}\n   (either with "text":false: see below)
/// worker → sieve  {"id":7,"bytes":1234,"documents":[L1,L2],"drops":[...],"failures":[...],"skips":[...]}\n,
///                 then L1 + L2 bytes: each kept document's JSON line (L counts its \n)
/// ```
/// A profiled run (`"profile":true` in the handshake's spec) gets each item's CPU time by stage back in the
/// answer's header too: `"profile":[{"name":"html: parse","place":1,"ns":812345},...]` (see `StageProfile`).
/// A regular file whose name is UTF-8 is read (and decompressed) by the worker itself, from the path the parent's
/// walk found, so its bytes cross no pipe (`WorkInput.file`); other inputs (records cut from containers, standard
/// input, FIFOs, names that are not UTF-8) are loaded by the parent and travel as raw bytes after their header
/// line (page bytes need not be UTF-8).
///
/// Documents travel after the answer's header line as the very lines a JSON Lines sink writes
/// (`DocumentJSON.encode`, text included, and a newline), counted in the header, so the parent can write them out
/// without decoding them (`DocumentForm.json`) or decode them when it needs the values (`DocumentDecoding`); a
/// parent that will decode them asks for lines without `text` (`"text":false` in the request), which the blocks
/// give again. The parent checks that each counted line is one JSON object line before using it. Drops and
/// failures travel as error-report lines. A worker refuses a handshake of another wire version.
///
/// Every message is JSON, and any JSON of these shapes is read; the two that cross for nearly every page, a
/// file's request and an answer with no drops, failures, skips or profile, are read by their bytes when they
/// come exactly as written here (`plainFileRequest`, `plainHeader`), without building JSON values.
public enum PipelineWire {
    /// The wire version: 2 frames documents after the answer's header line (1 had them inside it, without text).
    public static let version = 2

    /// The handshake line: what the worker builds (reader, transforms, size limit, soft time budget).
    public static func hello(_ spec: PipelineSpec) -> [UInt8] {
        var members: [String: FieldValue] = [
            "transforms": .list(spec.transforms.map(stage)),
            "maxBytes": .number(Double(spec.policy.maxBytes)),
        ]
        members["reader"] = spec.reader.map(stage) ?? .null
        if let timeout = spec.policy.documentTimeout { members["timeout"] = .number(seconds(timeout)) }
        if spec.policy.profile { members["profile"] = .bool(true) }
        var writer = JSONWriter()
        writer.raw("{"); writer.key("sieve"); writer.string("pipeline")
        writer.raw(","); writer.key("protocol"); writer.number(Double(ExecProtocol.version))
        writer.raw(","); writer.key("role"); writer.string("pipeline")
        writer.raw(","); writer.key("wire"); writer.number(Double(version))
        writer.raw(","); writer.key("spec"); writer.value(.object(members))
        writer.raw("}\n")
        return writer.bytes
    }

    /// The spec a handshake line carries (one job: a worker serves one item at a time).
    public static func spec(fromHello line: [UInt8]) throws -> PipelineSpec {
        guard case .object(let hello) = try JSONParser.parse(line), hello["role"] == .string("pipeline"),
              case .object(let spec)? = hello["spec"], case .list(let transforms)? = spec["transforms"] else {
            throw DocumentShapeError("expected a pipeline handshake, got '\(String(decoding: line.prefix(200), as: UTF8.self))'")
        }
        guard hello["wire"] == .number(Double(version)) else {
            let asked = hello["wire"].flatMap(integer).map { "wire \($0)" } ?? "no wire version"
            throw DocumentShapeError("this sieve worker speaks pipeline wire \(version); the run sent \(asked) (a sieve of another version?)")
        }
        var policy = RunPolicy(jobs: 1)
        if case .number(let maxBytes)? = spec["maxBytes"] { policy.maxBytes = Int(maxBytes) }
        if case .number(let timeout)? = spec["timeout"] { policy.documentTimeout = .milliseconds(Int64(timeout * 1000)) }
        policy.profile = spec["profile"] == .bool(true)
        return PipelineSpec(reader: try spec["reader"].flatMap(stageSpec), transforms: try transforms.compactMap(stageSpec),
                            sink: StageSpec(name: "jsonl"), policy: policy)
    }

    /// The handshake answer: ready, or refused with the reason.
    public static func welcome(refusal: String?) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("protocol"); writer.number(Double(ExecProtocol.version))
        if let refusal {
            writer.raw(","); writer.key("ok"); writer.raw("false")
            writer.raw(","); writer.key("error"); writer.string(refusal)
        } else {
            writer.raw(","); writer.key("ok"); writer.raw("true")
            writer.raw(","); writer.key("name"); writer.string("sieve worker")
        }
        writer.raw("}\n")
        return writer.bytes
    }

    /// The request for one input, in the parts written one after the other (a loaded input's bytes are not
    /// copied): a header line, then for a loaded input its bytes and a newline. Documents wanted as values are
    /// asked for without their text.
    static func request(id: Int, input: WorkInput, form: DocumentForm) -> [[UInt8]] {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("id"); writer.number(Double(id))
        writer.raw(","); writer.key("path"); writer.string(input.path)
        if form == .value { writer.raw(","); writer.key("text"); writer.raw("false") }
        switch input {
        case .file(_, let documentID):
            writer.raw(","); writer.key("file"); writer.raw("{"); writer.key("id"); writer.string(documentID)
            writer.raw("}}\n")
            return [writer.bytes]
        case .loaded(let input, let reader):
            var record: [String: FieldValue] = ["id": .string(input.id)]
            record["reader"] = reader.map(FieldValue.string)
            record["charset"] = input.declaredCharset.map(FieldValue.string)
            record["url"] = input.url.map(FieldValue.string)
            record["offset"] = input.offset.map { .number(Double($0)) }
            record["date"] = input.date.map(FieldValue.string)
            writer.raw(","); writer.key("record"); writer.value(.object(record))
            writer.raw(","); writer.key("bytes"); writer.number(Double(input.bytes.count))
            writer.raw("}\n")
            return [writer.bytes, input.bytes, [0x0A]]
        }
    }

    /// Reads one request from `reader`: its id, the input, and whether the answer's documents carry their text;
    /// nil at end of input.
    public static func readRequest(from reader: inout FrameReader) throws -> (id: Int, input: WorkInput, text: Bool)? {
        guard let line = try reader.line() else { return nil }
        if let file = plainFileRequest(line) { return (file.id, .file(path: file.path, id: file.documentID), file.text) }
        guard case .object(let request) = try JSONParser.parse(line), case .number(let id)? = request["id"],
              let path = request["path"]?.stringValue else {
            throw DocumentShapeError("expected a request with an id and a path")
        }
        if case .object(let file)? = request["file"] {
            guard let documentID = file["id"]?.stringValue else { throw DocumentShapeError("a file request needs the document's id") }
            return (Int(id), .file(path: path, id: documentID), request["text"] != .bool(false))
        }
        guard case .object(let record)? = request["record"], case .number(let count)? = request["bytes"], count >= 0,
              let docID = record["id"]?.stringValue else {
            throw DocumentShapeError("expected a file, or a record and its byte count")
        }
        let bytes = try reader.bytes(count: Int(count))
        guard try reader.bytes(count: 1) == [0x0A] else { throw DocumentShapeError("a record's bytes must end with a newline") }
        var input = Input(path: path, bytes: bytes, id: docID, declaredCharset: record["charset"]?.stringValue,
                          url: record["url"]?.stringValue, offset: record["offset"].flatMap(integer))
        input.date = record["date"]?.stringValue
        return (Int(id), .loaded(input, reader: record["reader"]?.stringValue), request["text"] != .bool(false))
    }

    /// The members of a file's request in the shape `request` writes, `{"id":8,"path":"news/a.html","file":{"id":"news/a"}}`
    /// (`"text":false` after the path or not), read without building JSON values when its strings hold no escape and
    /// are UTF-8 (nearly every request); nil for any other line, which then goes through the JSON parser.
    static func plainFileRequest(_ line: [UInt8]) -> (id: Int, path: String, documentID: String, text: Bool)? {
        line.withUnsafeBufferPointer { bytes -> (id: Int, path: String, documentID: String, text: Bool)? in
            var line = PlainLine(bytes)
            guard line.literal(#"{"id":"#), let id = line.number(), line.literal(#","path":""#), let path = line.string() else { return nil }
            let text = !line.literal(#","text":false"#)
            guard line.literal(#","file":{"id":""#), let documentID = line.string(), line.literal("}}"), line.atEnd else { return nil }
            return (id, path, documentID, text)
        }
    }

    /// The answer: an item's outcome, as a header line followed by its documents' JSON lines (with their `text`
    /// unless the request asked otherwise). A profiled outcome gets the time spent writing the answer added to its
    /// `isolation` row, as the header's last member.
    public static func answer(id: Int, outcome: InputOutcome, text: Bool = true) -> [UInt8] {
        let started = outcome.profile == nil ? 0 : ThreadCPUClock.now()
        var documents = JSONWriter()
        documents.bytes.reserveCapacity(outcome.documents.reduce(0) { $0 + $1.blocks.count * 512 + 512 })
        var lengths: [Int] = []
        for document in outcome.documents {
            let start = documents.bytes.count
            DocumentJSON.write(document, to: &documents, text: text)
            documents.bytes.append(0x0A)
            lengths.append(documents.bytes.count - start)
        }
        var writer = JSONWriter()
        writer.raw("{"); writer.key("id"); writer.number(Double(id))
        writer.raw(","); writer.key("bytes"); writer.number(Double(outcome.bytes))
        writer.raw(","); writer.key("documents"); writer.raw("[")
        for (index, length) in lengths.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.number(Double(length))
        }
        for (key, failures) in [("drops", outcome.drops), ("failures", outcome.failures)] {
            writer.raw("],")
            writer.string(key)
            writer.raw(":[")
            for (index, failure) in failures.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.bytes.append(contentsOf: failure.json)
            }
        }
        writer.raw("],"); writer.key("skips"); writer.strings(outcome.skips)
        if var profile = outcome.profile {
            profile.add("isolation", .isolation, ThreadCPUClock.now() - started)
            writer.raw(","); writer.key("profile"); writer.raw("[")
            for (index, row) in profile.rows.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{"); writer.key("name"); writer.string(row.name)
                writer.raw(","); writer.key("place"); writer.number(Double(row.place.rawValue))
                writer.raw(","); writer.key("ns"); writer.number(Double(row.nanoseconds))
                writer.raw("}")
            }
            writer.raw("]")
        }
        writer.raw("}\n")
        writer.bytes.append(contentsOf: documents.bytes)
        return writer.bytes
    }

    /// An answer's header line, read back: the outcome of item `index` (sent as request `id`) without its
    /// documents, and the length of each document's line that follows it.
    struct AnswerHeader {
        /// The outcome, documents still missing.
        var outcome: InputOutcome
        /// Each document's JSON line, in bytes with its newline.
        var lengths: [Int]
        /// The bytes of every document line: what follows the header.
        var bodyCount: Int { lengths.reduce(0, +) }
    }

    /// Reads an answer's header line: the usual shape (`plainHeader`) by its bytes, any other through the JSON parser.
    static func answerHeader(_ line: [UInt8], id: Int, index: Int) throws -> AnswerHeader {
        if let (answered, bytes, lengths) = plainHeader(line) {
            guard answered == id else { throw DocumentShapeError("expected the answer to request \(id)") }
            var outcome = InputOutcome(index: index)
            outcome.bytes = bytes
            return AnswerHeader(outcome: outcome, lengths: lengths)
        }
        guard case .object(let answer) = try JSONParser.parse(line) else { throw DocumentShapeError("the answer is not an object") }
        guard answer["id"] == .number(Double(id)) else { throw DocumentShapeError("expected the answer to request \(id)") }
        var outcome = InputOutcome(index: index)
        outcome.bytes = answer["bytes"].flatMap(integer) ?? 0
        let lengths = try (answer["documents"]?.listValue ?? []).map { value throws in
            guard let length = integer(value), length >= 3, length <= 1 << 40 else {
                throw DocumentShapeError("'documents' must list each document line's length")
            }
            return length
        }
        outcome.drops = try (answer["drops"]?.listValue ?? []).map(failure)
        outcome.failures = try (answer["failures"]?.listValue ?? []).map(failure)
        outcome.skips = (answer["skips"]?.listValue ?? []).compactMap(\.stringValue)
        if let rows = answer["profile"]?.listValue {
            var profile = StageProfile()
            for case .object(let row) in rows {
                guard let name = row["name"]?.stringValue, let place = row["place"].flatMap(integer).flatMap(StageProfile.Place.init),
                      let nanoseconds = row["ns"].flatMap(integer), nanoseconds >= 0 else {
                    throw DocumentShapeError("a profile row needs a name, a place and ns")
                }
                profile.add(name, place, UInt64(nanoseconds))
            }
            outcome.profile = profile
        }
        return AnswerHeader(outcome: outcome, lengths: lengths)
    }

    /// The members of a header in the shape `answer` writes for an item with no drops, failures, skips or profile
    /// (nearly every item): `{"id":7,"bytes":1234,"documents":[812],"drops":[],"failures":[],"skips":[]}`, read
    /// without building JSON values (each document line at least 3 bytes, as the parser's path demands); nil for
    /// any other line, which then goes through the JSON parser.
    static func plainHeader(_ line: [UInt8]) -> (id: Int, bytes: Int, lengths: [Int])? {
        line.withUnsafeBufferPointer { bytes -> (id: Int, bytes: Int, lengths: [Int])? in
            var line = PlainLine(bytes)
            guard line.literal(#"{"id":"#), let id = line.number(), line.literal(#","bytes":"#), let count = line.number(),
                  line.literal(#","documents":["#) else { return nil }
            var lengths: [Int] = []
            if !line.literal("]") {
                repeat {
                    guard let length = line.number(), length >= 3 else { return nil }
                    lengths.append(length)
                } while line.literal(",")
                guard line.literal("]") else { return nil }
            }
            guard line.literal(#","drops":[],"failures":[],"skips":[]}"#), line.atEnd else { return nil }
            return (id, count, lengths)
        }
    }

    /// The outcome of an answer whose header was `header` and whose document lines are `body`: each line is
    /// checked to be one JSON object line (`{` … `}` and its newline, no other newline), then kept as its JSON
    /// form (`form` `.json`) or decoded (`.value`) with `path` as the source of a document that names none.
    static func outcome(_ header: AnswerHeader, body: [UInt8], form: DocumentForm, path: String) throws -> InputOutcome {
        guard body.count == header.bodyCount else { throw DocumentShapeError("the documents' lines are \(body.count) bytes, not \(header.bodyCount)") }
        var outcome = header.outcome
        let placeholder = Document(id: "", source: Source(path: path, format: ""))
        var start = 0
        for length in header.lengths {
            let end = start + length - 1
            let isLine = body.withUnsafeBufferPointer { bytes in
                bytes[start] == UInt8(ascii: "{") && bytes[end - 1] == UInt8(ascii: "}") && bytes[end] == 0x0A
                    && memchr(bytes.baseAddress! + start, 0x0A, end - start) == nil
            }
            guard isLine else { throw DocumentShapeError("a document's line is not one JSON object") }
            switch form {
            case .json: outcome.json.append(body[start..<end])
            case .value: outcome.documents.append(try DocumentDecoding.decode(Array(body[start..<end]), replacing: placeholder))
            }
            start = end + 1
        }
        return outcome
    }

    private static func failure(_ value: FieldValue) throws -> Failure {
        guard case .object(let members) = value, let input = members["input"]?.stringValue,
              let stage = members["stage"]?.stringValue, let reason = members["reason"]?.stringValue else {
            throw DocumentShapeError("a failure needs input, stage and reason")
        }
        return Failure(input: input, offset: members["offset"].flatMap(integer), id: members["id"]?.stringValue, stage: stage,
                       reason: reason, kind: members["kind"] == .string("dropped") ? .dropped : .failed)
    }

    private static func stage(_ spec: StageSpec) -> FieldValue {
        .object(["name": .string(spec.name), "options": .object(spec.options)])
    }

    private static func stageSpec(_ value: FieldValue) throws -> StageSpec? {
        guard case .object(let members) = value else { return nil }
        guard let name = members["name"]?.stringValue else { throw DocumentShapeError("a stage needs a name") }
        return StageSpec(name: name, options: members["options"]?.objectValue ?? [:], origin: "the worker handshake")
    }

    private static func integer(_ value: FieldValue) -> Int? {
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Reads lines and counted byte runs from a file descriptor (a worker's standard input), blocking.
public struct FrameReader {
    private let fd: Int32
    private var pending: [UInt8] = []
    private var start = 0
    /// Where each read lands, made once.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Reads from `fd`.
    public init(fd: Int32) {
        self.fd = fd
    }

    /// The next line without its newline; nil at end of input.
    public mutating func line() throws -> [UInt8]? {
        var scanned = 0
        while true {
            if let newline = pending[(start + scanned)...].firstIndex(of: 0x0A) {
                let line = Array(pending[start..<newline])
                start = newline + 1
                return line
            }
            scanned = pending.count - start
            guard try fill() else { return nil }
        }
    }

    /// Exactly `count` bytes: those already buffered, then read straight into the result (a page is not copied
    /// through the buffer).
    public mutating func bytes(count: Int) throws -> [UInt8] {
        let buffered = min(count, pending.count - start)
        let head = pending[start..<start + buffered]
        start += buffered
        let fd = self.fd
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: head)
            initialized = buffered
            while initialized < count {
                let got = read(fd, buffer.baseAddress! + initialized, count - initialized)
                if got > 0 {
                    initialized += got
                } else if got == 0 {
                    throw DocumentShapeError("the input ended inside a record of \(count) bytes")
                } else if errno != EINTR {
                    throw DocumentShapeError("cannot read: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    private mutating func fill() throws -> Bool {
        if start > 0 {
            pending.removeSubrange(..<start)
            start = 0
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 { return false }
            if errno != EINTR { throw DocumentShapeError("cannot read: \(String(cString: strerror(errno)))") }
        }
    }
}
