import SieveCore

/// The parts of a document the extractors read: the headline, the body blocks and the captions.
struct ArticleZones {
    /// The headline: `document.title`, else the first heading block.
    let title: String?
    /// Body texts in order (paragraphs, list items, quotes; headings after the first one).
    let body: [String]
    /// Caption texts in order.
    let captions: [String]

    init(_ document: Document) {
        var body: [String] = []
        var captions: [String] = []
        var headline: String?
        for (index, block) in document.blocks.enumerated() {
            switch block.kind {
            case .heading where index == 0: headline = block.text
            case .caption: captions.append(block.text)
            case .code, .table: continue
            default: body.append(block.text)
            }
        }
        title = document.title ?? headline
        self.body = body
        self.captions = captions
    }

    /// Title, body and captions, in that order.
    var all: [String] { (title.map { [$0] } ?? []) + body + captions }
}
