/// A stage named with its options, as written on the command line or in a pipeline file.
public struct StageSpec: Sendable, Hashable {
    /// The registered stage name.
    public var name: String
    /// Option values by option name.
    public var options: [String: FieldValue]
    /// Where the spec was written (`file:line:column` or `--stage`), for error messages.
    public var origin: String

    /// Creates a spec.
    public init(name: String, options: [String: FieldValue] = [:], origin: String = "--stage") {
        self.name = name
        self.options = options
        self.origin = origin
    }

    /// Parses `name` or `name:key=value,key=value`. A comma only separates options when a `key=` follows it,
    /// so values such as XPath expressions may contain commas.
    public init(parsing text: String, origin: String = "--stage") throws(ConfigurationError) {
        let (name, rest) = Self.splitName(text)
        guard !name.isEmpty else {
            throw ConfigurationError("\(origin) '\(text)': missing stage name (expected NAME or NAME:key=value,...)")
        }
        var options: [String: FieldValue] = [:]
        for part in Self.splitOptions(rest) where !part.isEmpty {
            guard let equals = part.firstIndex(of: "=") else {
                throw ConfigurationError("\(origin) '\(text)': option '\(part)' has no value (expected key=value)")
            }
            options[String(part[..<equals])] = .string(String(part[part.index(after: equals)...]))
        }
        self.init(name: name, options: options, origin: origin)
    }

    private static func splitName(_ text: String) -> (String, Substring) {
        guard let colon = text.firstIndex(of: ":") else { return (text, "") }
        return (String(text[..<colon]), text[text.index(after: colon)...])
    }

    private static func splitOptions(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ",", startsWithKey(text[text.index(after: index)...]) {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    private static func startsWithKey(_ text: Substring) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals > text.startIndex else { return false }
        return text[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

/// A problem with the pipeline's configuration, found before any input is read. May hold several messages.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, one message each.
    public var messages: [String]

    /// One problem.
    public init(_ message: String) { messages = [message] }
    /// Several problems.
    public init(messages: [String]) { self.messages = messages }

    /// The messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}
