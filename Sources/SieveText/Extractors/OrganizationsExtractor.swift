import SieveCore

/// Lists the organizations the article names as `fields.organizations` (`[{name, expanded?}]`).
///
/// Recognized (see `OrganizationScanner`): abbreviated bodies (`UBND`, `HĐND`, `LĐLĐ`, `MTTQ` ...) with the
/// place after them (`UBND huyện Thanh Trì`, `UBND quận`); joined forms (`QU-HĐND-UBND quận` → Quận ủy, HĐND
/// quận, UBND quận); party committees (`Huyện uỷ`, `quận ủy`, `Đảng bộ quận`); heads with a field and a
/// place (`Phòng GDĐT huyện Thanh Trì`, `Sở Giáo dục và Đào tạo`, `Liên đoàn lao động huyện`, `Công đoàn
/// Giáo dục và Đào tạo thành phố`, `Ban quản lí dự án`); listed departments (`các phòng Nội vụ, Y tế`);
/// schools with a type and a name (`Trường Tiểu học Phạm Tu`). Generic mentions (`các trường THCS`, `Ban
/// giám hiệu các nhà trường`) are skipped.
///
/// `name` is the most specific mention as written; `expanded` spells out its abbreviations (`UBND` → `Ủy
/// ban nhân dân`). Mentions are merged on their expanded, tone-folded, lower-case form, and a mention that
/// is the beginning of a longer one (`UBND huyện` of `UBND huyện Thanh Trì`, `Phòng GD&ĐT` of `Phòng GDĐT
/// huyện Thanh Trì`, `LĐLĐ` of `Liên đoàn lao động huyện Thanh Trì`) is merged into it.
///
/// Options: none.
///
/// Example: `"Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện; ... Huyện ủy, Chủ tịch UBND huyện Thanh Trì"` →
/// `[{"name": "Huyện uỷ"}, {"name": "UBND huyện Thanh Trì", "expanded": "Ủy ban nhân dân huyện Thanh Trì"}]`.
public struct OrganizationsExtractor: Extractor {
    public static let name = "organizations"
    public static let summary = "Organizations with abbreviations expanded → fields.organizations [{name, expanded}]"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Creates the extractor.
    public init(options: NoOptions) throws {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard Vietnamese.isInScope(document) else { return .keep }
        var mentions: [OrganizationScanner.Mention] = []
        let people = PersonNames(document)
        for text in ArticleZones(document).all {
            for mention in OrganizationScanner(TokenCache.scanner(for: text, in: &document)).mentions() {
                let name = people.strip(mention.name)
                mentions.append(name == mention.name ? mention : OrganizationScanner.mention(name))
            }
        }
        let merged = Self.merge(mentions)
        guard !merged.isEmpty else { return .keep }
        document.fields["organizations"] = .list(merged.map { mention in
            var object: [String: FieldValue] = ["name": .string(mention.name)]
            if let expanded = mention.expanded { object["expanded"] = .string(expanded) }
            return .object(object)
        })
        return .keep
    }

    /// One mention per organization, in order of first appearance, each the most specific one written.
    static func merge(_ mentions: [OrganizationScanner.Mention]) -> [OrganizationScanner.Mention] {
        var result: [OrganizationScanner.Mention] = []
        for mention in mentions {
            if let index = result.firstIndex(where: { extends($0.key, mention.key) }) {
                result[index] = mention
            } else if !result.contains(where: { $0.key == mention.key || extends(mention.key, $0.key) }) {
                result.append(mention)
            }
        }
        var kept: [OrganizationScanner.Mention] = []
        for mention in result where !kept.contains(where: { $0.key == mention.key || extends(mention.key, $0.key) }) {
            kept.removeAll { extends($0.key, mention.key) }
            kept.append(mention)
        }
        return kept
    }

    /// Whether `longer` starts with all the words of `shorter` and has more.
    static func extends(_ shorter: String, _ longer: String) -> Bool {
        longer.count > shorter.count && longer.hasPrefix(shorter + " ")
    }
}
