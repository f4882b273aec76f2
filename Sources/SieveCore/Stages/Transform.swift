/// The outcome of a transform for one document.
public enum Verdict: Sendable, Equatable {
    /// Keep the document and pass it on.
    case keep
    /// Drop the document; the reason goes to the run summary.
    case drop(reason: String)
}

/// A stage that rewrites, enriches or judges a document in place. Normalizers, extractors and filters are its roles.
///
/// Contract: the same instance serves all workers at once, so keep no mutable state outside a lock;
/// throw a `StageError` to fail one document (the run goes on); never crash on any document.
public protocol Transform: Stage, Sendable {
    /// Whether the stage sets the document's blocks from something else (the HTML tree) without reading the
    /// blocks it is given, when there is that something else. A pipeline whose first transform does tells
    /// its readers so (`StageContext.blocksReplaced`), and they may leave the blocks to it. Default false.
    static var replacesBlocks: Bool { get }
    /// What the stage reads of the attributes of a page's elements in the HTML tree (the `html` reader's
    /// `HTMLTreeKey` attachment). When every transform of a pipeline says `.standard`, the reader leaves the
    /// other attributes out of the parse (`StageContext.treeAttributes`). Default `.all`.
    var treeAttributes: TreeAttributes { get }
    /// Rewrites or enriches the document, and says whether to keep it.
    func apply(to document: inout Document, context: StageContext) throws -> Verdict
}

extension Transform {
    /// Transforms read the blocks they are given unless they say otherwise.
    public static var replacesBlocks: Bool { false }
    /// Transforms may read any attribute of the tree unless they say otherwise.
    public var treeAttributes: TreeAttributes { .all }
}

/// Which attributes of a page's elements a transform reads from the HTML tree.
public enum TreeAttributes: Sendable, Equatable {
    /// Any of them (the default): a stage that queries the tree with XPath, or reads attributes of its choosing.
    case all
    /// None, or only those Sieve's own stages read, listed in `HTMLReader.attributesRead` (`class`, `id`, `href`,
    /// `content`, `datetime`, ...). A pipeline whose transforms all say so has the others left out of the parse:
    /// libxml2 2.9.14 reads an attribute one character at a time and makes a node of it, and the others are a
    /// quarter of a news page's attributes (most `data-*` and `aria-*`, `width`, `onclick`, ...).
    case standard

    /// What a pipeline of `transforms` reads: `.standard` when each of them does, else `.all`.
    public static func needed(by transforms: some Sequence<any Transform>) -> TreeAttributes {
        transforms.allSatisfy { $0.treeAttributes == .standard } ? .standard : .all
    }
}

/// A transform that rewrites text in place. Applying it twice gives the same result as once.
public protocol Normalizer: Transform {}

/// A transform that reads the document and adds metadata and `fields`.
public protocol Extractor: Transform {}

/// A transform that decides whether a document goes on (for example deduplication), leaving it unchanged.
public protocol Filter: Transform {}

extension Normalizer {
    /// `.normalizer`.
    public static var role: StageRole { .normalizer }
}

extension Extractor {
    /// `.extractor`.
    public static var role: StageRole { .extractor }
}

extension Filter {
    /// `.filter`.
    public static var role: StageRole { .filter }
}
