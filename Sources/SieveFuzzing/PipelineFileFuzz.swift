import Sieve

extension FuzzTarget {
    /// A YAML pipeline file (Yams, then Sieve's checks of keys, stages, options and run settings).
    public static let pipelineFile = FuzzTarget(name: "pipeline-file", summary: "YAML pipeline files") { bytes in
        _ = try? PipelineFile.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml", registry: StagesUnderTest.registry)
    }
}
