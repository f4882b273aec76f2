/// The stage list: name → stage type, with its role, summary and options. A value: build it, copy it,
/// extend it with `with(_:)`. Built-in stages register exactly the way a user's stages do.
///
/// ```swift
/// let registry = StageRegistry.standard.with(SectionTagger.self)
/// ```
public struct StageRegistry: Sendable {
    private var entries: [String: StageDescriptor] = [:]
    private var order: [String] = []

    /// An empty registry.
    public init() {}

    /// Every registered stage, in registration order.
    public var descriptors: [StageDescriptor] { order.compactMap { entries[$0] } }

    /// The registered stage with this name.
    public func descriptor(named name: String) -> StageDescriptor? { entries[name] }

    /// Registers a reader, a transform or a sink type; a later registration of the same name replaces the earlier.
    public mutating func register(_ type: any Stage.Type) {
        let descriptor = StageDescriptor(type)
        if entries.updateValue(descriptor, forKey: descriptor.name) == nil {
            order.append(descriptor.name)
        }
    }

    /// A copy of this registry with more stages.
    public func with(_ types: any Stage.Type...) -> StageRegistry {
        var copy = self
        for type in types { copy.register(type) }
        return copy
    }

    /// Every stage name of a role, in registration order.
    public func names(of role: StageRole) -> [String] {
        descriptors.filter { $0.role == role }.map(\.name)
    }

    /// Builds the reader a spec names.
    public func makeReader(_ spec: StageSpec) throws(ConfigurationError) -> any SourceReader {
        let type = try lookup(spec, role: .reader)
        guard let readerType = type as? any SourceReader.Type else { throw wrongRole(spec, expected: .reader) }
        return try Self.build(readerType, spec)
    }

    /// Builds the transform (normalizer, extractor or filter) a spec names.
    public func makeTransform(_ spec: StageSpec) throws(ConfigurationError) -> any Transform {
        let type = try lookup(spec, role: nil)
        guard let transformType = type as? any Transform.Type else {
            throw wrongRole(spec, expected: nil)
        }
        return try Self.build(transformType, spec)
    }

    /// Builds the sink a spec names.
    public func makeSink(_ spec: StageSpec) throws(ConfigurationError) -> any SinkWriter {
        let type = try lookup(spec, role: .sink)
        guard let sinkType = type as? any SinkWriter.Type else { throw wrongRole(spec, expected: .sink) }
        return try Self.build(sinkType, spec)
    }

    private func lookup(_ spec: StageSpec, role: StageRole?) throws(ConfigurationError) -> any Stage.Type {
        if let descriptor = entries[spec.name] { return descriptor.type }
        throw ConfigurationError(unknownStageMessage(spec, role: role))
    }

    /// What to tell a user whose spec names no registered stage where a `role` stage is wanted (nil: a transform),
    /// the one wording for `--stage`, `--from` and a pipeline file:
    /// `ORIGIN: unknown normalizer, extractor or filter 'nfd' (did you mean 'nfc'?); run 'sieve stages' to list them`.
    /// The hint picks from `candidates`, by default the registered names of that role.
    public func unknownStageMessage(_ spec: StageSpec, role: StageRole?, candidates: [String]? = nil) -> String {
        let names = candidates ?? role.map(names(of:)) ?? descriptors.filter(\.role.isTransform).map(\.name)
        return "\(spec.origin): unknown \(role?.rawValue ?? Self.transformRoles) '\(spec.name)'"
            + Suggestion.hint(for: spec.name, among: names) + "; run 'sieve stages' to list them"
    }

    /// The roles a transform may have, as messages name them.
    static let transformRoles = "normalizer, extractor or filter"

    /// Every problem with the options a spec writes for its stage, checked against the stage's declaration
    /// without building it; empty for an unknown stage (`descriptor(named:)` says that).
    public func problems(in spec: StageSpec) -> [OptionProblem] {
        entries[spec.name]?.problems(spec.options) ?? []
    }

    private func wrongRole(_ spec: StageSpec, expected: StageRole?) -> ConfigurationError {
        let actual = entries[spec.name]?.role.rawValue ?? "unknown"
        let wanted = expected?.rawValue ?? Self.transformRoles
        return ConfigurationError("\(spec.origin): stage '\(spec.name)' is a \(actual), not a \(wanted)")
    }

    private static func build<S: Stage>(_ type: S.Type, _ spec: StageSpec) throws(ConfigurationError) -> S {
        let (options, problems) = OptionsDecoder.decode(S.Options.self, from: spec.options, stage: spec.name)
        guard problems.isEmpty else { throw ConfigurationError(messages: problems.map { "\(spec.origin): \($0.message)" }) }
        do {
            return try S(options: options)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("\(spec.origin): stage '\(spec.name)': \(error)")
        }
    }
}

/// What the registry knows of one stage: enough for `sieve stages`, validation and construction.
public struct StageDescriptor: Sendable {
    /// The stage type.
    public let type: any Stage.Type
    /// The registered name.
    public let name: String
    /// The role the stage declares.
    public let role: StageRole
    /// One-line summary.
    public let summary: String
    /// The declared options, in declaration order, with their types, choices, defaults and help.
    public let options: [OptionInfo]
    /// Checks written options against the declaration.
    let problems: @Sendable ([String: FieldValue]) -> [OptionProblem]

    /// Describes a stage type.
    public init(_ type: any Stage.Type) {
        self.type = type
        self.name = type.name
        self.summary = type.summary
        self.role = type.role
        (self.options, self.problems) = Self.declaration(of: type)
    }

    private static func declaration<S: Stage>(of type: S.Type)
        -> ([OptionInfo], @Sendable ([String: FieldValue]) -> [OptionProblem]) {
        (OptionsDecoder.infos(of: S.Options.self), { OptionsDecoder.decode(S.Options.self, from: $0, stage: S.name).1 })
    }
}
