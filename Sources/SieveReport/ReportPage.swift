import SieveCore

/// Writes the run report: one self-contained HTML page (inline CSS and SVG; no script, font or other
/// resource, and a Content-Security-Policy that forbids loading any) from the aggregates of a run.
///
/// Sections, in order: totals; the run (settings, speed, memory) when known; documents per publication day
/// with its gaps; per site; per language; text length; metadata coverage; top authors and organizations;
/// failures and drops by stage and reason with example inputs. A section with nothing to show says so.
public enum ReportPage {
    /// Rows shown in each ranked table.
    public static let topRows = 20
    /// Failure groups listed with their examples.
    public static let failureRows = 50

    /// Writes the page for `aggregates` into `channel` (which the caller commits). `title` heads the page,
    /// usually the output's name.
    public static func write(_ aggregates: ReportAggregates, title: String, to channel: OutputChannel) {
        channel.write(head(title: title))
        channel.write(totals(aggregates))
        if let run = aggregates.run { channel.write(runSection(run, documents: aggregates.documents)) }
        channel.write(timeline(aggregates))
        channel.write(ranked(id: "sites", heading: "Documents per site", counter: aggregates.sites, documents: aggregates.documents,
                             note: "Site from the document's site name, else its URL's host."))
        channel.write(ranked(id: "languages", heading: "Documents per language", counter: aggregates.languages,
                             documents: aggregates.documents, note: nil))
        channel.write(lengths(aggregates))
        channel.write(coverage(aggregates))
        channel.write(ranked(id: "authors", heading: "Top authors", counter: aggregates.authors, documents: aggregates.documents,
                             note: "Documents naming each author."))
        channel.write(ranked(id: "organizations", heading: "Top organizations", counter: aggregates.organizations,
                             documents: aggregates.documents, note: "Documents naming each organization (fields.organizations)."))
        channel.write(failures(aggregates.failures))
        channel.write("</main></body></html>\n")
    }

    private static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sieve report: \(HTMLText.escape(title))</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; color: #1d232b; background: #f6f7f9; margin: 0; }
        main { max-width: 820px; margin: 0 auto; padding: 20px 24px 48px; }
        h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 18px; margin: 28px 0 6px; }
        section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 6px 18px 14px; margin-top: 16px; }
        .totals { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 12px; }
        .total { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 8px 14px; min-width: 96px; }
        .total b { display: block; font-size: 22px; } .total.bad b { color: #b3261e; }
        .note, .empty { color: #5b6570; font-size: 13px; } .empty { font-style: italic; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        td, th { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eceff2; vertical-align: top; }
        td.n { text-align: right; white-space: nowrap; } code { font-size: 12px; word-break: break-all; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; }
        svg .mark { fill: #2f6fb3; } svg .gap { fill: #f3d6d3; } svg .axis { stroke: #9aa4ae; }
        svg text { font: 12px system-ui, sans-serif; fill: #1d232b; } svg .tick { fill: #5b6570; font-size: 11px; }
        svg .value { fill: #5b6570; }
        section.failures svg .mark { fill: #c0504d; }
        </style></head>
        <body><main>
        <h1>Sieve run report</h1>
        <div class="note">\(HTMLText.escape(title))</div>

        """
    }

    private static func totals(_ aggregates: ReportAggregates) -> String {
        var cards = [("documents", aggregates.documents, false), ("failed", aggregates.failures.failed, aggregates.failures.failed > 0),
                     ("dropped", aggregates.failures.dropped, false)]
        if let run = aggregates.run {
            cards.insert(("inputs read", run.inputs, false), at: 0)
            cards.append(("skipped", run.skipped.values.reduce(0, +), false))
        }
        cards.append(("days with news", aggregates.perDay.count, false))
        cards.append(("sites", aggregates.sites.distinct, false))
        var html = "<div class=\"totals\">"
        for (label, value, bad) in cards {
            html += "<div class=\"total\(bad ? " bad" : "")\"><b>\(HTMLText.grouped(value))</b>\(label)</div>"
        }
        html += "</div>\n"
        if aggregates.unreadable > 0 {
            html += "<p class=\"note\">\(HTMLText.grouped(aggregates.unreadable)) line(s) of the output were not documents and are not counted.</p>\n"
        }
        return html
    }

    private static func runSection(_ run: RunFacts, documents: Int) -> String {
        var rows = run.settings
        let seconds = max(run.seconds, 0.001)
        rows.append(("time", "\(fixed(run.seconds, 2)) s wall, \(fixed(run.cpuSeconds, 2)) s CPU"))
        rows.append(("speed", "\(fixed(Double(run.inputs) / seconds, 1)) inputs/s, "
                     + "\(fixed(Double(run.bytes) / 1_048_576 / seconds, 2)) MB/s (\(fixed(Double(run.bytes) / 1_048_576, 1)) MB read)"))
        if run.peakMemoryBytes > 0 { rows.append(("peak memory", "\(fixed(Double(run.peakMemoryBytes) / 1_048_576, 1)) MB resident")) }
        for (reason, count) in run.skipped.sorted(by: { $0.key < $1.key }) { rows.append(("skipped: \(reason)", HTMLText.grouped(count))) }
        if let stopped = run.stoppedEarly { rows.append(("stopped early", stopped)) }
        var html = "<section class=\"run\"><h2>The run</h2><table>"
        for (label, value) in rows { html += "<tr><th>\(HTMLText.escape(label))</th><td>\(HTMLText.escape(value))</td></tr>" }
        return html + "</table></section>\n"
    }

    private static func timeline(_ aggregates: ReportAggregates) -> String {
        let timeline = Timeline(perDay: aggregates.perDay)
        var html = "<section class=\"days\"><h2>Documents per publication \(timeline.step.rawValue)</h2>"
        guard !timeline.bars.isEmpty else {
            return html + "<p class=\"empty\">No document has a publication date.</p></section>\n"
        }
        html += SVGChart.columns(id: "days", title: "Documents per publication \(timeline.step.rawValue)",
                                 columns: timeline.bars.map { SVGChart.Column(label: $0.label, count: $0.count) }, shadeGaps: true)
        let first = timeline.bars[0].label, last = timeline.bars[timeline.bars.count - 1].label
        html += "<p class=\"note\">From \(first) to \(last); \(HTMLText.grouped(aggregates.undated)) document(s) without a date. "
        if timeline.earlier + timeline.later > 0 {
            html += "Left out as strays (the earliest and latest 1%): \(HTMLText.grouped(timeline.earlier)) document(s) dated before "
                + "\(first), \(HTMLText.grouped(timeline.later)) after \(last). "
        }
        let gaps = timeline.gaps
        if gaps.isEmpty {
            html += "No \(timeline.step.rawValue) without documents.</p>"
        } else {
            let longest = gaps.prefix(5).map { $0.from == $0.to ? $0.from : "\($0.from) to \($0.to) (\($0.bars) \(timeline.step.rawValue)s)" }
            html += "\(gaps.count) gap(s) (shaded), the longest: \(HTMLText.escape(longest.joined(separator: "; "))).</p>"
        }
        return html + "</section>\n"
    }

    private static func ranked(id: String, heading: String, counter: TopCounter, documents: Int, note: String?) -> String {
        var html = "<section class=\"\(id)\"><h2>\(heading)</h2>"
        let top = counter.top(topRows)
        guard !top.isEmpty else { return html + "<p class=\"empty\">None in the output.</p></section>\n" }
        let rows = top.map { SVGChart.Row(label: $0.key, value: Double($0.count),
                                          text: "\(HTMLText.grouped($0.count)) (\(HTMLText.percent($0.count, of: documents)))") }
        html += SVGChart.bars(id: id, title: heading, rows: rows)
        var notes = note.map { [$0] } ?? []
        if counter.distinct > top.count { notes.append("\(HTMLText.grouped(counter.distinct)) distinct, the top \(top.count) shown.") }
        if counter.pruned { notes.append("Too many to count each: rare ones were dropped from the table, so counts are lower bounds.") }
        if !notes.isEmpty { html += "<p class=\"note\">\(HTMLText.escape(notes.joined(separator: " ")))</p>" }
        return html + "</section>\n"
    }

    private static func lengths(_ aggregates: ReportAggregates) -> String {
        var html = "<section class=\"lengths\"><h2>Text length</h2>"
        guard aggregates.documents > 0 else { return html + "<p class=\"empty\">No documents.</p></section>\n" }
        let bounds = ReportAggregates.lengthBuckets
        let columns = aggregates.lengths.enumerated().map { index, count in
            let label = index == 0 ? "<\(bounds[0])" : index == bounds.count ? "≥\(bounds[index - 1])" : "\(bounds[index - 1])–\(bounds[index])"
            return SVGChart.Column(label: label, count: count)
        }
        html += SVGChart.columns(id: "lengths", title: "Documents by text length in characters", columns: columns)
        html += "<p class=\"note\">Characters of text per document; mean \(HTMLText.grouped(aggregates.totalLength / aggregates.documents)).</p>"
        return html + "</section>\n"
    }

    private static func coverage(_ aggregates: ReportAggregates) -> String {
        var html = "<section class=\"coverage\"><h2>Documents with metadata</h2>"
        guard aggregates.documents > 0 else { return html + "<p class=\"empty\">No documents.</p></section>\n" }
        let rows = [("title", aggregates.withTitle), ("publication date", aggregates.withDate), ("author", aggregates.withAuthor)].map {
            SVGChart.Row(label: $0.0, value: Double($0.1), text: "\(HTMLText.percent($0.1, of: aggregates.documents)) (\(HTMLText.grouped($0.1)))")
        }
        html += SVGChart.bars(id: "coverage", title: "Share of documents with a title, a date, an author", rows: rows,
                              maximum: Double(aggregates.documents))
        return html + "</section>\n"
    }

    private static func failures(_ tally: FailureTally) -> String {
        var html = "<section class=\"failures\"><h2>Failures and drops</h2>"
        let stages = tally.byStage
        guard !stages.isEmpty else { return html + "<p class=\"empty\">Nothing failed or was dropped.</p></section>\n" }
        let rows = stages.prefix(topRows).map { stage in
            SVGChart.Row(label: stage.stage, value: Double(stage.failed + stage.dropped),
                         text: "\(HTMLText.grouped(stage.failed)) failed, \(HTMLText.grouped(stage.dropped)) dropped")
        }
        html += SVGChart.bars(id: "failures", title: "Failures and drops by stage", rows: Array(rows))
        html += "<table><tr><th>kind</th><th>stage</th><th>reason</th><th>count</th><th>examples</th></tr>"
        let groups = tally.sortedGroups
        for group in groups.prefix(failureRows) {
            let examples = group.examples.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: "<br>")
            html += "<tr><td>\(group.kind.rawValue)</td><td>\(HTMLText.escape(group.stage))</td><td>\(HTMLText.escape(group.reason))</td>"
                + "<td class=\"n\">\(HTMLText.grouped(group.count))</td><td>\(examples)</td></tr>"
        }
        html += "</table>"
        if groups.count > failureRows { html += "<p class=\"note\">\(groups.count - failureRows) more reason(s) not listed.</p>" }
        return html + "</section>\n"
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        return "\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
