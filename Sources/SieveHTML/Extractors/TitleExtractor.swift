import CLibXML2
import Foundation
import SieveCore

/// The `title` extractor: sets `document.title`.
///
/// With an HTML tree: `og:title` (or `twitter:title`); else `<title>` without the site name, where the title is
/// split on ` | `, ` - `, ` – `, ` — `, ` :: `, ` · `, ` » ` and the candidate (a part, or the title less its
/// first or last part) that best matches the first `<h1>` wins, or failing a match the title less its shorter
/// end part; else the first `<h1>`. Without a tree (plain text): the first block when it is a heading.
///
/// Options: `replace` (default false): overwrite a title an earlier stage already set.
///
/// Example: `<title>Floods hit the north | Daily News</title>` with `<h1>Floods hit the north</h1>` →
/// "Floods hit the north".
public struct TitleExtractor: Extractor {
    /// Options of the title extractor.
    public struct Options: StageOptions {
        /// Overwrite an existing title.
        public var replace = false
        /// Defaults: keep an existing title.
        public init() {}
    }

    /// The stage name.
    public static let name = "title"
    /// One line for `sieve stages`.
    public static let summary = "Title from og:title, <title> without the site name, or the first <h1>; for text, a leading headline"
    /// Option documentation.
    public static let optionHelp = ["replace": "overwrite a title an earlier stage already set (default false)"]

    private let options: Options
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]

    /// Creates the stage.
    public init(options: Options) { self.options = options }

    /// Sets the title when one is found (and none is set, unless `replace`).
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        if let existing = document.title, !existing.isEmpty, !options.replace { return .keep }
        let found: String? = if let tree = document.attachments[HTMLTreeKey.self] {
            Self.title(of: tree)
        } else {
            document.blocks.first.flatMap { $0.kind == .heading ? $0.text : nil }
        }
        if let found, !found.isEmpty { document.title = found }
        return .keep
    }

    /// The title of a parsed page, by the rules above.
    public static func title(of tree: HTMLTree) -> String? {
        if let head = tree.head, let social = metaContent(in: head, keys: ["og:title", "twitter:title"]) { return social }
        let heading = tree.body.flatMap(firstHeading(in:))
        if let title = tree.head?.firstChildElement(.title)?.collapsedText, !title.isEmpty {
            return strippingSiteName(title, heading: heading)
        }
        if let title = tree.root.flatMap({ findFirst(.title, in: $0) })?.collapsedText, !title.isEmpty {
            return strippingSiteName(title, heading: heading)
        }
        return heading
    }

    /// `<title>` text without the site name part.
    static func strippingSiteName(_ title: String, heading: String?) -> String {
        guard let separator = separators.first(where: { title.contains($0) }) else { return title }
        let parts = title.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts.first ?? title }
        let withoutFirst = parts.dropFirst().joined(separator: separator)
        let withoutLast = parts.dropLast().joined(separator: separator)
        if let heading {
            let target = words(heading)
            var best: (String, Double)?
            for candidate in parts + [withoutFirst, withoutLast] {
                let score = similarity(words(candidate), target)
                if score > (best?.1 ?? 0) { best = (candidate, score) }
            }
            if let best, best.1 >= 0.5 { return best.0 }
        }
        return parts.first!.utf8.count < parts.last!.utf8.count ? withoutFirst : withoutLast
    }

    /// The lowercase words of a text.
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    /// Overlap of two word sets (Jaccard).
    static func similarity(_ left: Set<String>, _ right: Set<String>) -> Double {
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        return Double(left.intersection(right).count) / Double(left.union(right).count)
    }

    /// The `content` of the first `<meta property|name=KEY>` among `keys`, in key order.
    static func metaContent(in head: xmlNodePtr, keys: [String]) -> String? {
        var found: [String: String] = [:]
        head.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == .meta, let key = (node.attribute("property") ?? node.attribute("name"))?.lowercased(),
               keys.contains(key), found[key] == nil,
               let content = node.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty {
                found[key] = content
            }
            return .continue
        }
        return keys.lazy.compactMap { found[$0] }.first
    }

    /// The text of the first visible `<h1>`.
    static func firstHeading(in body: xmlNodePtr) -> String? {
        var result: String?
        body.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.tag.isNeverContent || Visibility.isHidden(node) { return .skipChildren }
            if node.tag == .h1 {
                let text = node.collapsedText
                if !text.isEmpty {
                    result = text
                    return .stop
                }
                return .skipChildren
            }
            return .continue
        }
        return result
    }

    private static func findFirst(_ tag: Tag, in root: xmlNodePtr) -> xmlNodePtr? {
        var result: xmlNodePtr?
        root.walk { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == tag {
                result = node
                return .stop
            }
            return .continue
        }
        return result
    }
}
