import SieveCore

/// The built-in sinks, in the order `sieve stages` lists them.
public enum SieveSinksStages {
    /// Every sink of this module.
    public static let all: [any Stage.Type] = [
        JSONSink.self, JSONLinesSink.self, CSVSink.self, XMLSink.self, MarkdownSink.self, TextSink.self, HTMLSink.self,
        SQLiteSink.self,
    ]
}
