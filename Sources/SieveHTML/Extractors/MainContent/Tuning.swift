/// The thresholds of main-content extraction for each `bias`. `precision` drops doubtful blocks,
/// `recall` keeps them; `balanced` is the default.
struct Tuning: Sendable {
    /// Link share above which a container inside the article is dropped as navigation.
    var containerLinkDensity: Double
    /// Link share above which a short paragraph is dropped ("Read more: ...").
    var paragraphLinkDensity: Double
    /// A sibling of the best container joins the article when its score reaches this share of the best.
    var siblingShare: Double
    /// An element named like page chrome is dropped when it holds less than this share of the article text.
    var namedChromeShare: Double

    /// The thresholds for a bias.
    init(bias: MainContentExtractor.Bias) {
        switch bias {
        case .precision:
            self.init(containerLinkDensity: 0.4, paragraphLinkDensity: 0.5, siblingShare: 0.3, namedChromeShare: 0.45)
        case .balanced:
            self.init(containerLinkDensity: 0.5, paragraphLinkDensity: 0.65, siblingShare: 0.2, namedChromeShare: 0.3)
        case .recall:
            self.init(containerLinkDensity: 0.65, paragraphLinkDensity: 0.8, siblingShare: 0.12, namedChromeShare: 0.15)
        }
    }

    private init(containerLinkDensity: Double, paragraphLinkDensity: Double, siblingShare: Double, namedChromeShare: Double) {
        self.containerLinkDensity = containerLinkDensity
        self.paragraphLinkDensity = paragraphLinkDensity
        self.siblingShare = siblingShare
        self.namedChromeShare = namedChromeShare
    }
}
