/// The kind of value an option takes, as `sieve stages` shows it and as error messages name it.
public enum OptionType: Sendable, Equatable {
    /// Any text.
    case text
    /// A whole number.
    case integer
    /// A number, possibly fractional.
    case number
    /// `true` or `false` (also `yes`/`no`, `on`/`off`, `1`/`0` on the command line).
    case boolean
    /// A list of texts: `a|b` on the command line, a YAML list in a pipeline file.
    case list
    /// A mapping of keys to JSON values (pipeline files only).
    case object
    /// One of a fixed set of words.
    case choice([String])

    /// The short name `sieve stages --json` gives: `text`, `integer`, `number`, `boolean`, `list`, `object`, `choice`.
    public var name: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .list: "list"
        case .object: "object"
        case .choice: "choice"
        }
    }

    /// What a value must be, for messages: `a whole number`, `one of keep, old, new`.
    public var expectation: String {
        switch self {
        case .text: "a text"
        case .integer: "a whole number"
        case .number: "a number"
        case .boolean: "a boolean (true or false)"
        case .list: "a list"
        case .object: "an object (pipeline files only)"
        case .choice(let words): "one of \(words.joined(separator: ", "))"
        }
    }

    /// The words of a choice, or none.
    public var choices: [String] {
        if case .choice(let words) = self { return words }
        return []
    }
}

/// A Swift type an option can have. Conversions follow what users write: on the command line every value is
/// text (`3`, `true`, `a|b`); in a pipeline file YAML gives numbers, booleans and lists.
///
/// Built in: `String`, `Int`, `Double`, `Bool`, `[String]`, `[String: FieldValue]`, and any `OptionChoice` enum.
public protocol OptionValue: Sendable {
    /// The kind of value, for `sieve stages` and messages.
    static var optionType: OptionType { get }
    /// The value from what a user wrote, or nil when it does not fit the type.
    init?(written: FieldValue)
    /// The value as JSON, for `sieve stages` and the worker handshake.
    var written: FieldValue { get }
}

/// A choice option: an enum with `String` raw values, written as one of its raw values (case-insensitive).
///
/// ```swift
/// public enum Bias: String, OptionChoice { case balanced, precision, recall }
/// ```
public protocol OptionChoice: OptionValue, CaseIterable, RawRepresentable where RawValue == String {}

extension OptionChoice {
    /// `.choice` of the raw values, in declaration order.
    public static var optionType: OptionType { .choice(allCases.map(\.rawValue)) }

    /// The case whose raw value is the text, ignoring case.
    public init?(written: FieldValue) {
        guard case .string(let text) = written else { return nil }
        guard let match = Self.allCases.first(where: { $0.rawValue == text })
                ?? Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = match
    }

    /// The raw value.
    public var written: FieldValue { .string(rawValue) }
}

extension String: OptionValue {
    public static var optionType: OptionType { .text }
    /// Text as is; a YAML number or boolean as its text (`8` → `"8"`).
    public init?(written: FieldValue) {
        switch written {
        case .string(let text): self = text
        case .number(let number): self = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): self = String(flag)
        default: return nil
        }
    }
    public var written: FieldValue { .string(self) }
}

extension Int: OptionValue {
    public static var optionType: OptionType { .integer }
    /// A whole number, or text that is one.
    public init?(written: FieldValue) {
        switch written {
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: self = Int(number)
        case .string(let text):
            guard let value = Int(text.trimmingWhitespace) else { return nil }
            self = value
        default: return nil
        }
    }
    public var written: FieldValue { .number(Double(self)) }
}

extension Double: OptionValue {
    public static var optionType: OptionType { .number }
    /// A finite number, or text that is one.
    public init?(written: FieldValue) {
        switch written {
        case .number(let number) where number.isFinite: self = number
        case .string(let text):
            guard let value = Double(text.trimmingWhitespace), value.isFinite else { return nil }
            self = value
        default: return nil
        }
    }
    public var written: FieldValue { .number(self) }
}

extension Bool: OptionValue {
    public static var optionType: OptionType { .boolean }
    /// A boolean, or `true/false`, `yes/no`, `on/off`, `1/0` as text.
    public init?(written: FieldValue) {
        switch written {
        case .bool(let flag): self = flag
        case .string(let text):
            switch text.lowercased() {
            case "true", "yes", "on", "1": self = true
            case "false", "no", "off", "0": self = false
            default: return nil
            }
        default: return nil
        }
    }
    public var written: FieldValue { .bool(self) }
}

extension Array: OptionValue where Element == String {
    public static var optionType: OptionType { .list }
    /// A list of texts; text is split at `|` (empty text is the empty list); one number or boolean is a list of one.
    public init?(written: FieldValue) {
        switch written {
        case .list(let items):
            var texts: [String] = []
            for item in items {
                guard let text = String(written: item) else { return nil }
                texts.append(text)
            }
            self = texts
        case .string(let text): self = text.isEmpty ? [] : text.split(separator: "|").map(String.init)
        case .number, .bool: self = String(written: written).map { [$0] } ?? []
        default: return nil
        }
    }
    public var written: FieldValue { .list(map(FieldValue.string)) }
}

extension Dictionary: OptionValue where Key == String, Value == FieldValue {
    public static var optionType: OptionType { .object }
    /// A mapping, as written.
    public init?(written: FieldValue) {
        guard case .object(let members) = written else { return nil }
        self = members
    }
    public var written: FieldValue { .object(self) }
}

extension String {
    fileprivate var trimmingWhitespace: Substring {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
