import ArgumentParser
import SieveCore

/// `sieve stages`: the stage list with roles, summaries and options.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List every registered stage with its role, summary and options.",
        discussion: """
        Each option is shown with its type (or its choices) and default, its help below. Options are \
        given as NAME:key=value,key=value on --stage, --from and --to, and as a mapping under 'options:' \
        in a pipeline file. A list option takes values separated by |. The default pipeline is marked with *.

        EXAMPLES:
          sieve stages
          sieve stages --json | python3 -m json.tool
        """
    )

    @Flag(help: "Machine-readable output (format sieve-stages/2): names, roles, summaries, options with types, choices, defaults and help.")
    var json = false

    func run() {
        let registry = SieveCommand.registry
        let defaults = Set(registry.defaultTransforms.map(\.name))
        print(json ? StageListing.json(registry, defaults: defaults) : StageListing.text(registry, defaults: defaults, width: TextWrap.width),
              terminator: "")
    }
}

/// Renders the stage list for people and for programs, from each stage's declared role and options.
enum StageListing {
    /// A stage's name, and for a sink the other names `--to` and `sink:` take for it: `txt (text)`.
    private static func displayName(_ stage: StageDescriptor, in registry: StageRegistry) -> String {
        let aliases = stage.role == .sink ? SinkNames.aliases(of: stage.name, in: registry) : []
        return aliases.isEmpty ? stage.name : "\(stage.name) (\(aliases.joined(separator: ", ")))"
    }

    /// A table grouped by role; each option on its own line with its type (or choices) and default, its help below.
    /// Summaries, option lines and help wrap to `width` columns under where their text begins.
    static func text(_ registry: StageRegistry, defaults: Set<String>, width: Int) -> String {
        var lines: [String] = []
        for role in StageRole.allCases {
            let stages = registry.descriptors.filter { $0.role == role }
            guard !stages.isEmpty else { continue }
            lines.append("\(role.rawValue.uppercased())S")
            let names = stages.map { displayName($0, in: registry) }
            let nameWidth = names.map(\.count).max() ?? 0
            for (stage, name) in zip(stages, names) {
                let mark = defaults.contains(stage.name) ? "*" : " "
                let head = "  \(mark)\(name)\(String(repeating: " ", count: nameWidth + 2 - name.count))"
                lines += TextWrap.lines(stage.summary, after: head, width: width)
                let optionWidth = stage.options.map(\.name.count).max() ?? 0
                for option in stage.options {
                    let pad = String(repeating: " ", count: optionWidth + 2 - option.name.count)
                    lines += TextWrap.lines("\(typeText(option.type)) = \(render(option.defaultValue))",
                                            after: "      \(option.name)\(pad)", width: width)
                    lines += TextWrap.lines(option.help, after: String(repeating: " ", count: optionWidth + 8), width: width)
                }
            }
            lines.append("")
        }
        let order = registry.defaultTransforms.map(\.name).joined(separator: ", ")
        lines += TextWrap.lines("runs in the default pipeline of 'sieve convert' (in this order: \(order))", after: "* ", width: width)
        lines += TextWrap.lines("A sink's other names (in parentheses) work on --to and in a pipeline file's sink:.", after: "", width: width)
        lines += TextWrap.lines("Options: NAME:key=value,key=value on --stage, --from and --to; a list takes values separated by |.",
                                after: "", width: width)
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON with a format version, for tools.
    static func json(_ registry: StageRegistry, defaults: Set<String>) -> String {
        var writer = JSONWriter()
        writer.raw("{"); writer.key("format"); writer.string("sieve-stages/2")
        writer.raw(","); writer.key("default_pipeline"); writer.strings(registry.defaultTransforms.map(\.name))
        writer.raw(","); writer.key("stages"); writer.raw("[")
        for (index, stage) in registry.descriptors.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{"); writer.key("name"); writer.string(stage.name)
            writer.raw(","); writer.key("role"); writer.string(stage.role.rawValue)
            writer.raw(","); writer.key("summary"); writer.string(stage.summary)
            writer.raw(","); writer.key("options"); writer.raw("[")
            for (optionIndex, option) in stage.options.enumerated() {
                if optionIndex > 0 { writer.raw(",") }
                writer.raw("{"); writer.key("name"); writer.string(option.name)
                writer.raw(","); writer.key("type"); writer.string(option.type.name)
                if !option.type.choices.isEmpty { writer.raw(","); writer.key("choices"); writer.strings(option.type.choices) }
                writer.raw(","); writer.key("default"); writer.value(option.defaultValue)
                writer.raw(","); writer.key("help"); writer.string(option.help)
                writer.raw("}")
            }
            writer.raw("]}")
        }
        writer.raw("]}")
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    private static func typeText(_ type: OptionType) -> String {
        switch type {
        case .choice(let words): words.joined(separator: "|")
        case .boolean: "true|false"
        case .list: "list"
        default: type.name
        }
    }

    private static func render(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): return text.isEmpty ? "(empty)" : text
        case .list(let items): return items.isEmpty ? "(none)" : items.map { $0.stringValue ?? render($0) }.joined(separator: "|")
        case .object(let members) where members.isEmpty: return "(none)"
        default:
            var writer = JSONWriter()
            writer.value(value)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }
}
