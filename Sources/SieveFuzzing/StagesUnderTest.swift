import Logging
import Sieve
import SieveCore

/// The built-in readers and the default pipeline's transforms, made once per process.
enum StagesUnderTest {
    static let registry = StageRegistry.standard
    static let transforms: [(String, any Transform)] = registry.defaultTransforms.compactMap { spec in
        (try? registry.makeTransform(spec)).map { (spec.name, $0) }
    }
    static let logger = Logger(label: "sieve-fuzz")

    /// Reads `bytes` with the reader `name` and runs every document through the default transforms.
    static func convert(_ bytes: [UInt8], reader name: String, path: String, declaredCharset: String? = nil) {
        guard let reader = try? registry.makeReader(StageSpec(name: name)) else { return }
        let input = Input(path: path, bytes: bytes, id: "fuzz", declaredCharset: declaredCharset, url: "https://fuzz.example/a/b.html")
        try? reader.read(input, context: StageContext(stageName: name, logger: logger)) { document in
            var document = document
            for (stage, transform) in transforms {
                guard let verdict = try? transform.apply(to: &document, context: StageContext(stageName: stage, logger: logger)),
                      verdict == .keep else { return }
            }
            _ = DocumentJSON.encode(document)
        }
    }
}
