import SieveCore

/// The `language` extractor: sets every document's `language` from its text, plain text and HTML alike,
/// with CLD2 (see `LanguageDetector`).
///
/// Reads the title and the blocks (code blocks left out): all of them when short, else the beginning and
/// the end, `LanguageDetector.sampleLimit` bytes in all (error messages or a cookie notice in another language
/// at the top of a page then do not decide alone). The language already on the document (`<html lang>`,
/// checked by `metadata`) is a hint, not the truth: a reliable detection on at
/// least `minimumLetters` bytes of letters wins, and the contradicted declaration is noted in an info
/// diagnostic, unless the declared language is the runner-up with at least `mixedShare` percent of the text
/// (a page in two languages keeps the one it declares). When the text is too short for a reliable answer,
/// the declared language stays; a document without one takes the detector's best guess. A document with no
/// letters keeps what it has.
///
/// Options: none.
///
/// Example: a page with `<html lang="en">` whose article reads `Die Bürger sind völlig überrascht, ...` →
/// `language: "de"` and the diagnostic "the document declares 'en' but its text reads as 'de' (99%)".
public struct LanguageStage: Extractor {
    public static let name = "language"
    public static let summary = "Language of the text with CLD2 (a declared html lang as a hint) → language"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    /// Bytes of letters a detection needs to overrule a declared language (a line or two of text: CLD2
    /// calls a single short sentence reliable, and menus or player notices are often in English).
    static let minimumLetters = 100
    /// Share of the text (percent) in the declared language that keeps the declaration.
    static let mixedShare = 20

    /// Creates the stage.
    public init(options: NoOptions) {}

    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let declared = document.language.flatMap(LanguageDetector.primarySubtag)
        let detection = LanguageDetector.detect(Self.sample(of: document))
        guard let detected = detection.language else { return .keep }
        guard let declared else {
            document.language = detected
            return .keep
        }
        let overrules = detection.reliable && detection.textBytes >= Self.minimumLetters && detected != declared
            && !(detection.runnerUp == declared && detection.runnerUpPercent >= Self.mixedShare)
        if overrules {
            document.diagnose(context.stageName, "the document declares '\(declared)' but its text reads as '\(detected)' "
                + "(\(detection.percent)%); using '\(detected)'", severity: .info)
            document.language = detected
        } else {
            document.language = declared
        }
        return .keep
    }

    /// The title and the non-code blocks, one per line, at most `LanguageDetector.sampleLimit` bytes: all of
    /// them when they fit, else the first half of the budget from the start and the second from the end.
    static func sample(of document: Document) -> String {
        let limit = LanguageDetector.sampleLimit
        let parts = [document.title ?? ""] + document.blocks.filter { $0.kind != .code }.map(\.text)
        var total = 0
        for part in parts { total += part.utf8.count + 1 }
        guard total > limit else { return parts.joined(separator: "\n") }
        var head: [UInt8] = []
        head.reserveCapacity(limit)
        for part in parts where head.count < limit / 2 {
            head.append(contentsOf: part.utf8.prefix(limit / 2 - head.count))
            head.append(0x0A)
        }
        var tailParts: [Substring.UTF8View] = []
        var tailCount = 0
        for part in parts.reversed() where tailCount < limit / 2 {
            let piece = Substring(part).utf8.suffix(limit / 2 - tailCount)
            tailParts.append(piece)
            tailCount += piece.count + 1
        }
        for piece in tailParts.reversed() {
            head.append(contentsOf: piece)
            head.append(0x0A)
        }
        // A cut inside a character becomes U+FFFD, which the detector skips like punctuation.
        return String(decoding: head, as: UTF8.self)
    }
}
