import SieveCore

/// The `language` extractor: sets every document's `language` from its text, plain text and HTML alike,
/// with CLD2 (see `LanguageDetector`).
///
/// Reads the title and the blocks (code blocks left out), at most `LanguageDetector.sampleLimit` bytes. The
/// language already on the document (`<html lang>`, checked by `metadata`) and the URL's country domain are
/// hints, not the truth: a reliable detection wins, and a declared language it contradicts is noted in an
/// info diagnostic. When the text is too short for a reliable answer, the declared language stays; a
/// document without one takes the detector's best guess. A document with no letters keeps what it has.
///
/// Options: none.
///
/// Example: a page with `<html lang="en">` whose article reads `Die Bürger sind völlig überrascht, ...` →
/// `language: "de"` and the diagnostic "the document declares 'en' but its text reads as 'de' (99%)".
public struct LanguageStage: Extractor {
    public static let name = "language"
    public static let summary = "Language of the text with CLD2 (html lang and the country domain as hints) → language"

    /// Creates the stage.
    public init(options: NoOptions) {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let declared = document.language.flatMap(LanguageDetector.primarySubtag)
        let detection = LanguageDetector.detect(Self.sample(of: document), hint: declared,
                                                countryDomain: Self.countryDomain(document.url ?? document.source.url))
        guard let detected = detection.language else { return .keep }
        if detection.reliable {
            if let declared, declared != detected {
                document.diagnose(context.stageName, "the document declares '\(declared)' but its text reads as '\(detected)' "
                    + "(\(detection.percent)%); using '\(detected)'", severity: .info)
            }
            document.language = detected
        } else if declared == nil {
            document.language = detected
        }
        return .keep
    }

    /// The title and the non-code blocks, one per line, up to a little past the detector's sample size.
    static func sample(of document: Document) -> String {
        var text = document.title ?? ""
        text.reserveCapacity(LanguageDetector.sampleLimit + 256)
        for block in document.blocks where block.kind != .code {
            guard text.utf8.count < LanguageDetector.sampleLimit else { break }
            text += "\n"
            text += block.text
        }
        return text
    }

    /// The two-letter top-level domain of a URL's host (`https://vnexpress.net.vn/a` → `vn`), or nil.
    static func countryDomain(_ url: String?) -> String? {
        guard let url else { return nil }
        let bytes = Array(url.utf8.prefix(512))
        guard let schemeEnd = bytes.indices.first(where: { bytes[$0...].starts(with: Array("://".utf8)) }) else { return nil }
        let host = bytes[(schemeEnd + 3)...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "?")
            && $0 != UInt8(ascii: "#") }
        guard let last = host.split(separator: UInt8(ascii: ".")).last, last.count == 2,
              last.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        return String(decoding: last.map { $0 | 0x20 }, as: UTF8.self)
    }
}
