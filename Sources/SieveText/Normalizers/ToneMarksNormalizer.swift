import SieveCore

/// Places Vietnamese tone marks of the open syllables `oa`, `oe`, `uy` in one style.
///
/// `old` writes hòa, khỏe, thủy, ủy (common in news and legal titles); `new` writes hoà, khoẻ, thuỷ, uỷ (the
/// 2018 textbook rule); `keep` leaves the text as written. Closed syllables (hoàn, khoảng), `qu` + `y`
/// (quý, Quỳnh) and all other syllables are never touched. Whatever the style, extractors compare names
/// through the folded form (`MatchKey`), so "Huyện uỷ" and "Huyện ủy" are one organization.
///
/// Options: `style` = `keep` (default) | `old` | `new`.
///
/// Example (`style=old`): `"Phó Bí thư Huyện uỷ, Văn hoá"` → `"Phó Bí thư Huyện ủy, Văn hóa"`.
public struct ToneMarksNormalizer: Normalizer {
    /// Where the tone mark of `oa`, `oe`, `uy` goes.
    public enum Style: String, OptionChoice {
        /// Leave the text as written.
        case keep
        /// hòa, khỏe, thủy, ủy.
        case old
        /// hoà, khoẻ, thuỷ, uỷ.
        case new
    }

    /// Options of the tone-mark normalizer.
    public struct Options: StageOptions {
        /// The placement to write.
        public var style = Style.keep
        /// Default options.
        public init() {}
        /// `style`.
        public static let declared: [OptionSpec<Options>] = [
            .option("style", \.style, "keep as written, old (hòa, ủy) or new (hoà, uỷ)"),
        ]
    }

    public static let name = "tone-marks"
    public static let summary = "Vietnamese tone-mark placement in oa/oe/uy: keep, old (hòa, thủy) or new (hoà, thuỷ)"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let style: ToneMarks.Style?

    /// Creates the normalizer.
    public init(options: Options) {
        style = switch options.style {
        case .keep: nil
        case .old: .old
        case .new: .new
        }
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard let style else { return .keep }
        DocumentText.rewrite(&document) { ToneMarks.place($0, style: style) }
        return .keep
    }
}
