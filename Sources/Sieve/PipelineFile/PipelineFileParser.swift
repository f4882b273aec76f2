import Foundation
import SieveCore
import Yams

/// Walks a pipeline file's YAML tree into a `PipelineFile`, collecting every problem with its position
/// instead of stopping at the first. Paths under `inputs:`, `output:` and `errors:` are taken relative to
/// the file's folder.
struct PipelineFileParser {
    /// The file's name, as it prefixes messages.
    let file: String
    /// The stages the file may name.
    let registry: StageRegistry
    /// Whether every path under `inputs:` must exist (`sieve validate`).
    let checkInputs: Bool
    private var found: [(line: Int, column: Int, message: String)] = []

    /// Every problem found, as `file:line:column: message`, in the order of the file.
    var problems: [String] {
        found.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element.message)
    }

    private static let topKeys = ["version", "reader", "stages", "sink", "inputs", "output", "errors", "run"]
    private static let runKeys = ["jobs", "max_in_flight", "ordered", "max_bytes", "fail_fast", "max_errors", "timeout"]
    private static let stageKeys = ["name", "options"]

    init(file: String, registry: StageRegistry, checkInputs: Bool = false) {
        self.file = file
        self.registry = registry
        self.checkInputs = checkInputs
    }

    /// The parsed file, or nil when the YAML itself cannot be read (then `problems` says why).
    mutating func parse(_ text: String) -> PipelineFile? {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            found.append(yamlProblem(error))
            return nil
        }
        guard let root else {
            found.append((0, 0, "\(file): the pipeline file is empty; it needs at least 'stages:' or 'sink:'"))
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
                result.inputs = strings(value, key: key).map(relativeToFile)
                if checkInputs { checkExists(value) }
            case "output":
                result.output = string(value, key: key).map(relativeToFile)
            case "errors":
                result.errors = string(value, key: key).map(relativeToFile)
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

    /// One stage, written `name`, `name:key=value,...` or `{name: NAME, options: {...}}`; `role` nil means a
    /// transform. A sink's name goes through `SinkNames`, as `--to` does: `sink: text` is the text sink.
    private mutating func stage(_ node: Node, role: StageRole?) -> StageSpec? {
        let origin = YAMLValue.origin(node, file: file)
        var spec: StageSpec
        var optionNodes: [(key: Node, value: Node)] = []
        switch node {
        case .scalar(let scalar):
            if let message = Self.foldedList(scalar) {
                report(node, message)
                return nil
            }
            do { spec = try StageSpec(parsing: scalar.string, origin: origin) } catch {
                for message in error.messages { report(node, message, prefixed: true) }
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
        if role == .sink { spec.name = SinkNames.resolve(spec.name, in: registry) }
        guard checkName(spec, role: role) else { return nil }
        for (keyNode, value) in optionNodes {
            spec.options[keyNode.string ?? ""] = YAMLValue.fieldValue(value)
        }
        for problem in registry.problems(in: spec) {
            report(place(of: problem.place, stage: node, options: optionNodes), problem.message)
        }
        return spec
    }

    /// The node an option problem points at: the option's key, its value or one list item, else the stage.
    private func place(of place: OptionProblem.Place, stage: Node, options: [(key: Node, value: Node)]) -> Node {
        func entry(_ name: String) -> (key: Node, value: Node)? { options.first { $0.key.string == name } }
        switch place {
        case .stage: return stage
        case .name(let name): return entry(name)?.key ?? stage
        case .value(let name): return entry(name)?.value ?? stage
        case .item(let name, let index):
            guard let value = entry(name)?.value else { return stage }
            if case .sequence(let items) = value, index < items.count { return items[index] }
            return value
        }
    }

    private mutating func checkName(_ spec: StageSpec, role: StageRole?) -> Bool {
        let fits: (StageRole) -> Bool = { actual in role.map { actual == $0 } ?? actual.isTransform }
        guard let descriptor = registry.descriptor(named: spec.name) else {
            let shown = role == .sink ? SinkNames.shown(in: registry) : nil
            append(spec.origin, registry.unknownStageMessage(spec, role: role, candidates: shown))
            return false
        }
        guard fits(descriptor.role) else {
            let place = role.map { "as '\($0.rawValue):'" } ?? "in 'stages:'"
            append(spec.origin, "\(spec.origin): stage '\(spec.name)' is a \(descriptor.role.rawValue), so it cannot be used \(place)")
            return false
        }
        return true
    }

    /// What YAML did with a list item written on the line of the one before (`- nfc\n    - whitespace`):
    /// it folded them into one plain string, `nfc - whitespace`. Nil for an ordinary scalar.
    static func foldedList(_ scalar: Node.Scalar) -> String? {
        guard scalar.style == .plain, scalar.string.contains(" - ") else { return nil }
        return "this list item was read as the single string '\(scalar.string)': put each '- ' on its own line, "
            + "indented the same"
    }

    /// A value as messages quote it: a string in quotes, a number or boolean as written (`got 0`), else its type.
    private func describe(_ node: Node) -> String {
        guard let scalar = node.scalar else { return YAMLValue.typeName(node) }
        if case .string = YAMLValue.fieldValue(node) { return "'\(scalar.string)'" }
        return scalar.string
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
                    report(value, "run setting 'timeout' expects a positive number of seconds, got \(describe(value))")
                }
            default: unknownKey(keyNode, key, known: Self.runKeys, place: "'run'")
            }
        }
        return settings
    }

    private mutating func integer(_ node: Node, key: String, minimum: Int) -> Int? {
        guard node.scalar?.style == .plain, let value = node.int, value >= minimum else {
            report(node, "run setting '\(key)' expects a whole number of at least \(minimum), got \(describe(node))")
            return nil
        }
        return value
    }

    private mutating func boolean(_ node: Node, key: String) -> Bool? {
        guard node.scalar?.style == .plain, let value = node.bool else {
            report(node, "run setting '\(key)' expects true or false, got \(describe(node))")
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
        return sequence.compactMap { item in
            if case .scalar(let scalar) = item, let message = Self.foldedList(scalar) {
                report(item, message)
                return nil
            }
            return string(item, key: key)
        }
    }

    /// A path written in the file, taken relative to the file's folder (absolute paths and `-` as written).
    private func relativeToFile(_ path: String) -> String {
        guard !path.hasPrefix("/"), path != "-", let slash = file.lastIndex(of: "/") else { return path }
        return LexicalPath.joined(String(file[...slash]), path)
    }

    /// Reports each path under `inputs:` that does not exist.
    private mutating func checkExists(_ node: Node) {
        let items: [Node] = if case .sequence(let sequence) = node { Array(sequence) } else { [node] }
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty, scalar.string != "-",
                  Self.foldedList(scalar) == nil else { continue }
            let path = relativeToFile(scalar.string)
            if !FileManager.default.fileExists(atPath: path) {
                report(item, "input '\(scalar.string)' does not exist (looked for \(path); inputs are relative to the pipeline file)")
            }
        }
    }

    // MARK: - Reporting

    private mutating func report(_ node: Node, _ message: String, prefixed: Bool = false) {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        found.append((line, column, prefixed ? message : "\(YAMLValue.origin(node, file: file)): \(message)"))
    }

    private mutating func append(_ origin: String, _ message: String) {
        let parts = origin.split(separator: ":").suffix(2).compactMap { Int($0) }
        found.append((parts.first ?? 0, parts.last ?? 0, message))
    }

    private mutating func unknownKey(_ node: Node, _ key: String, known: [String], place: String) {
        var message = "unknown key '\(key)' in \(place)"
        message += Suggestion.hint(for: key, among: known)
        report(node, message + "; known keys: \(known.joined(separator: ", "))")
    }

    private func yamlProblem(_ error: any Error) -> (line: Int, column: Int, message: String) {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark.line, mark.column, "\(file):\(mark.line):\(mark.column): invalid YAML: \(problem)")
        default:
            return (0, 0, "\(file): invalid YAML: \(error)")
        }
    }
}
