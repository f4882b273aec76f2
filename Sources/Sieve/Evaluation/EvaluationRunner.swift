import Glibc
import Logging
import SieveCore
import SieveHTML

/// Runs the HTML reader and a list of transforms over every page of an evaluation set, one page at a time
/// on one thread, and times each page with the thread's CPU clock.
///
/// For each page it measures two things, each the fastest of `repeats` runs: parse-only (libxml2 parsing the
/// page's bytes into a tree and freeing it) and the full extraction (charset detection, parse, blocks, every
/// transform, and freeing the tree). Output: one JSON line per page with the timings and the document.
/// With `profile`, the first full extraction of each page is also timed stage by stage (`StageProfile`).
struct EvaluationRunner {
    /// One page's result.
    struct PageResult {
        /// The page id: its file name without extensions.
        var id: String
        /// The page path.
        var path: String
        /// Input size in bytes (decompressed).
        var bytes: Int
        /// Fastest full extraction, CPU milliseconds.
        var fullMilliseconds: Double
        /// Fastest parse-only run, CPU milliseconds.
        var parseMilliseconds: Double
        /// The extracted document, or nil when the page failed.
        var document: Document?
        /// Why the page failed or was dropped.
        var failure: String?
        /// CPU time by stage of the first full extraction, when profiled.
        var profile: StageProfile?
    }

    /// The reader.
    let reader: any SourceReader
    /// The transforms, in order, with their names.
    let transforms: [(name: String, stage: any Transform)]
    /// How many times each measurement is repeated (the fastest counts).
    let repeats: Int
    /// Whether to time each stage.
    var profile = false

    /// The page files of a set: every file of `DIR/html/` if that folder exists, else the `.html`/`.htm` files
    /// (gzipped or not) of `DIR`, sorted by name.
    static func pages(in directory: String) -> [String] {
        let htmlFolder = directory + "/html"
        var info = stat()
        let root = stat(htmlFolder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? htmlFolder : directory
        var paths: [String] = []
        var walker = InputWalker(paths: [root])
        while let ref = walker.next() {
            guard ref.kind == .file else { continue }
            let path = ref.path
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if root == htmlFolder || name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".html.gz") || name.hasSuffix(".htm.gz") {
                paths.append(path)
            }
        }
        return paths
    }

    /// The page id of a path: the file name up to its first dot.
    static func pageID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }

    /// Loads, extracts and times one page.
    func run(path: String, loader: InputLoader) -> PageResult {
        let id = Self.pageID(path)
        var result = PageResult(id: id, path: path, bytes: 0, fullMilliseconds: 0, parseMilliseconds: 0)
        let bytes: [UInt8]
        do {
            bytes = try loader.load(.file(path))
        } catch {
            result.failure = error.description
            return result
        }
        result.bytes = bytes.count
        var bestParse = Double.infinity, bestFull = Double.infinity
        for round in 0..<max(1, repeats) {
            let (_, parse) = ThreadCPUClock.measure { (try? HTMLTree(utf8: bytes)) != nil }
            bestParse = min(bestParse, parse)
            var profile = round == 0 && self.profile ? StageProfile() : nil
            let ((document, failure), full) = ThreadCPUClock.measure { extract(bytes, path: path, id: id, profile: &profile) }
            if let profile { result.profile = profile }
            bestFull = min(bestFull, full)
            result.document = document
            result.failure = failure
        }
        result.parseMilliseconds = bestParse
        result.fullMilliseconds = bestFull
        return result
    }

    /// The reader and transforms on one page; the tree is freed before returning, inside the timing (in the
    /// reader's row of a `profile`, as the reader made it).
    private func extract(_ bytes: [UInt8], path: String, id: String, profile: inout StageProfile?) -> (Document?, String?) {
        var documents: [Document] = []
        let input = Input(path: path, bytes: bytes, id: id)
        let timer = profile == nil ? nil : StageTimer()
        var started = ThreadCPUClock.now()
        var reading: UInt64 = 0
        /// The time since the last lap, added to `name`'s row (the reader's is added at the end, less its parts).
        func lap(_ name: String?, _ place: StageProfile.Place = .transform) {
            guard profile != nil else { return }
            let now = ThreadCPUClock.now()
            if let name { profile!.add(name, place, now - started) } else { reading += now - started }
            started = now
        }
        defer {
            if let timer { profile?.addReader("html", spent: reading, inner: 0, parts: timer.take()) }
            profile?.inputs = 1
        }
        do {
            var context = StageContext(stageName: "html", logger: Self.logger, timer: timer)
            context.blocksReplaced = transforms.first.map { type(of: $0.stage).replacesBlocks } ?? false
            context.treeAttributes = TreeAttributes.needed(by: transforms.map(\.stage))
            try reader.read(input, context: context) { documents.append($0) }
            lap(nil)
            guard var document = documents.first else { return (nil, "the reader produced no document") }
            documents.removeAll()
            for (name, stage) in transforms {
                let verdict = try stage.apply(to: &document, context: StageContext(stageName: name, logger: Self.logger))
                lap(name)
                if case .drop(let reason) = verdict { return (nil, "dropped by \(name): \(reason)") }
            }
            document.attachments.removeAll()
            lap(nil)
            return (document, nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    private static let logger = Logger(label: "sieve.eval")
}
