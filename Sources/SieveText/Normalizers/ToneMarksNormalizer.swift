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
    /// Options of the tone-mark normalizer.
    public struct Options: StageOptions {
        /// `keep`, `old` or `new`.
        public var style = "keep"
        /// Default options.
        public init() {}
    }

    public static let name = "tone-marks"
    public static let summary = "Vietnamese tone-mark placement in oa/oe/uy: keep, old (hòa, thủy) or new (hoà, thuỷ)"
    public static let optionHelp = ["style": "keep (default) | old (hòa, ủy) | new (hoà, uỷ)"]

    private let style: ToneMarks.Style?

    /// Creates the normalizer; rejects an unknown style.
    public init(options: Options) throws {
        switch options.style.lowercased() {
        case "keep": style = nil
        case let value:
            guard let style = ToneMarks.Style(rawValue: value) else {
                throw StageError(stage: Self.name, "option 'style' must be keep, old or new, not '\(options.style)'")
            }
            self.style = style
        }
    }

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        guard let style else { return .keep }
        DocumentText.rewrite(&document) { ToneMarks.place($0, style: style) }
        return .keep
    }
}
