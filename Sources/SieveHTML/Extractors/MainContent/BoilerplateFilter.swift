import CLibXML2

/// Decides which elements inside the chosen article containers are page chrome rather than article:
/// navigation, asides, footers and headers (the headline and byline live there), elements named like
/// chrome (share bars, related lists, comments, ads...) unless they hold much of the article, link lists,
/// and short paragraphs made mostly of a link ("Read more: ..."). Whatever it returns is skipped whole; the
/// lead inside a dropped header (see `LeadFinder`) is returned beside it.
struct BoilerplateFilter {
    let table: NodeTable
    let tuning: Tuning

    /// What the filter finds under the article's containers.
    struct Chrome {
        /// The elements to skip.
        var dropped = Set<xmlNodePtr>()
        /// The dropped elements made mostly of links (half the text at least): a label just before one
        /// ("Read more:", "Related") goes with it.
        var linkLists = Set<xmlNodePtr>()
        /// The lead paragraphs in a dropped header above the article's first paragraph, which the article keeps.
        var headerLeads: [Int] = []
    }

    /// The chrome under `roots`.
    func chrome(under roots: [Int]) -> Chrome {
        var chrome = Chrome()
        let total = roots.reduce(0) { $0 + Int(table.text[$1]) }
        guard total > 0 else { return chrome }
        let opening = firstProse(in: roots[0])
        let sections = sectionHeadings(under: roots, after: opening)
        for root in roots {
            var index = root + 1
            let end = Int(table.subtreeEnd[root])
            while index < end {
                if isChrome(index, articleText: Double(total), sections: sections) {
                    chrome.dropped.insert(table.nodes[index])
                    if table.links[index] >= 1, table.linkDensity(index) >= 0.5 { chrome.linkLists.insert(table.nodes[index]) }
                    if table.tags[index] == .header, index < opening {
                        chrome.headerLeads += LeadFinder(table: table).leads(inHeader: index)
                    }
                    index = Int(table.subtreeEnd[index])
                } else {
                    index += 1
                }
            }
        }
        return chrome
    }

    /// The first element holding a body paragraph in `root`, headers aside: only a header above it is
    /// the article's own (a header further down belongs to a section, a card or a comment).
    private func firstProse(in root: Int) -> Int {
        var index = root + 1
        let end = Int(table.subtreeEnd[root])
        while index < end {
            if table.tags[index] == .header {
                index = Int(table.subtreeEnd[index])
                continue
            }
            // A body paragraph, longer than the picture credits and reading times that may come first.
            if table.inlineText[index] >= 80 { return index }
            index += 1
        }
        return end
    }

    /// The `<h1>` elements that title sections of the article, as on sites that write every section heading as
    /// `<h1>` (Readability's issue 464): below the first body paragraph (`opening`; above it is the headline),
    /// each followed by a paragraph of prose (80 characters or more, mostly not links), and two at least (one
    /// alone is a repeated headline or the headline of another story).
    private func sectionHeadings(under roots: [Int], after opening: Int) -> Set<Int> {
        var found = Set<Int>()
        for root in roots {
            let end = Int(table.subtreeEnd[root])
            for index in max(root + 1, opening)..<max(end, opening) where table.tags[index] == .h1 {
                let next = Int(table.subtreeEnd[index])
                if next < end, table.tags[next] == .p, table.inlineText[next] >= 80, table.inlineLinkDensity(next) < 0.5 {
                    found.insert(index)
                }
            }
        }
        return found.count >= 2 ? found : []
    }

    /// `sections` are the `<h1>` elements that title sections (`sectionHeadings`); any other `<h1>` is a headline.
    private func isChrome(_ index: Int, articleText: Double, sections: Set<Int>) -> Bool {
        let tag = table.tags[index]
        let text = Double(table.text[index])
        let share = text / articleText
        let signal = table.signals[index]
        let density = table.linkDensity(index)
        switch tag {
        case .nav, .aside, .footer, .menu:
            return share < 0.5
        case .header:
            return share < 0.3
        case .h1 where !sections.contains(index):
            return true
        case .form, .fieldset:
            return share < 0.5
        case .td:
            // Class names on table cells describe the data ("player-2020"), not page chrome; but a layout
            // table's side cell of links beside the article's cell is navigation.
            return isLinkCellBesideProse(index)
        case .tbody, .thead, .tfoot, .tr, .th:
            // Class names on table rows describe the data, not page chrome.
            return false
        default:
            break
        }
        // An embedded post (a quoted tweet) sits in a box named like chrome ("social-embed") but is content.
        let embed = table.quotedText[index] * 2 > table.text[index]
        // A lead named "teaser" is named like chrome and like a lead: the name alone does not drop one
        // paragraph without links (a list of other stories' teasers has several, with links).
        let lead = signal.contains(.lead) && table.links[index] == 0 && table.paragraphs[index] <= 1
        // Comments, cookie notices and dialogs are chrome even in a box named after the article
        // ("article_comments") and even when longer than a short article.
        if signal.contains(.neverArticle), !signal.contains(.articleBody) { return true }
        if signal.contains(.negative), !signal.contains(.articleBody), !lead, !embed,
           share < tuning.namedChromeShare || (!signal.contains(.positive) && density > 0.3 && share < 0.5) {
            return true
        }
        if share < 0.5, table.text[index] > 0, !embed {
            switch tag {
            case .table:
                if density > 0.8 { return true }
            case .ul, .ol:
                if density > tuning.containerLinkDensity || isTeaserList(index) { return true }
            case .dl, .div, .section, .figure, .li:
                if density > tuning.containerLinkDensity { return true }
                if table.paragraphs[index] == 0, table.links[index] >= 3, density > tuning.containerLinkDensity * 0.6 {
                    return true
                }
            default:
                break
            }
        }
        if table.inlineText[index] > 0, table.inlineText[index] < 300,
           table.inlineLinkDensity(index) > tuning.paragraphLinkDensity, table.text[index] == table.inlineText[index] {
            // A web address written out ("www.example.org") is a reference the article gives, not a teaser.
            return !Self.isWrittenAddress(table.nodes[index].collapsedText)
        }
        return false
    }

    /// A layout table's cell of links (three or more, mostly link text, often separated by `<br>`: old CMS
    /// pages put their menu there) in a row whose other cells hold a paragraph of prose (80 characters or
    /// more). A data table's cells hold no such paragraph.
    private func isLinkCellBesideProse(_ cell: Int) -> Bool {
        let row = Int(table.parent[cell])
        guard row >= 0, table.links[cell] >= 3, table.linkDensity(cell) > tuning.containerLinkDensity else { return false }
        var index = row + 1
        let end = Int(table.subtreeEnd[row])
        while index < end {
            if index == cell {
                index = Int(table.subtreeEnd[cell])
                continue
            }
            if table.tags[index] == .p, table.inlineText[index] >= 80 { return true }
            index += 1
        }
        return false
    }

    /// Whether a paragraph is a written-out web address: it starts with `http` or `www.` and has no space.
    static func isWrittenAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.starts(with: "http".utf8) || bytes.starts(with: "www.".utf8) else { return false }
        return !bytes.contains(0x20)
    }

    /// Whether an item's text opens with words before its first link, as a reference does ("Smith, J. (2019).
    /// <a>Title</a>. Journal 12(3).") and a teaser does not (its link comes first, or a rank number or time).
    static func opensWithWords(_ item: xmlNodePtr) -> Bool {
        var letters = 0
        item.walk { node in
            if node.isText {
                if let content = node.pointee.content {
                    var byte = content
                    while byte.pointee != 0 {
                        let value = byte.pointee
                        // ASCII letters and the lead bytes of other scripts' letters.
                        if (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || value >= 0xC3 { letters += 1 }
                        byte += 1
                    }
                }
                return letters >= 3 ? .stop : .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            if node.tag == .a, node.hasAttribute("href") { return .stop }
            return Visibility.isSkipped(node, node.tag) ? .skipChildren : .continue
        }
        return letters >= 3
    }

    /// A list of other stories: at least three items, nearly every one holding a link of headline length
    /// that opens it or makes half its text (a reference opens with its authors, see `opensWithWords`; a
    /// kicker before a headline is short).
    private func isTeaserList(_ list: Int) -> Bool {
        var items = 0, linked = 0
        var index = list + 1
        let end = Int(table.subtreeEnd[list])
        while index < end {
            if table.tags[index] == .li {
                items += 1
                if table.links[index] > 0, table.linkText[index] >= 15,
                   table.linkDensity(index) >= 0.5 || !Self.opensWithWords(table.nodes[index]) { linked += 1 }
                index = Int(table.subtreeEnd[index])
            } else {
                index += 1
            }
        }
        return items >= 3 && linked * 10 >= items * 8 && table.linkDensity(list) > 0.2
    }
}
