import SieveCore

/// The byline Vietnamese news pages write at the end of the article, alone on its line: a name
/// ("Minh Anh", "Thái Bình (TTXVN)") or initials ("Q.C", "T.H.", "N.Minh"). These pages' metadata often
/// names the publisher or network instead ("VCCorp.vn", "VietNamNet News", a channel), so the closing
/// byline replaces an author that reads like a publisher (see `isPublisher`), and fills an empty list.
///
/// Example: blocks `[..., "Bài viết kết thúc ở đây.", "Q.C"]` with meta author "VCCorp.vn" → authors `["Q.C"]`.
enum VietnameseByline {
    /// The byline among the last two body blocks, if one is shaped like a name or initials.
    static func find(in blocks: [Block]) -> String? {
        let tail = blocks.filter { $0.kind == .paragraph }.suffix(2).reversed()
        guard blocks.count >= 2 else { return nil }
        for block in tail {
            if let name = byline(block.text) { return name }
        }
        return nil
    }

    /// The name of a line that is only a byline, without a trailing agency in brackets.
    static func byline(_ line: String) -> String? {
        var text = line.trimmed
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = String(text[..<open]).trimmed }
        guard !text.isEmpty, text.utf8.count <= 40, !text.contains(where: { $0.isNumber }) else { return nil }
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count) else { return nil }
        if words.count == 1, isInitials(words[0]) { return text }
        // Every word capitalized and made of letters ("Nguyễn Văn An"), or initials before a name ("N. Minh").
        let named = words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "." } && (word.count > 1 || words.count > 1)
        }
        return named && words.count >= 2 ? text : nil
    }

    /// "Q.C", "T.H.", "N.Minh", "QC": capitals joined by dots, or two or three capitals.
    private static func isInitials(_ word: Substring) -> Bool {
        let letters = word.filter { $0 != "." }
        guard let first = letters.first, first.isUppercase, word.count <= 12 else { return false }
        if word.contains(".") { return letters.allSatisfy(\.isLetter) }
        return (2...3).contains(letters.count) && letters.allSatisfy(\.isUppercase)
    }

    /// Whether an author value names a publisher or network rather than a person: a domain ("VCCorp.vn"),
    /// the site's name, or a media word ("VietNamNet News", "Báo Tuổi Trẻ", "VTV Channel").
    static func isPublisher(_ author: String, site: String?) -> Bool {
        let lowered = author.lowercased()
        if let site, lowered == site.lowercased() { return true }
        if [".vn", ".com", ".net", ".org"].contains(where: { lowered.contains($0) }) { return true }
        let words = Set(lowered.split(separator: " ").map(String.init))
        return !words.isDisjoint(with: ["news", "network", "online", "channel", "tv", "media", "corp", "báo", "đài",
                                         "tạp", "cổng", "jsc", "group", "press"])
    }
}
