import SieveCore

/// Lists the administrative units the article names as `fields.places` (`["huyện Thanh Trì", ...]`).
///
/// A place is a unit word (`thành phố`/`TP`, `tỉnh`, `quận`, `huyện`, `thị xã`, `thị trấn`, `phường`, `xã`)
/// followed by a capitalized name or a number (`quận Lê Chân`, `Quận 1`); the unit is written in lower case
/// in the result. A bare name (`Hà Nội`, `Thái Bình` in a byline) is not listed: without its unit word it
/// may be a person, a newspaper or a province. Party committees (`quận ủy`) are not places. Mentions are
/// merged on their tone-folded, lower-case form. A "place" whose name is a person found by the `people` stage
/// (run it first) is left out: `Bí thư Đảng ủy xã Nguyễn Đức Toàn` names a person, not a commune. Title, body
/// and captions are read.
///
/// Options: none.
///
/// Example: `"Quận Lê Chân: ... quận Lê Chân tổ chức"` → `["quận Lê Chân"]`.
public struct PlacesExtractor: Extractor {
    public static let name = "places"
    public static let summary = "Administrative units with their unit word → fields.places (quận Lê Chân)"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the extractor.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard Vietnamese.isInScope(document) else { return .keep }
        var places: [String] = []
        var keys: Set<String> = []
        let people = PersonNames(document)
        for text in ArticleZones(document).all {
            for place in Self.places(in: TokenCache.scanner(for: text, in: &document)) where people.strip(place) == place && keys.insert(MatchKey.of(place)).inserted {
                places.append(place)
            }
        }
        if !places.isEmpty { document.fields["places"] = .list(places.map(FieldValue.string)) }
        return .keep
    }

    /// The places named in one text, in order.
    static func places(in text: String) -> [String] {
        places(in: EntityScanner(text))
    }

    /// The places named in the scanner's text, in order.
    static func places(in scanner: EntityScanner) -> [String] {
        var found: [String] = []
        var index = 0
        while index < scanner.tokens.count {
            guard let unit = scanner.unit(at: index) else {
                index += 1
                continue
            }
            let nameStart = index + unit.length
            let nameEnd = scanner.placeNameEnd(from: nameStart)
            if nameEnd > nameStart {
                found.append(unit.key + " " + scanner.span(nameStart, nameEnd))
            }
            index = max(nameEnd, index + 1)
        }
        return found
    }
}
