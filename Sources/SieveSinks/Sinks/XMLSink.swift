import SieveCore

/// `xml`: every document as a `<document>` element inside one `<documents>` root, streamed.
///
/// The output is well-formed UTF-8 XML 1.0 whatever the input: everything is escaped and forbidden code
/// points are removed. Lists become repeated child elements; `fields` become `<field name="…">` elements whose
/// lists hold `<item>`s and whose objects hold `<member name="…">`s.
/// Options: none.
/// Example: → `<documents><document id="seeds/000"><source path="seeds/000.txt" format="text"/>
/// <title>…</title>…<text>…</text><blocks><block kind="paragraph">…</block></blocks>…</document></documents>`
public struct XMLSink: SinkWriter {
    /// `xml`.
    public static let name = "xml"
    /// One line for `sieve stages`.
    public static let summary = "XML: one <document> element per document in a <documents> root"
    /// `xml`.
    public static let fileExtension = "xml"

    private var output: OutputChannel?

    /// Creates the sink.
    public init(options: NoOptions) {}

    /// Writes the declaration and opens the root element.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<documents schema=\"sieve-document/1\">\n")
    }

    /// Writes one `<document>` element.
    public mutating func write(_ document: Document) {
        var xml = XMLBuilder()
        xml.open("document", attributes: [("id", document.id)])
        var sourceAttributes = [("path", document.source.path), ("format", document.source.format)]
        if let offset = document.source.offset { sourceAttributes.append(("offset", String(offset))) }
        if let url = document.source.url { sourceAttributes.append(("url", url)) }
        xml.empty("source", attributes: sourceAttributes)
        xml.element("title", document.title)
        xml.element("published", document.published)
        xml.element("modified", document.modified)
        xml.list("authors", item: "author", document.authors)
        xml.element("language", document.language)
        xml.element("site", document.site)
        xml.element("url", document.url)
        xml.element("description", document.description)
        xml.element("image", document.image)
        xml.list("tags", item: "tag", document.tags)
        xml.element("text", document.text)
        xml.open("blocks")
        for block in document.blocks {
            var attributes = [("kind", block.kind.rawValue)]
            if let level = block.level { attributes.append(("level", String(level))) }
            xml.element("block", block.text, attributes: attributes)
        }
        xml.close("blocks")
        xml.open("fields")
        for name in document.fields.keys.sorted() {
            xml.value("field", document.fields[name]!, attributes: [("name", name)])
        }
        xml.close("fields")
        xml.open("diagnostics")
        for diagnostic in document.diagnostics {
            xml.element("diagnostic", diagnostic.message,
                        attributes: [("stage", diagnostic.stage), ("severity", diagnostic.severity.rawValue)])
        }
        xml.close("diagnostics")
        xml.close("document")
        xml.bytes.append(0x0A)
        output?.write(xml.bytes)
    }

    /// Closes the root element.
    public mutating func close() {
        output?.write("</documents>\n")
    }
}

/// Builds the XML text of one document.
struct XMLBuilder {
    var bytes: [UInt8] = []

    mutating func open(_ name: StaticString, attributes: [(String, String)] = []) {
        start(name, attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func close(_ name: StaticString) {
        bytes.append(contentsOf: "</".utf8)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func empty(_ name: StaticString, attributes: [(String, String)]) {
        start(name, attributes)
        bytes.append(contentsOf: "/>".utf8)
    }

    /// An element with text, or nothing when the text is nil.
    mutating func element(_ name: StaticString, _ text: String?, attributes: [(String, String)] = []) {
        guard let text else { return }
        open(name, attributes: attributes)
        XMLText.append(text, to: &bytes)
        close(name)
    }

    mutating func list(_ name: StaticString, item: StaticString, _ values: [String]) {
        open(name)
        for value in values { element(item, value) }
        close(name)
    }

    /// A field value: scalars as text, lists as `<item>`s, objects as `<member name>`s.
    mutating func value(_ name: StaticString, _ value: FieldValue, attributes: [(String, String)] = []) {
        switch value {
        case .null: empty(name, attributes: attributes)
        case .bool(let flag): element(name, String(flag), attributes: attributes)
        case .number(let number):
            var writer = JSONWriter()
            writer.number(number)
            element(name, String(decoding: writer.bytes, as: UTF8.self), attributes: attributes)
        case .string(let text): element(name, text, attributes: attributes)
        case .list(let items):
            open(name, attributes: attributes)
            for item in items { self.value("item", item) }
            close(name)
        case .object(let members):
            open(name, attributes: attributes)
            for key in members.keys.sorted() { self.value("member", members[key]!, attributes: [("name", key)]) }
            close(name)
        }
    }

    private mutating func start(_ name: StaticString, _ attributes: [(String, String)]) {
        bytes.append(UInt8(ascii: "<"))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        for (key, value) in attributes {
            bytes.append(0x20)
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            XMLText.append(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
