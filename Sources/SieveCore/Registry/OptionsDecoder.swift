/// What the registry knows of one declared option, without its stage's types: for `sieve stages` and tools.
public struct OptionInfo: Sendable, Equatable {
    /// The option's name.
    public let name: String
    /// The kind of value, with the choices of a choice option.
    public let type: OptionType
    /// The value in `Options()`.
    public let defaultValue: FieldValue
    /// One line of help.
    public let help: String
}

/// A problem with the options written for one stage, and what it concerns, so a pipeline file can point at
/// the option's name, its value or one item of a list.
public struct OptionProblem: Sendable, Equatable {
    /// What the problem concerns.
    public enum Place: Sendable, Equatable {
        /// The stage as a whole (an option that was not written but must be).
        case stage
        /// The name of a written option (`key`).
        case name(String)
        /// The value of a written option.
        case value(String)
        /// One item of a written list option.
        case item(String, Int)
    }

    /// What the problem concerns.
    public var place: Place
    /// The message, naming the stage and the option, without a position.
    public var message: String
}

/// Turns user-written option values into a stage's `Options` through its declaration: rejects unknown names
/// (with a suggestion), converts each value to its property's type, runs the declared checks, and reports
/// every problem of a stage at once.
enum OptionsDecoder {
    /// The declared options of a type, with their defaults.
    static func infos<Options: StageOptions>(of type: Options.Type) -> [OptionInfo] {
        let defaults = Options()
        return Options.declared.map { OptionInfo(name: $0.name, type: $0.type, defaultValue: $0.read(defaults), help: $0.help) }
    }

    /// `given` written over `Options()`, and every problem found; the options are usable only when there is none.
    static func decode<Options: StageOptions>(_ type: Options.Type, from given: [String: FieldValue],
                                              stage: String) -> (Options, [OptionProblem]) {
        var options = Options()
        var problems: [OptionProblem] = []
        let declared = Options.declared
        for key in given.keys.sorted() where !declared.contains(where: { $0.name == key }) {
            problems.append(OptionProblem(place: .name(key), message: unknownOption(key, stage: stage, known: declared.map(\.name))))
        }
        var unusable: Set<String> = []
        for option in declared {
            guard let value = given[option.name] else { continue }
            if !option.write(&options, value) {
                unusable.insert(option.name)
                problems.append(OptionProblem(place: .value(option.name), message: "option '\(option.name)' of stage '\(stage)' expects "
                    + "\(option.type.expectation), got \(describe(value))\(choiceHint(value, option.type))"))
            }
        }
        for option in declared where !unusable.contains(option.name) {
            for issue in option.check(options) {
                let place: OptionProblem.Place = given[option.name] == nil ? .stage
                    : issue.item.map { .item(option.name, $0) } ?? .value(option.name)
                problems.append(OptionProblem(place: place, message: "option '\(option.name)' of stage '\(stage)' \(issue.message)"))
            }
        }
        return (options, problems)
    }

    private static func unknownOption(_ key: String, stage: String, known: [String]) -> String {
        var message = "stage '\(stage)' has no option '\(key)'"
        message += Suggestion.hint(for: key, among: known)
        return message + (known.isEmpty ? "; it takes no options" : "; its options: \(known.joined(separator: ", "))")
    }

    private static func describe(_ value: FieldValue) -> String {
        if case .string(let text) = value { return "'\(text)'" }
        return value.typeName
    }

    private static func choiceHint(_ value: FieldValue, _ type: OptionType) -> String {
        guard case .string(let text) = value, !type.choices.isEmpty else { return "" }
        return Suggestion.hint(for: text, among: type.choices)
    }
}

extension StageOptions {
    /// What is wrong with this options type's declaration, or with these values, for `StageConformance`: a
    /// stored property no option declares, a name declared twice, a value that does not survive being
    /// written out and read back (`sieve stages --json`, the worker handshake), a value its check rejects.
    public func declarationProblems(stage: String) -> [String] {
        var problems: [String] = []
        let properties = Mirror(reflecting: self).children.count
        if properties != Self.declared.count {
            problems.append("Options has \(properties) stored properties but declares \(Self.declared.count) options; "
                + "declare each property once in 'declared'")
        }
        let names = Self.declared.map(\.name)
        for name in Set(names) where names.count(where: { $0 == name }) > 1 {
            problems.append("option '\(name)' is declared more than once")
        }
        let written = Dictionary(Self.declared.map { ($0.name, $0.read(self)) }, uniquingKeysWith: { first, _ in first })
        let (copy, decodeProblems) = OptionsDecoder.decode(Self.self, from: written, stage: stage)
        problems += decodeProblems.map(\.message)
        for option in Self.declared where option.read(copy) != written[option.name] {
            problems.append("option '\(option.name)' changes when written out and read back")
        }
        return problems
    }
}
