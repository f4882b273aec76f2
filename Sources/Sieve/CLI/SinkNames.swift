import SieveCore

/// The names users write for sinks, beside the names the sinks register under; `--to` and a pipeline file's
/// `sink:` both resolve through this one table.
///
/// The readers hold `text` and `html`, so the text and HTML sinks register as `txt` and `clean-html`; in the
/// place of a sink, `text` and `html` still mean them (`--to html`, `sink: text`), and `md` means `markdown`
/// as the `.md` extension does. A name is read as an alias only when no sink has it, so a sink of your own
/// registered as `md` keeps its name.
///
/// Example: `resolve("html", in: .standard)` → `clean-html`; `resolve("csv", in: .standard)` → `csv`.
enum SinkNames {
    /// Names a reader also holds → the sink each means where a sink is expected; shown in place of the sink's own name.
    static let sharedWithReaders = ["text": "txt", "html": "clean-html"]
    /// Short names → sink, accepted but not shown: `md` as in `page.md`.
    static let shortNames = ["md": "markdown"]

    /// The registered sink that `name`, written where a sink is expected, stands for: `name` itself when a
    /// sink has it or it is no alias (the caller then reports it as unknown).
    static func resolve(_ name: String, in registry: StageRegistry) -> String {
        guard registry.descriptor(named: name)?.role != .sink,
              let target = sharedWithReaders[name] ?? shortNames[name],
              registry.descriptor(named: target)?.role == .sink else { return name }
        return target
    }

    /// The other names of the registered sink `sink`, sorted: `["text"]` for `txt`; none for a name that is
    /// itself a sink's.
    static func aliases(of sink: String, in registry: StageRegistry) -> [String] {
        sharedWithReaders.merging(shortNames) { first, _ in first }
            .filter { $0.value == sink && resolve($0.key, in: registry) == sink }.map(\.key).sorted()
    }

    /// Every sink of `registry` as users write it, in registry order: `text` for `txt`, `html` for `clean-html`.
    static func shown(in registry: StageRegistry) -> [String] {
        let shownName = Dictionary(uniqueKeysWithValues: sharedWithReaders.map { ($1, $0) })
        return registry.names(of: .sink).map { shownName[$0] ?? $0 }
    }
}
