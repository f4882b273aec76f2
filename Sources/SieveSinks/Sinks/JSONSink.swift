import SieveCore

/// `json`: one document as pretty-printed JSON; several documents as a pretty-printed array.
///
/// Options: `array` (`auto` | `always`): `always` writes an array even for a single document, so that scripts
/// see one shape whatever the input count. Default `auto`.
/// Example: one text file → `{\n  "id": "seeds/000",\n  ...\n}\n`; two files → `[\n  {...},\n  {...}\n]\n`.
public struct JSONSink: SinkWriter {
    /// Options of the JSON sink.
    public struct Options: StageOptions {
        /// `auto` (one document alone, several in an array) or `always` (always an array).
        public var array = "auto"
        /// The defaults.
        public init() {}
    }

    /// `json`.
    public static let name = "json"
    /// One line for `sieve stages`.
    public static let summary = "JSON: one document pretty-printed, several as an array"
    /// Option descriptions.
    public static let optionHelp = ["array": "auto | always: write an array even for one document"]
    /// `json`.
    public static let fileExtension = "json"

    private let alwaysArray: Bool
    private var output: OutputChannel?
    private var held: [UInt8]?
    private var count = 0

    /// Creates the sink; `array` must be `auto` or `always`.
    public init(options: Options) throws {
        guard ["auto", "always"].contains(options.array) else {
            throw StageError(stage: Self.name, "option 'array' must be 'auto' or 'always', got '\(options.array)'")
        }
        alwaysArray = options.array == "always"
    }

    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Writes one document; the first is held back until it is known whether an array is needed.
    public mutating func write(_ document: Document) {
        count += 1
        guard let output else { return }
        if count == 1 && !alwaysArray {
            held = PrettyJSON.format(DocumentJSON.encode(document), indent: 0)
            return
        }
        if count == 1 || (count == 2 && !alwaysArray) {
            output.write("[\n")
        }
        if let first = held {
            output.write(PrettyJSON.indentation(1))
            output.write(PrettyJSON.reindent(first, by: 1))
            held = nil
        }
        if count > 1 { output.write(",\n") }
        output.write(PrettyJSON.indentation(1))
        output.write(PrettyJSON.format(DocumentJSON.encode(document), indent: 1))
    }

    /// Closes the array, or writes the lone document.
    public mutating func close() {
        guard let output else { return }
        if let held {
            output.write(held)
            output.write("\n")
        } else if count == 0 {
            output.write("[]\n")
        } else {
            output.write("\n]\n")
        }
    }
}
