import Foundation

/// Turns user-written option values into a stage's `Options` struct: rejects unknown names (with a
/// suggestion), converts text such as `3`, `true` or `a|b` to the type of the option's default, and reports
/// every problem of a stage at once.
enum OptionsDecoder {
    /// The defaults of an options type as JSON-shaped values.
    static func defaults<Options: StageOptions>(of type: Options.Type) -> [String: FieldValue] {
        guard let data = try? JSONEncoder().encode(Options()),
              let value = try? JSONDecoder().decode([String: FieldValue].self, from: data) else { return [:] }
        return value
    }

    /// Decodes `given` over the defaults of `Options`.
    static func decode<Options: StageOptions>(_ type: Options.Type, from given: [String: FieldValue],
                                              spec: StageSpec) throws(ConfigurationError) -> Options {
        var merged = defaults(of: type)
        var problems: [String] = []
        for (key, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let defaultValue = merged[key] else {
                problems.append(unknownOption(key, known: merged.keys.sorted(), spec: spec))
                continue
            }
            switch coerce(value, like: defaultValue) {
            case .some(let converted): merged[key] = converted
            case .none:
                problems.append("\(spec.origin): stage '\(spec.name)': option '\(key)' expects a "
                    + "\(defaultValue.typeName), got \(describe(value))")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(messages: problems) }
        do {
            let data = try JSONEncoder().encode(merged)
            return try JSONDecoder().decode(Options.self, from: data)
        } catch {
            throw ConfigurationError("\(spec.origin): stage '\(spec.name)': bad options: \(error)")
        }
    }

    private static func unknownOption(_ key: String, known: [String], spec: StageSpec) -> String {
        var message = "\(spec.origin): stage '\(spec.name)' has no option '\(key)'"
        message += Suggestion.hint(for: key, among: known)
        message += known.isEmpty ? "; it takes no options" : "; its options: \(known.joined(separator: ", "))"
        return message
    }

    private static func describe(_ value: FieldValue) -> String {
        if case .string(let text) = value { return "'\(text)'" }
        return value.typeName
    }

    private static func coerce(_ value: FieldValue, like model: FieldValue) -> FieldValue? {
        switch (model, value) {
        case (.string, .string), (.number, .number), (.bool, .bool), (.object, .object), (.null, _):
            return value
        case (.list, .list(let items)):
            return .list(items)
        case (.string, .number(let number)):
            return .string(number == number.rounded() ? String(Int(number)) : String(number))
        case (.string, .bool(let flag)):
            return .string(String(flag))
        case (.number, .string(let text)):
            return Double(text.trimmingCharacters(in: .whitespaces)).map(FieldValue.number)
        case (.bool, .string(let text)):
            switch text.lowercased() {
            case "true", "yes", "on", "1": return .bool(true)
            case "false", "no", "off", "0": return .bool(false)
            default: return nil
            }
        case (.list, .string(let text)):
            return .list(text.isEmpty ? [] : text.split(separator: "|").map { .string(String($0)) })
        case (.list, _):
            return .list([value])
        default:
            return nil
        }
    }
}

/// Suggests the closest known name for a misspelt one.
public enum Suggestion {
    /// ` (did you mean 'X'?)` naming the closest known name, or nothing when none is close.
    public static func hint(for name: String, among known: [String]) -> String {
        closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The known name nearest to `name` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to name: String, among known: [String]) -> String? {
        let scored = known.map { ($0, distance(Array(name.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }

    private static func distance(_ left: [Character], _ right: [Character]) -> Int {
        var previous = Array(0...right.count)
        for (i, leftChar) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightChar) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftChar == rightChar ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
