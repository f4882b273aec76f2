/// Inline SVG charts, drawn as text: horizontal bars for ranked tables and shares, columns for the timeline
/// and the length histogram. Every bar is a `<rect class="mark">` with a `<title>` (the browser's tooltip),
/// and every chart an `<svg class="chart" data-chart="ID">`, so a test can count a chart's marks. Empty
/// columns are not drawn; runs of them may be shaded as gaps (`<rect class="gap">`).
enum SVGChart {
    /// One bar: its label, its length, and the text written after it.
    struct Row {
        var label: String
        var value: Double
        var text: String
    }

    /// One column: its label (shown on the axis when there is room) and its height.
    struct Column {
        var label: String
        var count: Int
    }

    /// Horizontal bars, one row each, scaled to `maximum` (default: the largest value).
    static func bars(id: String, title: String, rows: [Row], maximum: Double? = nil) -> String {
        let rowHeight = 22, labelWidth = 240, barWidth = 400, width = 800
        let height = max(1, rows.count) * rowHeight + 8
        let top = maximum ?? rows.map(\.value).max() ?? 1
        var svg = open(id: id, title: title, width: width, height: height)
        for (index, row) in rows.enumerated() {
            let y = 4 + index * rowHeight
            let length = top > 0 ? max(1, Double(barWidth) * row.value / top) : 1
            let label = HTMLText.escape(HTMLText.shortened(row.label, to: 30))
            svg += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(label)</text>"
            svg += "<rect class=\"mark\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(format(length))\" height=\"\(rowHeight - 6)\">"
            svg += "<title>\(HTMLText.escape(row.label)): \(HTMLText.escape(row.text))</title></rect>"
            svg += "<text class=\"value\" x=\"\(format(Double(labelWidth) + length + 6))\" y=\"\(y + 15)\">\(HTMLText.escape(row.text))</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical columns over a common baseline, with the largest count on the axis and a few labels below;
    /// `shadeGaps` shades runs of empty columns.
    static func columns(id: String, title: String, columns: [Column], shadeGaps: Bool = false) -> String {
        let width = 760, height = 220, left = 48, right = 12, plotTop = 10, plotBottom = 180
        let plotWidth = Double(width - left - right), plotHeight = Double(plotBottom - plotTop)
        let top = max(1, columns.map(\.count).max() ?? 1)
        let step = min(80, plotWidth / Double(max(1, columns.count)))
        var svg = open(id: id, title: title, width: width, height: height)
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(plotBottom)\" x2=\"\(width - right)\" y2=\"\(plotBottom)\"/>"
        svg += "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(plotTop + 10)\" text-anchor=\"end\">\(HTMLText.grouped(top))</text>"
        svg += "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(plotBottom)\" text-anchor=\"end\">0</text>"
        var gapStart: Int?
        for (index, column) in columns.enumerated() {
            let x = Double(left) + Double(index) * step
            if column.count == 0 {
                if gapStart == nil { gapStart = index }
            } else {
                if shadeGaps, let start = gapStart { svg += gap(from: start, to: index, left: left, step: step, top: plotTop, bottom: plotBottom) }
                gapStart = nil
                let barHeight = max(1, plotHeight * Double(column.count) / Double(top))
                svg += "<rect class=\"mark\" x=\"\(format(x + step * 0.1))\" y=\"\(format(Double(plotBottom) - barHeight))\" "
                    + "width=\"\(format(max(0.5, step * 0.8)))\" height=\"\(format(barHeight))\">"
                    + "<title>\(HTMLText.escape(column.label)): \(HTMLText.grouped(column.count))</title></rect>"
            }
        }
        let labelCount = columns.count <= 12 ? columns.count : 7
        for slot in 0..<labelCount {
            let index = labelCount == 1 ? 0 : slot * (columns.count - 1) / (labelCount - 1)
            let x = Double(left) + (Double(index) + 0.5) * step
            let anchor = columns.count <= 12 ? "middle" : slot == 0 ? "start" : slot == labelCount - 1 ? "end" : "middle"
            svg += "<text class=\"tick\" x=\"\(format(x))\" y=\"\(plotBottom + 16)\" text-anchor=\"\(anchor)\">"
                + "\(HTMLText.escape(columns[index].label))</text>"
        }
        return svg + "</svg>"
    }

    private static func gap(from start: Int, to end: Int, left: Int, step: Double, top: Int, bottom: Int) -> String {
        let x = Double(left) + Double(start) * step
        return "<rect class=\"gap\" x=\"\(format(x))\" y=\"\(top)\" width=\"\(format(Double(end - start) * step))\" height=\"\(bottom - top)\">"
            + "<title>no documents</title></rect>"
    }

    private static func open(id: String, title: String, width: Int, height: Int) -> String {
        "<svg class=\"chart\" data-chart=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(HTMLText.escape(title))</title>"
    }

    /// A coordinate with at most one decimal.
    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
