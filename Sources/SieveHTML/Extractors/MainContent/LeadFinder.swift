/// Finds an article's lead (standfirst, teaser, chapo, Vietnamese sapo) when it sits outside the chosen
/// body container: news CMSs put it in the article header or in a box of its own just above the body
/// (`<header><h1>…</h1><p class="lead">…</p></header><div class="body">…</div>`), so body scoring alone
/// leaves it out.
///
/// Where it looks: the elements before the first container, inside its ancestor up to `levels` above it
/// (not the page's `<body>`), after the last `<h1>` there (what sits above the headline is page chrome).
/// What it takes: prose paragraphs (`inlineText` of at least `minimumLength` characters, a clause or
/// sentence mark, few links, no picture, not a dateline), skipping navigation, asides, footers, forms, lists, tables, figures,
/// elements named like chrome (unless also named like a lead) and link-heavy boxes. Without an `<h1>` in
/// the region only elements named like a lead, or inside a `<header>`/`<hgroup>`, are taken. The same rules
/// find the lead inside a `<header>` that the boilerplate filter drops from the chosen container.
struct LeadFinder {
    let table: NodeTable

    /// How far above the first container the lead may sit.
    static let levels = 4
    /// Shortest lead paragraph, in visible characters.
    static let minimumLength: Int32 = 60
    /// Most lead text taken, in visible characters: a lead is a paragraph or two, not a second article.
    static let maximumText: Int32 = 1500

    /// The lead elements before `first` (a container index), in document order.
    func leads(before first: Int) -> [Int] {
        var scope = first
        for _ in 0..<Self.levels {
            let up = Int(table.parent[scope])
            guard up >= 0, table.tags[up] != .body, table.tags[up] != .html else { break }
            scope = up
        }
        if scope == first {
            // A container straight under <body> has its lead in a sibling there too (a hero box with the
            // headline and intro above the page's text).
            let up = Int(table.parent[first])
            guard up >= 0, table.tags[up] == .body else { return [] }
            scope = up
        }
        return paragraphs(in: (scope + 1)..<first, scope: scope, before: first, named: false)
    }

    /// The lead elements inside an article's `<header>` (which holds the headline, byline and lead together).
    func leads(inHeader header: Int) -> [Int] {
        paragraphs(in: (header + 1)..<Int(table.subtreeEnd[header]), scope: header, before: nil, named: true)
    }

    /// The lead paragraphs in a pre-order range, after its last `<h1>`; `named` says the whole range is
    /// known to be the article's header, so no `<h1>` or lead name is needed.
    private func paragraphs(in range: Range<Int>, scope: Int, before first: Int?, named: Bool) -> [Int] {
        var start = range.lowerBound
        var sawHeadline = named
        for index in range where table.tags[index] == .h1 {
            start = max(start, Int(table.subtreeEnd[index]))
            sawHeadline = true
        }
        var result: [Int] = []
        var taken: Int32 = 0
        var index = start
        while index < range.upperBound {
            // An ancestor of the body container (its subtree reaches past the range) is entered, not taken.
            if let first, Int(table.subtreeEnd[index]) > first {
                index += 1
                continue
            }
            if isExcluded(index) {
                index = Int(table.subtreeEnd[index])
                continue
            }
            if isLeadParagraph(index), sawHeadline || isNamedLead(index, below: scope) {
                taken += table.text[index]
                guard taken <= Self.maximumText else { return [] }
                result.append(index)
                index = Int(table.subtreeEnd[index])
                continue
            }
            index += 1
        }
        return result
    }

    /// Subtrees that never hold the lead.
    private func isExcluded(_ index: Int) -> Bool {
        switch table.tags[index] {
        case .nav, .aside, .footer, .menu, .form, .fieldset, .ul, .ol, .dl, .table, .figure, .figcaption, .blockquote,
             .address, .pre, .h1:
            return true
        default:
            break
        }
        let signal = table.signals[index]
        if signal.contains(.negative), !signal.contains(.lead), !signal.contains(.positive) { return true }
        return table.text[index] > 0 && table.linkDensity(index) > 0.3
    }

    /// A paragraph of prose: long enough, with a clause or sentence mark, few links, all its text its own.
    private func isLeadParagraph(_ index: Int) -> Bool {
        let length = table.inlineText[index]
        guard length >= Self.minimumLength, table.text[index] == length, table.inlineLinkDensity(index) < 0.2 else {
            return false
        }
        guard table.commas[index] + table.sentenceEnds[index] > 0 || length >= 2 * Self.minimumLength else { return false }
        // A box with a picture is the lead image with its caption and credit.
        for inner in index..<Int(table.subtreeEnd[index]) where table.tags[inner] == .img || table.tags[inner] == .picture {
            return false
        }
        // A dateline ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ...") is mostly digits.
        var digits = 0
        for byte in table.nodes[index].collapsedText.utf8 where byte >= 0x30 && byte <= 0x39 { digits += 1 }
        return digits * 100 < Int(length) * 15
    }

    /// Named like a lead, or inside the article's `<header>`/`<hgroup>`: the element or an ancestor below `scope`.
    private func isNamedLead(_ index: Int, below scope: Int) -> Bool {
        var current = index
        while current > scope {
            if table.signals[current].contains(.lead) || table.tags[current] == .header || table.tags[current] == .hgroup {
                return true
            }
            current = Int(table.parent[current])
        }
        return false
    }
}
