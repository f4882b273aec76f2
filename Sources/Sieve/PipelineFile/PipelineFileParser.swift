import SieveCore
import Yams

/// Walks a pipeline file's YAML tree into a `PipelineFile`, collecting every problem with its position
/// instead of stopping at the first.
struct PipelineFileParser {
    /// The file's name, as it prefixes messages.
    let file: String
    /// The stages the file may name.
    let registry: StageRegistry
    /// Every problem found, as `file:line:column: message`.
    private(set) var problems: [String] = []

    private static let topKeys = ["version", "reader", "stages", "sink", "inputs", "output", "errors", "run"]
    private static let runKeys = ["jobs", "max_in_flight", "ordered", "max_bytes", "fail_fast", "max_errors", "timeout"]
    private static let stageKeys = ["name", "options"]

    init(file: String, registry: StageRegistry) {
        self.file = file
        self.registry = registry
    }

    /// The parsed file, or nil when the YAML itself cannot be read (then `problems` says why).
    mutating func parse(_ text: String) -> PipelineFile? {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            problems.append(yamlProblem(error))
            return nil
        }
        guard let root else {
            problems.append("\(file): the pipeline file is empty; it needs at least 'stages:' or 'sink:'")
            return nil
        }
        guard case .mapping(let mapping) = root else {
            report(root, "a pipeline file is a mapping of keys such as stages: and sink:, not \(YAMLValue.typeName(root))")
            return nil
        }
        var result = PipelineFile(path: file)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "version":
                if value.int != 1 { report(value, "unsupported pipeline file version '\(value.string ?? "?")'; this Sieve reads version 1") }
            case "reader":
                if value.string != "auto" { result.reader = stage(value, role: .reader) }
            case "stages":
                result.transforms = stages(value)
            case "sink":
                result.sink = stage(value, role: .sink)
            case "inputs":
                result.inputs = strings(value, key: key)
            case "output":
                result.output = string(value, key: key)
            case "errors":
                result.errors = string(value, key: key)
            case "run":
                result.run = runSettings(value)
            default:
                unknownKey(keyNode, key, known: Self.topKeys, place: "a pipeline file")
            }
        }
        return result
    }

    // MARK: - Stages

    private mutating func stages(_ node: Node) -> [StageSpec] {
        guard case .sequence(let sequence) = node else {
            report(node, "'stages' must be a list of stages (- name), not \(YAMLValue.typeName(node))")
            return []
        }
        return sequence.compactMap { stage($0, role: nil) }
    }

    /// One stage, written `name`, `name:key=value,...` or `{name: NAME, options: {...}}`; `role` nil means a transform.
    private mutating func stage(_ node: Node, role: StageRole?) -> StageSpec? {
        let origin = YAMLValue.origin(node, file: file)
        var spec: StageSpec
        var optionNodes: [(key: Node, value: Node)] = []
        switch node {
        case .scalar(let scalar):
            do { spec = try StageSpec(parsing: scalar.string, origin: origin) } catch {
                problems += error.messages
                return nil
            }
        case .mapping(let mapping):
            guard let nameNode = mapping["name"], let name = nameNode.string, !name.isEmpty else {
                report(node, "a stage written as a mapping needs 'name:' (and optionally 'options:')")
                return nil
            }
            spec = StageSpec(name: name, origin: origin)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                if key == "options" {
                    guard case .mapping(let options) = value else {
                        report(value, "'options' of stage '\(name)' must be a mapping of option: value")
                        continue
                    }
                    optionNodes = Array(options)
                } else if key != "name" {
                    unknownKey(keyNode, key, known: Self.stageKeys, place: "a stage")
                }
            }
        default:
            report(node, "a stage is a name or a mapping with name: and options:, not \(YAMLValue.typeName(node))")
            return nil
        }
        guard let descriptor = checkName(spec, role: role) else { return nil }
        for (keyNode, value) in optionNodes {
            let key = keyNode.string ?? ""
            if checkOption(key, value: YAMLValue.fieldValue(value), of: descriptor, keyNode: keyNode, valueNode: value) {
                spec.options[key] = YAMLValue.fieldValue(value)
            }
        }
        for (key, value) in spec.options where !optionNodes.contains(where: { $0.key.string == key }) {
            _ = checkOption(key, value: value, of: descriptor, keyNode: node, valueNode: node)
        }
        return spec
    }

    private mutating func checkName(_ spec: StageSpec, role: StageRole?) -> StageDescriptor? {
        let allowed: [StageRole] = role.map { [$0] } ?? [.normalizer, .extractor]
        let wanted = role?.rawValue ?? "normalizer or extractor"
        guard let descriptor = registry.descriptor(named: spec.name) else {
            let candidates = allowed.flatMap(registry.names(of:))
            var message = "\(spec.origin): unknown \(wanted) '\(spec.name)'"
            message += Suggestion.hint(for: spec.name, among: candidates)
            problems.append(message + "; run 'sieve stages' to list them")
            return nil
        }
        guard allowed.contains(descriptor.role) else {
            let place = role == nil ? "in 'stages:'" : "as '\(wanted):'"
            problems.append("\(spec.origin): stage '\(spec.name)' is a \(descriptor.role.rawValue), so it cannot be used \(place)")
            return nil
        }
        return descriptor
    }

    /// Checks one option's name and type against the stage's defaults; true when it is usable.
    private mutating func checkOption(_ key: String, value: FieldValue, of descriptor: StageDescriptor, keyNode: Node,
                                      valueNode: Node) -> Bool {
        guard let model = descriptor.defaults[key] else {
            let known = descriptor.defaults.keys.sorted()
            var message = "stage '\(descriptor.name)' has no option '\(key)'"
            message += Suggestion.hint(for: key, among: known)
            report(keyNode, message + (known.isEmpty ? "; it takes no options" : "; its options: \(known.joined(separator: ", "))"))
            return false
        }
        guard Self.fits(value, model) else {
            report(valueNode, "option '\(key)' of stage '\(descriptor.name)' expects a \(model.typeName), got \(describe(value))")
            return false
        }
        return true
    }

    /// Whether a written value can become the type of the option's default (the registry converts it).
    private static func fits(_ value: FieldValue, _ model: FieldValue) -> Bool {
        switch (model, value) {
        case (.null, _), (.string, .string), (.string, .number), (.string, .bool): true
        case (.number, .number): true
        case (.number, .string(let text)): Double(text) != nil
        case (.bool, .bool): true
        case (.bool, .string(let text)): ["true", "false", "yes", "no", "on", "off", "1", "0"].contains(text.lowercased())
        case (.list, .object): false
        case (.list, _): true
        case (.object, .object): true
        default: false
        }
    }

    private func describe(_ value: FieldValue) -> String {
        if case .string(let text) = value { return "'\(text)'" }
        return value.typeName
    }

    // MARK: - Run settings and plain values

    private mutating func runSettings(_ node: Node) -> PipelineFile.RunSettings {
        var settings = PipelineFile.RunSettings()
        guard case .mapping(let mapping) = node else {
            report(node, "'run' must be a mapping such as {jobs: 2, ordered: true}, not \(YAMLValue.typeName(node))")
            return settings
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "jobs": settings.jobs = integer(value, key: key, minimum: 1)
            case "max_in_flight": settings.maxInFlight = integer(value, key: key, minimum: 1)
            case "max_bytes": settings.maxBytes = integer(value, key: key, minimum: 1)
            case "max_errors": settings.maxErrors = integer(value, key: key, minimum: 0)
            case "ordered": settings.ordered = boolean(value, key: key)
            case "fail_fast": settings.failFast = boolean(value, key: key)
            case "timeout":
                if let seconds = value.float, seconds > 0, value.scalar?.style == .plain { settings.timeout = seconds } else {
                    report(value, "run setting 'timeout' expects a positive number of seconds, got \(describe(YAMLValue.fieldValue(value)))")
                }
            default: unknownKey(keyNode, key, known: Self.runKeys, place: "'run'")
            }
        }
        return settings
    }

    private mutating func integer(_ node: Node, key: String, minimum: Int) -> Int? {
        guard node.scalar?.style == .plain, let value = node.int, value >= minimum else {
            report(node, "run setting '\(key)' expects a whole number of at least \(minimum), got \(describe(YAMLValue.fieldValue(node)))")
            return nil
        }
        return value
    }

    private mutating func boolean(_ node: Node, key: String) -> Bool? {
        guard node.scalar?.style == .plain, let value = node.bool else {
            report(node, "run setting '\(key)' expects true or false, got \(describe(YAMLValue.fieldValue(node)))")
            return nil
        }
        return value
    }

    private mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report(node, "'\(key)' must be a path, not \(YAMLValue.typeName(node))")
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, key: String) -> [String] {
        if case .scalar = node { return string(node, key: key).map { [$0] } ?? [] }
        guard case .sequence(let sequence) = node else {
            report(node, "'\(key)' must be a list of paths, not \(YAMLValue.typeName(node))")
            return []
        }
        return sequence.compactMap { string($0, key: key) }
    }

    // MARK: - Reporting

    private mutating func report(_ node: Node, _ message: String) {
        problems.append("\(YAMLValue.origin(node, file: file)): \(message)")
    }

    private mutating func unknownKey(_ node: Node, _ key: String, known: [String], place: String) {
        var message = "unknown key '\(key)' in \(place)"
        message += Suggestion.hint(for: key, among: known)
        report(node, message + "; known keys: \(known.joined(separator: ", "))")
    }

    private func yamlProblem(_ error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(file):\(mark.line):\(mark.column): invalid YAML: \(problem)"
        default:
            return "\(file): invalid YAML: \(error)"
        }
    }
}
