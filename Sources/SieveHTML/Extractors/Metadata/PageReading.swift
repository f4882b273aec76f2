import Foundation
import SieveCore

/// What the metadata of an HTML page is read from (`PageSignals`, `JSONLD`) and the page's title decision
/// (`PageTitle`), made once per document and kept under `PageReadingKey` for every stage that needs them:
/// `main-content` trims a heading repeating the title, `metadata` and `title` set it.
final class PageReading: @unchecked Sendable {
    /// The page's signals (one walk of the tree).
    let page: PageSignals
    /// The page's JSON-LD data.
    let data: JSONLD
    /// The site name: og:site_name, application-name, twitter:site:name, else the JSON-LD publisher.
    let site: String?
    /// The page title (see `PageTitle`).
    let title: String?

    /// Reads a page; `url` is the page's address when known.
    init(tree: HTMLTree, url: String?) {
        page = PageSignals(tree: tree)
        data = JSONLD(scripts: page.jsonLD)
        site = page.first("og:site_name", "application-name", "twitter:site:name") ?? data.publisher
        let address = url ?? page.links["canonical"]?.first ?? page.first("og:url")
        title = PageTitle.choose(page: page, data: data, site: site, host: address.flatMap(Self.host))
    }

    /// The reading of a document's page, made on first use and kept with the document.
    static func of(_ document: inout Document, tree: HTMLTree) -> PageReading {
        if let reading = document.attachments[PageReadingKey.self] { return reading }
        let reading = PageReading(tree: tree, url: document.url ?? document.source.url)
        document.attachments[PageReadingKey.self] = reading
        return reading
    }

    /// The host of an http(s) URL: "https://www.example.com/a" → "www.example.com".
    static func host(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }
}

/// The attachment key of a document's `PageReading`.
enum PageReadingKey: AttachmentKey {
    /// The reading.
    typealias Value = PageReading
}
