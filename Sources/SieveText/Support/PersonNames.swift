import SieveCore

/// The people an earlier `people` stage found, so that organization and place names can leave them out
/// (`Bí thư Đảng ủy xã Nguyễn Đức Toàn nhấn mạnh`: the person is not part of `xã ...`).
struct PersonNames {
    private let keys: [String]

    init(_ document: Document) {
        keys = (document.fields["people"]?.listValue ?? []).compactMap { $0.objectValue?["name"]?.stringValue }.map { MatchKey.of($0) }
    }

    /// The text without a trailing person's name, or nil when nothing is left but the name's unit word.
    func strip(_ text: String) -> String {
        let key = MatchKey.of(text)
        for name in keys where key.hasSuffix(" " + name) {
            let words = text.split(separator: " ")
            let nameWords = name.split(separator: " ").count
            return words.dropLast(nameWords).joined(separator: " ")
        }
        return text
    }

    /// Whether `name` is the name of a person found.
    func contains(_ name: String) -> Bool {
        keys.contains(MatchKey.of(name))
    }
}
