/// Finds the element that holds the article: paragraphs score their ancestors (the nearer, the more),
/// as in Arc90's Readability, the container's score is weighed by its tag and by what its class and id say,
/// and lowered by its link density. Then siblings that look like more of the same article are merged in
/// (articles split over several containers).
struct CandidateScorer {
    let table: NodeTable
    let tuning: Tuning

    /// The indices of the article's containers in document order; empty when the page has no paragraph.
    func select() -> [Int] {
        let count = table.count
        guard count > 0 else { return [] }
        var score = [Double](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)
        let inForm = formMembers()
        for index in 0..<count where table.inlineText[index] >= 25 && isParagraphLike(table.tags[index]) && !inForm[index] {
            let length = Double(table.inlineText[index])
            // Text written with <br> line breaks counts as the paragraphs it holds.
            let pieces = max(1, min(1 + Double(table.lineBreaks[index]) / 2, length / 100))
            var value = pieces + Double(table.commas[index]) + min(length / 100, 3 * pieces)
            value *= 1 - table.inlineLinkDensity(index)
            // A div or td holding a long text of its own (a page written with <br>) is a container too.
            var ancestor = table.tags[index] != .p && length >= 200 ? index : Int(table.parent[index])
            var level = 0
            while ancestor >= 0, level < 5 {
                if !scored[ancestor] {
                    scored[ancestor] = true
                    score[ancestor] += initialScore(ancestor)
                }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3)
                score[ancestor] += value / divider
                ancestor = Int(table.parent[ancestor])
                level += 1
            }
        }
        var best = -1
        var bestScore = 0.0
        var insideChrome = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let up = Int(table.parent[index])
            if up >= 0 { insideChrome[index] = insideChrome[up] || isNamedChrome(up) }
        }
        for index in 0..<count where scored[index] {
            score[index] *= 1 - table.linkDensity(index)
            // Comments and related stories can outweigh a short article; being inside chrome counts against.
            if insideChrome[index] || isNamedChrome(index) { score[index] *= 0.5 }
            if table.signals[index].contains(.articleBody), table.paragraphs[index] > 0 { score[index] *= 1.5 }
            if score[index] > bestScore {
                bestScore = score[index]
                best = index
            }
        }
        guard best >= 0 else { return [] }
        best = climb(from: best, score: score)
        return widening(mergeSiblings(of: best, score: score, inForm: inForm), inForm: inForm)
    }

    /// Page builders (Elementor, WPBakery, TYPO3 content elements, AEM grids) put each text block of one
    /// article in a widget of its own, nested a few levels deep: the article goes on beside the chosen
    /// containers and beside their ancestors. Among the containers' siblings, then the siblings of their
    /// parent and grandparent (while that level holds at most twice the article's text), an element joins
    /// when it holds prose: a paragraph of 80 characters or more, few links, no chrome name, not
    /// navigation, aside, footer, header, list, table or a form.
    private func widening(_ containers: [Int], inForm: [Bool]) -> [Int] {
        guard let first = containers.first else { return containers }
        var parent = Int(table.parent[first])
        guard parent >= 0, containers.allSatisfy({ Int(table.parent[$0]) == parent }) else { return containers }
        var result = containers
        var article = containers.reduce(Int32(0)) { $0 + table.text[$1] }
        var held = Set(containers)
        for _ in 0..<3 {
            guard parent >= 0, table.tags[parent] != .body, table.tags[parent] != .html, table.text[parent] <= article * 2 else {
                break
            }
            var widened: [Int] = []
            var index = parent + 1
            let end = Int(table.subtreeEnd[parent])
            while index < end {
                defer { index = Int(table.subtreeEnd[index]) }
                if held.contains(index) {
                    widened += result.filter { $0 >= index && $0 < Int(table.subtreeEnd[index]) }
                } else if isProse(index, inForm: inForm) {
                    widened.append(index)
                    article += table.text[index]
                }
            }
            result = widened
            held = [parent]
            parent = Int(table.parent[parent])
        }
        return result
    }

    /// A block of the article's own prose: a paragraph of 80 characters or more, few links, no part of it
    /// named like chrome.
    private func isProse(_ index: Int, inForm: [Bool]) -> Bool {
        switch table.tags[index] {
        case .nav, .aside, .footer, .header, .form, .menu, .ul, .ol, .table, .h1: return false
        default: break
        }
        guard table.paragraphs[index] >= 1, table.text[index] >= 80, table.linkDensity(index) < 0.15,
              !isNamedChrome(index), !holdsForm(index, inForm: inForm) else { return false }
        var longest: Int32 = 0
        for inner in index..<Int(table.subtreeEnd[index]) {
            // An author box or a disclaimer shows itself by a part named like chrome ("author-title").
            if isNamedChrome(inner) { return false }
            longest = max(longest, table.inlineText[inner])
        }
        return longest >= 80
    }

    /// The elements inside a form that holds less than 70% of the page's text: a comment or sign-up form,
    /// whose instructions and earlier comments can outweigh a short article. Its text scores nothing. (A form
    /// wrapping the whole page, as ASP.NET WebForms pages have, is not one.)
    private func formMembers() -> [Bool] {
        var inForm = [Bool](repeating: false, count: table.count)
        let page = table.text[0]
        for index in 0..<table.count {
            let up = Int(table.parent[index])
            inForm[index] = (up >= 0 && inForm[up]) || (table.tags[index] == .form && table.text[index] * 10 < page * 7)
        }
        return inForm
    }

    /// Whether most of an element's text is in a comment or sign-up form.
    private func holdsForm(_ index: Int, inForm: [Bool]) -> Bool {
        var formText: Int32 = 0
        var inner = index
        let end = Int(table.subtreeEnd[index])
        while inner < end {
            if inForm[inner] {
                formText += table.text[inner]
                inner = Int(table.subtreeEnd[inner])
            } else {
                inner += 1
            }
        }
        return formText * 2 > table.text[index]
    }

    /// Elements whose own text is scored as a paragraph.
    private func isParagraphLike(_ tag: Tag) -> Bool {
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .a, .th, .caption, .figcaption, .header, .footer, .nav,
             .aside, .address, .summary, .legend:
            false
        default:
            true
        }
    }

    /// A container's starting score from its tag and its class/id words.
    private func initialScore(_ index: Int) -> Double {
        var value: Double = switch table.tags[index] {
        case .div, .article, .main, .section: 5
        case .pre, .td, .blockquote: 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form, .aside, .nav, .footer, .header: -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: -5
        default: 0
        }
        let signal = table.signals[index]
        if signal.contains(.negative) { value -= 25 }
        if signal.contains(.positive) { value += 25 }
        if signal.contains(.articleBody) { value += 25 }
        return value
    }

    /// Moves up from the best container while the article continues in the parent: the parent's other
    /// children hold several more paragraphs (not in chrome-named or link-heavy children), or the best
    /// container is nearly all of the parent's text.
    private func climb(from start: Int, score: [Double]) -> Int {
        var best = start
        while true {
            let up = Int(table.parent[best])
            guard up >= 0, table.tags[up] != .body, table.tags[up] != .html else { return best }
            if table.text[up] > 0, Double(table.text[best]) / Double(table.text[up]) > 0.9 {
                best = up
                continue
            }
            var extra: Int32 = 0
            var child = up + 1
            let end = Int(table.subtreeEnd[up])
            while child < end {
                defer { child = Int(table.subtreeEnd[child]) }
                guard child != best, !isNamedChrome(child), table.linkDensity(child) < tuning.containerLinkDensity * 0.6 else {
                    continue
                }
                extra += table.paragraphs[child]
            }
            let own = table.paragraphs[best]
            if extra >= 3, extra * 2 >= own, score[up] >= score[best] * 0.5 {
                best = up
                continue
            }
            return best
        }
    }

    /// Whether the element is named like chrome and not like the article.
    private func isNamedChrome(_ index: Int) -> Bool {
        let signal = table.signals[index]
        if signal.contains(.neverArticle), !signal.contains(.articleBody) { return true }
        return signal.contains(.negative) && !signal.contains(.positive) && !signal.contains(.articleBody)
    }

    /// The best container plus siblings that hold more of the article.
    private func mergeSiblings(of best: Int, score: [Double], inForm: [Bool]) -> [Int] {
        let up = Int(table.parent[best])
        guard up >= 0 else { return [best] }
        let threshold = max(10, score[best] * tuning.siblingShare)
        var result: [Int] = []
        var index = up + 1
        let end = Int(table.subtreeEnd[up])
        while index < end {
            defer { index = Int(table.subtreeEnd[index]) }
            if index == best {
                result.append(index)
                continue
            }
            // A header holds the headline, kicker, byline and lead picture; its lead is LeadFinder's business.
            if isNamedChrome(index) || table.tags[index] == .header || holdsForm(index, inForm: inForm) { continue }
            if score[index] >= threshold, table.linkDensity(index) < tuning.containerLinkDensity {
                result.append(index)
                continue
            }
            // A sibling holding several paragraphs of its own with few links is more of the article.
            if table.paragraphs[index] >= 3, table.linkDensity(index) < 0.15, !table.tags[index].isNeverContent,
               table.tags[index] != .aside, table.tags[index] != .nav, table.tags[index] != .footer {
                result.append(index)
                continue
            }
            let length = table.inlineText[index]
            let density = table.inlineLinkDensity(index)
            if table.tags[index] == .p || table.tags[index] == .div {
                if length > 80, density < 0.25 {
                    result.append(index)
                } else if length > 0, length <= 80, density == 0, table.sentenceEnds[index] > 0, table.text[index] == length {
                    result.append(index)
                }
            }
        }
        return result
    }
}
