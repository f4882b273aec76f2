import CLibXML2
import Glibc

/// Data tables as text: one line per row, cells separated by tabs. Layout tables (a nested table, or cells
/// holding paragraphs, headings or lists) are not data tables and are read as ordinary containers.
enum TableText {
    /// Whether a table holds data rather than page layout.
    static func isDataTable(_ table: xmlNodePtr) -> Bool {
        var layout = false
        table.walk { node in
            guard node.isElement else { return .skipChildren }
            if node == table { return .continue }
            switch node.tag {
            case .table, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .blockquote, .pre, .article, .section:
                layout = true
                return .stop
            default:
                return node.tag.isNeverContent ? .skipChildren : .continue
            }
        }
        return !layout
    }

    /// The table's text; empty rows and a table with no text give "".
    static func text(of table: xmlNodePtr, skip: (xmlNodePtr) -> Bool) -> String {
        var lines: [String] = []
        var cells: [String] = []
        var cell = TextBuffer()
        var inCell = false
        var caption = ""
        table.walk(enter: { node in
            if node.isText {
                if inCell, let content = node.pointee.content { cell.append(content) }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            if Visibility.isSkipped(node, tag) || (node != table && skip(node)) { return .skipChildren }
            switch tag {
            case .caption:
                caption = node.collapsedText
                return .skipChildren
            case .td, .th:
                inCell = true
                cell.reset()
            case .br, .img:
                cell.space()
            default:
                if tag.isBlock { cell.space() }
            }
            return .continue
        }, leave: { node in
            guard node.isElement else { return }
            switch node.tag {
            case .td, .th:
                cells.append(cell.string.replacingTabs())
                inCell = false
            case .tr:
                if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
                cells.removeAll()
            default:
                break
            }
        })
        if !cells.isEmpty, cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
        if !caption.isEmpty, !lines.isEmpty { lines.insert(caption, at: 0) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string with tabs and line breaks turned into spaces, so it fits in one table cell.
    fileprivate func replacingTabs() -> String {
        guard utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) else { return self }
        return String(decoding: utf8.map { $0 == 0x09 || $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
