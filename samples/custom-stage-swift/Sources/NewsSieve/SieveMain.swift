import SectionStages
import Sieve

/// This package's `sieve`: every built-in stage plus `section-tagger`.
@main
enum SieveMain {
    static func main() async {
        await SieveCommand.main(registry: .standard.with(SectionTagger.self))
    }
}
