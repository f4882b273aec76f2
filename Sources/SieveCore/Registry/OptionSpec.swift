/// One option of a stage, declared once next to the property that holds it: its name as users write it, the
/// property, a one-line help, and optionally a check of the value. The declaration drives parsing,
/// validation (`sieve validate`, before any stage is built), `sieve stages` and the pipeline-file errors.
///
/// ```swift
/// public struct Options: StageOptions {
///     public var bias = Bias.balanced
///     public var prune: [String] = []
///     public init() {}
///     public static let declared: [OptionSpec<Options>] = [
///         .option("bias", \.bias, "precision drops doubtful blocks, recall keeps them"),
///         .option("prune", \.prune, "XPath expressions of elements to remove first", each: XPath.problem(in:)),
///     ]
/// }
/// ```
///
/// The type, the choices and the default come from the property (its type and its value in `Options()`).
/// A check returns nil for a good value or a message such as `must look like +07:00 or Z`; it also runs on
/// the default, so `check: { $0.isEmpty ? "is required" : nil }` makes an option required.
public struct OptionSpec<Options: Sendable>: Sendable {
    /// The name on the command line and in pipeline files, such as `min_words`.
    public let name: String
    /// One line for `sieve stages`.
    public let help: String
    /// The kind of value.
    public let type: OptionType
    let read: @Sendable (Options) -> FieldValue
    let write: @Sendable (inout Options, FieldValue) -> Bool
    let check: @Sendable (Options) -> [OptionIssue]

    /// An option held by the property at `keyPath`; `check` judges the whole value.
    public static func option<Value: OptionValue>(_ name: String, _ keyPath: any WritableKeyPath<Options, Value> & Sendable,
                                                  _ help: String,
                                                  check: (@Sendable (Value) -> String?)? = nil) -> OptionSpec {
        OptionSpec(name: name, help: help, type: Value.optionType,
                   read: { $0[keyPath: keyPath].written },
                   write: { options, written in
                       guard let value = Value(written: written) else { return false }
                       options[keyPath: keyPath] = value
                       return true
                   },
                   check: { options in
                       check.flatMap { $0(options[keyPath: keyPath]) }.map { [OptionIssue(item: nil, message: $0)] } ?? []
                   })
    }

    /// A list option whose items are checked one by one by `each`, so a message can point at the bad item;
    /// `check` judges the whole list.
    public static func option(_ name: String, _ keyPath: any WritableKeyPath<Options, [String]> & Sendable, _ help: String,
                              check: (@Sendable ([String]) -> String?)? = nil,
                              each: @escaping @Sendable (String) -> String?) -> OptionSpec {
        let whole = option(name, keyPath, help, check: check)
        return OptionSpec(name: name, help: help, type: .list, read: whole.read, write: whole.write, check: { options in
            whole.check(options) + options[keyPath: keyPath].enumerated().compactMap { index, item in
                each(item).map { OptionIssue(item: index, message: $0) }
            }
        })
    }
}

/// A problem a check found in an option's value: the message, and the list item it concerns, if one.
public struct OptionIssue: Sendable, Equatable {
    /// The index of the bad item of a list option, or nil for the whole value.
    public var item: Int?
    /// What is wrong, such as `unknown column 'titel' (did you mean 'title'?)`.
    public var message: String
}
