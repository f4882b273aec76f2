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
        for root in roots {
            var index = root + 1
            let end = Int(table.subtreeEnd[root])
            while index < end {
                if isChrome(index, articleText: Double(total)) {
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

    private func isChrome(_ index: Int, articleText: Double) -> Bool {
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
        case .h1:
            return true
        case .form, .fieldset:
            return share < 0.5
        case .tbody, .thead, .tfoot, .tr, .td, .th:
            // Class names on table rows and cells describe the data ("player-2020"), not page chrome.
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

    /// Whether a paragraph is a written-out web address: it starts with `http` or `www.` and has no space.
    static func isWrittenAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.starts(with: "http".utf8) || bytes.starts(with: "www.".utf8) else { return false }
        return !bytes.contains(0x20)
    }

    /// A list of other stories: at least three items, nearly every one holding a link of headline length.
    private func isTeaserList(_ list: Int) -> Bool {
        var items = 0, linked = 0
        var index = list + 1
        let end = Int(table.subtreeEnd[list])
        while index < end {
            if table.tags[index] == .li {
                items += 1
                if table.links[index] > 0, table.linkText[index] >= 15 { linked += 1 }
                index = Int(table.subtreeEnd[index])
            } else {
                index += 1
            }
        }
        return items >= 3 && linked * 10 >= items * 8 && table.linkDensity(list) > 0.2
    }
}
