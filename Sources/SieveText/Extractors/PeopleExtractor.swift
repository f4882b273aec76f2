import SieveCore

/// Lists the people the article names, with their role as written, as `fields.people` (`[{name, role}]`).
///
/// Two word orders are read (see `EntityScanner` for names and roles):
/// - name then role after a dash: `đồng chí Nguyễn Xuân Phong – Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện`;
///   `Bùi Văn Kiệm – Giám đốc Sở Giáo dục và Đào tạo`; after an honorific a comma works too
///   (`ông Nguyễn Văn An, Giám đốc Sở ...`);
/// - role then name: `Bí thư quận ủy Trần Thu Hương trao tặng ...`, `Phó Chủ tịch Công đoàn ngành Giáo dục
///   Hà Nội Đỗ Văn Nam trao đổi` (the name is three or four words and a verb follows it).
/// Honorifics (`đồng chí`, `ông`, `bà`, `PGS.TS` ...) are not part of the name. `đồng chí`/`ông`/`bà` before a
/// name without a role still lists the person, without `role`. One entry per person (tone placement
/// folded): the first role written wins. Title, body and captions are read.
///
/// Options: none.
///
/// Example: `"Dự có đồng chí Đặng Đức Quỳnh – UVBTV, Chủ tịch HĐND huyện; ..."` →
/// `[{"name": "Đặng Đức Quỳnh", "role": "UVBTV, Chủ tịch HĐND huyện"}]`.
public struct PeopleExtractor: Extractor {
    public static let name = "people"
    public static let summary = "People and their roles as written → fields.people [{name, role}]"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the extractor.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard Vietnamese.isInScope(document) else { return .keep }
        var people: [(name: String, role: String?)] = []
        var index: [String: Int] = [:]
        for text in ArticleZones(document).all {
            for person in Self.people(in: TokenCache.scanner(for: text, in: &document)) {
                let key = MatchKey.of(person.name)
                if let existing = index[key] {
                    if people[existing].role == nil { people[existing].role = person.role }
                } else {
                    index[key] = people.count
                    people.append(person)
                }
            }
        }
        guard !people.isEmpty else { return .keep }
        document.fields["people"] = .list(people.map { person in
            var object: [String: FieldValue] = ["name": .string(person.name)]
            if let role = person.role { object["role"] = .string(role) }
            return .object(object)
        })
        return .keep
    }

    /// The people named in one text, in order.
    static func people(in text: String) -> [(name: String, role: String?)] {
        people(in: EntityScanner(text))
    }

    /// The people named in the scanner's text, in order.
    static func people(in scanner: EntityScanner) -> [(name: String, role: String?)] {
        let tokens = scanner.tokens
        var found: [(position: Int, name: String, role: String?)] = []
        var claimed = Set<Int>()
        for (index, token) in tokens.enumerated() where token.isDash || token.isPunct(",") {
            let runStart = runStart(scanner, before: index)
            guard runStart < index else { continue }
            let nameStart: Int
            if let start = scanner.personStart(in: runStart, index, minLength: 2) {
                nameStart = start
            } else if scanner.honorific(before: runStart), (2...4).contains(index - runStart) {
                nameStart = runStart
            } else {
                continue
            }
            if token.isPunct(","), !scanner.honorific(before: nameStart) { continue }
            guard let roleEnd = scanner.roleEnd(from: index + 1, anyCase: true) else { continue }
            found.append((nameStart, scanner.span(nameStart, index), scanner.span(index + 1, roleEnd)))
            claimed.formUnion(nameStart..<roleEnd)
        }
        var index = 0
        while index < tokens.count {
            guard !claimed.contains(index), let roleEnd = scanner.roleEnd(from: index, anyCase: false) else {
                index += 1
                continue
            }
            let nameEnd = scanner.nameRunEnd(from: roleEnd)
            if nameEnd - roleEnd >= 3, nameEnd - roleEnd <= 4, scanner.endsName(at: nameEnd),
               VietLexicon.surnames.contains(tokens[roleEnd].key), !claimed.contains(roleEnd) {
                found.append((roleEnd, scanner.span(roleEnd, nameEnd), scanner.span(index, roleEnd)))
                claimed.formUnion(index..<nameEnd)
                index = nameEnd
            } else {
                index = max(roleEnd, index + 1)
            }
        }
        for start in tokens.indices where !claimed.contains(start) && scanner.honorific(before: start) {
            let end = scanner.nameRunEnd(from: start)
            guard (2...4).contains(end - start), VietLexicon.surnames.contains(tokens[start].key), scanner.endsName(at: end)
            else { continue }
            found.append((start, scanner.span(start, end), nil))
            claimed.formUnion(start..<end)
        }
        return found.sorted { $0.position < $1.position }.map { ($0.name, $0.role) }
    }

    /// The start of the run of name words that ends right before `index`.
    private static func runStart(_ scanner: EntityScanner, before index: Int) -> Int {
        var start = index
        while start > 0, scanner.isNameWord(start - 1) { start -= 1 }
        return start
    }
}
