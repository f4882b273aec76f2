/// A set of word phrases (in `MatchKey` form) matched against tokens, indexed by first word so that a
/// look-up costs one dictionary probe for almost every token.
struct PhraseSet: Sendable {
    /// Phrases by their first word, each as its words, longest first.
    private let byFirstWord: [WordKey: [[WordKey]]]

    /// Builds the set from phrases written in `MatchKey` form.
    init(_ phrases: [String]) {
        var index: [WordKey: [[WordKey]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map { WordKey(String($0)) }
            guard let first = words.first else { continue }
            index[first, default: []].append(words)
        }
        byFirstWord = index.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// Length in tokens of the longest phrase starting at `index`.
    func match(_ tokens: [Token], at index: Int) -> Int? {
        guard index >= 0, index < tokens.count, let candidates = byFirstWord[tokens[index].key] else { return nil }
        for words in candidates where index + words.count <= tokens.count {
            var matched = true
            for offset in 1..<max(words.count, 1) where tokens[index + offset].key != words[offset] {
                matched = false
                break
            }
            if matched { return words.count }
        }
        return nil
    }

    /// Whether the tokens `start..<end` are exactly one of the phrases.
    func matches(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        match(tokens, at: start) == end - start && byFirstWord[tokens[start].key]?.contains { words in
            words.count == end - start && words.indices.allSatisfy { tokens[start + $0].key == words[$0] }
        } == true
    }
}
