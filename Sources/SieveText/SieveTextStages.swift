import SieveCore

/// The stages of this module, in the order they are meant to run.
public enum SieveTextStages {
    /// Every stage of this module: the text reader, then normalizers, then extractors.
    public static let all: [any Stage.Type] = [
        TextReader.self,
        NFCNormalizer.self, WhitespaceNormalizer.self, UnwrapNormalizer.self, ToneMarksNormalizer.self,
        BoilerplateLinesNormalizer.self,
        PublishedExtractor.self, DatesExtractor.self, SchoolYearsExtractor.self, PeopleExtractor.self,
        OrganizationsExtractor.self, PlacesExtractor.self,
    ]
}
