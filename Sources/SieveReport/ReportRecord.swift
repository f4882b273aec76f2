import SieveCore

/// The few facts the run report counts from one document, taken either from a `Document` (during a run)
/// or from its JSON form (a line of a JSON Lines output, schema `sieve-document`): publication day, site,
/// language, text length, which metadata is present, authors and organizations.
///
/// Missing or mistyped members count as absent, so an output of an older or newer schema still reports.
public struct ReportRecord: Sendable {
    /// The publication day, `YYYY-MM-DD`, when `published` starts with a plausible date (years 1900–2199).
    public var day: String?
    /// The site's name, else the host of the URL.
    public var site: String?
    /// The language code.
    public var language: String?
    /// Length of the text in Unicode scalars.
    public var textLength: Int
    /// Whether the document has a title.
    public var hasTitle: Bool
    /// Whether the document has a publication date.
    public var hasDate: Bool
    /// Authors, as the extractors wrote them.
    public var authors: [String]
    /// Organizations named in `fields.organizations` (each a name or `{"name": …}`), if an extractor wrote any.
    public var organizations: [String]

    /// The facts of a document built by the pipeline.
    public init(_ document: Document) {
        self.init(published: document.published, site: document.site, url: document.url, language: document.language,
                  textLength: Self.scalarCount(document.text.utf8), hasTitle: !(document.title ?? "").isEmpty,
                  authors: document.authors, organizations: Self.names(document.fields["organizations"]))
    }

    /// The facts of a document's JSON form (a line of a JSON Lines output, without its newline), read without
    /// decoding the rest (`DocumentLine`); nil when it is not a JSON object.
    public init?(line: ArraySlice<UInt8>) {
        guard let record = DocumentLine.record(line) else { return nil }
        self = record
    }

    /// The facts of a document's JSON object; nil when `value` is not an object.
    public init?(json value: FieldValue) {
        guard case .object(let members) = value else { return nil }
        self.init(members: members, textLength: Self.scalarCount((members["text"]?.stringValue ?? "").utf8))
    }

    /// The facts of a document's JSON members, its text already measured (`textLength` scalars).
    init(members: [String: FieldValue], textLength: Int) {
        self.init(published: members["published"]?.stringValue, site: members["site"]?.stringValue,
                  url: members["url"]?.stringValue, language: members["language"]?.stringValue,
                  textLength: textLength, hasTitle: !(members["title"]?.stringValue ?? "").isEmpty,
                  authors: Self.names(members["authors"]),
                  organizations: Self.names(members["fields"]?.objectValue?["organizations"]))
    }

    private init(published: String?, site: String?, url: String?, language: String?, textLength: Int, hasTitle: Bool,
                 authors: [String], organizations: [String]) {
        day = published.flatMap(Self.day(of:))
        hasDate = !(published ?? "").isEmpty
        self.site = site.flatMap { $0.isEmpty ? nil : $0 } ?? url.flatMap(Self.host(of:))
        self.language = language.flatMap { $0.isEmpty ? nil : $0 }
        self.textLength = textLength
        self.hasTitle = hasTitle
        self.authors = authors
        self.organizations = organizations
    }

    /// `2024-08-23` from `2024-08-23T15:30:00+07:00`; nil unless the text opens with `YYYY-MM-DD`.
    static func day(of published: String) -> String? {
        let bytes = Array(published.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
              (1900..<2200).contains(year), (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `example.com` from `https://www.example.com/a/b`; nil when there is no `scheme://host`.
    static func host(of url: String) -> String? {
        let scalars = Array(url.unicodeScalars.prefix(2_048))
        guard let colon = scalars.firstIndex(of: ":"), scalars.count > colon + 2, scalars[colon + 1] == "/", scalars[colon + 2] == "/" else {
            return nil
        }
        let rest = String(String.UnicodeScalarView(scalars[(colon + 3)...]))
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host).lowercased()
    }

    /// The strings of a list whose items are strings or objects with a `name`.
    static func names(_ value: FieldValue?) -> [String] {
        guard let items = value?.listValue else { return [] }
        return items.compactMap { item in
            let name = item.stringValue ?? item.objectValue?["name"]?.stringValue
            return name.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that do not continue a sequence.
    static func scalarCount(_ bytes: String.UTF8View) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
