import SieveCore

/// `json`: one document as pretty-printed JSON; several documents as a pretty-printed array.
///
/// Options: `array` (`auto` | `always`): `always` writes an array even for a single document, so that scripts
/// see one shape whatever the input count. Default `auto`.
/// Example: one text file → `{\n  "id": "seeds/000",\n  ...\n}\n`; two files → `[\n  {...},\n  {...}\n]\n`.
public struct JSONSink: JSONFormSink {
    /// When the output is an array.
    public enum ArrayMode: String, OptionChoice {
        /// One document alone, several in an array.
        case auto
        /// Always an array, even of one document.
        case always
    }

    /// Options of the JSON sink.
    public struct Options: StageOptions {
        /// When the output is an array.
        public var array = ArrayMode.auto
        /// The defaults.
        public init() {}
        /// `array`.
        public static let declared: [OptionSpec<Options>] = [
            .option("array", \.array, "always: write an array even for one document"),
        ]
    }

    /// `json`.
    public static let name = "json"
    /// One line for `sieve stages`.
    public static let summary = "JSON: one document pretty-printed, several as an array"
    /// `json`.
    public static let fileExtension = "json"

    private let alwaysArray: Bool
    private var output: OutputChannel?
    /// The first document's JSON form, held back until it is known whether an array is needed.
    private var held: [UInt8]?
    private var count = 0

    /// Creates the sink.
    public init(options: Options) {
        alwaysArray = options.array == .always
    }

    /// Starts the output.
    public mutating func open(_ output: OutputChannel) {
        self.output = output
    }

    /// Writes one document; the first is held back until it is known whether an array is needed.
    public mutating func write(_ document: Document) {
        add(DocumentJSON.encode(document))
    }

    /// Writes one document from its JSON form.
    public mutating func write(json: ArraySlice<UInt8>) {
        add(Array(json))
    }

    private mutating func add(_ json: [UInt8]) {
        count += 1
        if count == 1 && !alwaysArray {
            held = json
            return
        }
        if count == 1 || held != nil { output?.write("[\n") }
        if let first = held {
            writeElement(first)
            held = nil
        }
        if count > 1 { output?.write(",\n") }
        writeElement(json)
    }

    /// Closes the array, or writes the lone document.
    public mutating func close() {
        if let held {
            output?.write(PrettyJSON.format(held, indent: 0))
            output?.write("\n")
        } else {
            output?.write(count == 0 ? "[]\n" : "\n]\n")
        }
    }

    private func writeElement(_ json: [UInt8]) {
        output?.write(PrettyJSON.indentation(1))
        output?.write(PrettyJSON.format(json, indent: 1))
    }
}
