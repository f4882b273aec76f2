import SieveCore

/// `xml`: every document as a `<document>` element inside one `<documents>` root, streamed.
///
/// The output is well-formed UTF-8 XML 1.0 whatever the input: everything is escaped and forbidden code
/// points are removed. The members follow `DocumentSchema.members`: the id is the `<document>`'s attribute,
/// the source an empty `<source>` with its members as attributes, strings are elements (left out when
/// missing), lists become repeated child elements, and `fields` become `<field name="…">` elements whose
/// lists hold `<item>`s and whose objects hold `<member name="…">`s. A block's text is its element's text;
/// its spans, image and table rows follow the text as empty `<span>`, `<image>` and `<row><cell>` children,
/// so the block's string value gains only the cells of a table.
/// Options: none.
/// Example: → `<documents schema="sieve-document/2"><document id="seeds/000"><source path="seeds/000.txt"
/// format="text"/><title>…</title>…<text>…</text><blocks><block kind="paragraph">See <span kind="link"
/// start="4" length="4" href="https://…"/>…</block></blocks><comments/>…</document></documents>`
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
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<documents schema=\"\(DocumentSchema.version)\">\n")
    }

    /// Writes one `<document>` element.
    public mutating func write(_ document: Document) {
        var xml = XMLBuilder()
        xml.open("document", attributes: [("id", document.id)])
        for member in DocumentSchema.members {
            switch member.value(in: document) {
            case .identifier:
                break
            case .source(let source):
                xml.empty("source", attributes: DocumentSchema.sourceMembers.compactMap { sub in
                    sub.text(in: source).map { (sub.name, $0) }
                })
            case .optionalString(let text):
                xml.element(member.name, text)
            case .text(let text):
                xml.element(member.name, text)
            case .strings(let values):
                xml.list(member.name, item: Self.itemName(member.name), values)
            case .blocks(let blocks):
                xml.open(member.name)
                for block in blocks { xml.block(block) }
                xml.close(member.name)
            case .comments(let comments):
                xml.open(member.name)
                for comment in comments {
                    var attributes: [(String, String)] = []
                    if let author = comment.author { attributes.append(("author", author)) }
                    if let date = comment.date { attributes.append(("date", date)) }
                    xml.element("comment", comment.text, attributes: attributes)
                }
                xml.close(member.name)
            case .fields(let fields):
                xml.open(member.name)
                for name in fields.keys.sorted() {
                    xml.value("field", fields[name]!, attributes: [("name", name)])
                }
                xml.close(member.name)
            case .diagnostics(let diagnostics):
                xml.open(member.name)
                for diagnostic in diagnostics {
                    xml.element("diagnostic", diagnostic.message,
                                attributes: [("stage", diagnostic.stage), ("severity", diagnostic.severity.rawValue)])
                }
                xml.close(member.name)
            }
        }
        xml.close("document")
        xml.bytes.append(0x0A)
        output?.write(xml.bytes)
    }

    /// Closes the root element.
    public mutating func close() {
        output?.write("</documents>\n")
    }

    /// The element name of one item of a list member: `authors` → `author`, `tags` → `tag`.
    static func itemName(_ list: String) -> String {
        list.hasSuffix("s") ? String(list.dropLast()) : "item"
    }
}

/// Builds the XML text of one document.
struct XMLBuilder {
    var bytes: [UInt8] = []

    mutating func open(_ name: String, attributes: [(String, String)] = []) {
        start(name, attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func close(_ name: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func empty(_ name: String, attributes: [(String, String)]) {
        start(name, attributes)
        bytes.append(contentsOf: "/>".utf8)
    }

    /// An element with text, or nothing when the text is nil.
    mutating func element(_ name: String, _ text: String?, attributes: [(String, String)] = []) {
        guard let text else { return }
        open(name, attributes: attributes)
        XMLText.append(text, to: &bytes)
        close(name)
    }

    mutating func list(_ name: String, item: String, _ values: [String]) {
        open(name)
        for value in values { element(item, value) }
        close(name)
    }

    /// A field value: scalars as text, lists as `<item>`s, objects as `<member name>`s.
    mutating func value(_ name: String, _ value: FieldValue, attributes: [(String, String)] = []) {
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

    /// A block: its attributes, its text, then its spans, image and rows as children.
    mutating func block(_ block: Block) {
        var attributes = [("kind", block.kind.rawValue)]
        for attribute in DocumentSchema.blockAttributes {
            if let text = attribute.text(in: block) { attributes.append((attribute.name, text)) }
        }
        open("block", attributes: attributes)
        XMLText.append(block.text, to: &bytes)
        for span in block.spans {
            var attributes = [("kind", span.kind.rawValue), ("start", String(span.start)), ("length", String(span.length))]
            if let href = span.href { attributes.append(("href", href)) }
            if let src = span.src { attributes.append(("src", src)) }
            if let alt = span.alt { attributes.append(("alt", alt)) }
            empty("span", attributes: attributes)
        }
        if let image = block.image {
            empty("image", attributes: [("src", image.src)] + (image.alt.map { [("alt", $0)] } ?? []))
        }
        for row in block.rows ?? [] {
            open("row")
            for cell in row { element("cell", cell.text, attributes: cell.header ? [("header", "true")] : []) }
            close("row")
        }
        close("block")
    }

    private mutating func start(_ name: String, _ attributes: [(String, String)]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (key, value) in attributes {
            bytes.append(0x20)
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            XMLText.append(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
