import SieveCore

/// The stages of this module.
public enum SieveHTMLStages {
    /// Every stage of this module: the reader, then the extractors in their recommended order.
    public static let all: [any Stage.Type] = [HTMLReader.self, MainContentExtractor.self, MetadataExtractor.self, TitleExtractor.self]
}
