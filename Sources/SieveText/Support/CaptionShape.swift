import SieveCore

/// Decides whether a line left in the article is a photo caption, a gallery lead-in or body text.
enum CaptionShape {
    /// The verdict for a body line; `isLast` says whether real text follows it.
    static func classify(_ line: Line, isLast: Bool) -> Line.Verdict {
        let text = Substring(line.block.text)
        guard line.block.kind == .paragraph || line.block.kind == .caption else { return .body }
        if line.block.kind == .caption { return .caption }
        if text.hasSuffix("|") {
            return UTF8Text.endsSentence(Substring(line.captionText)) ? .caption : .drop
        }
        if text.hasSuffix(":") {
            let announcesPictures = line.key.contains("hình ảnh") || line.key.contains("ảnh:") || line.key.contains("clip")
            return line.words <= 25 && (announcesPictures || isLast) ? .drop : .body
        }
        guard !LineShape.startsWithDateline(text), line.sentenceCount <= 1 else { return .body }
        if !line.endsSentence, let last = UTF8Text.lastVisibleScalar(text), !",;".unicodeScalars.contains(last) {
            return line.words <= 60 ? .caption : .body
        }
        if line.endsSentence, line.words <= 25, hasCaptionPhrase(line.key), !hasNarration(line.key) {
            return .caption
        }
        return .body
    }

    /// Whether a short unpunctuated line reads as an intertitle (a subheading inside the article) rather than
    /// a caption: at most ten words, no comma, no caption phrase or scene word (`ảnh`, `trao`, `tặng`,
    /// `đại biểu` ...), no person's name. The caller also requires body text on both sides.
    static func looksLikeIntertitle(_ line: Line) -> Bool {
        guard line.words <= 10, !line.endsSentence, !line.block.text.contains(","), !line.block.text.hasSuffix("|"),
              UTF8Text.startsLikeSentence(Substring(line.block.text)), !hasCaptionPhrase(line.key) else { return false }
        let padded = " " + line.key + " "
        if sceneWords.contains(where: { padded.contains($0) }) { return false }
        let scanner = EntityScanner(line.block.text)
        return !scanner.tokens.indices.contains { index in
            VietLexicon.surnames.contains(scanner.tokens[index].key) && scanner.tokens[index].isCapitalized
                && scanner.nameRunEnd(from: index) - index >= 3
        }
    }

    private static let sceneWords = BoilerplateMarkers.sceneWords.map { " " + MatchKey.of($0) + " " }
    private static let phrases = BoilerplateMarkers.captionPhrases.map { MatchKey.of($0) }
    private static let narration = BoilerplateMarkers.narrationWords.map { " " + MatchKey.of($0) + " " }

    private static func hasCaptionPhrase(_ key: String) -> Bool {
        phrases.contains { key.contains($0) }
    }

    private static func hasNarration(_ key: String) -> Bool {
        let padded = " " + key + " "
        return narration.contains { padded.contains($0) }
    }
}

/// Recognizes a byline: a short line naming a person (`Thái Bình`, `Minh Anh (TTXVN)`) or a unit or
/// source (`Phòng Văn hóa - Xã hội phường`, `Theo VnExpress`).
enum BylineShape {
    /// The author named by the line, or nil when it is not a byline.
    static func author(in line: Line) -> String? {
        guard line.block.kind == .paragraph, line.words <= 10, line.length <= 70, !line.endsSentence || line.block.text.hasSuffix(")"),
              UTF8Text.startsLikeSentence(Substring(line.block.text)), !line.block.text.contains(":") || startsWithHead(line.key)
        else { return nil }
        let text = line.block.text
        if startsWithHead(line.key) {
            for prefix in ["theo ", "nguồn:", "nguồn ", "bài và ảnh:", "bài, ảnh:", "ảnh:"] where line.key.hasPrefix(prefix) {
                let cut = text.index(text.startIndex, offsetBy: prefix.count)
                let rest = text[cut...].trimmingSpaces()
                return rest.isEmpty ? nil : rest
            }
            return text
        }
        return isNameShaped(text) ? text : nil
    }

    private static let heads = BoilerplateMarkers.bylineHeads.map { MatchKey.of($0) }

    private static func startsWithHead(_ key: String) -> Bool {
        heads.contains { key == $0 || key.hasPrefix($0 + " ") || key.hasPrefix($0 + ":") || key.hasPrefix($0 + ",") }
    }

    /// Two to five capitalized words, optionally followed by a bracketed agency (`(TTXVN)`).
    private static func isNameShaped(_ text: String) -> Bool {
        var name = Substring(text)
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = name[..<open] }
        let words = name.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return false }
            return first.properties.isUppercase && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "." }
        }
    }
}
