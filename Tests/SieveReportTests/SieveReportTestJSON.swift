import SieveCore
import SieveExternal

/// The JSON parser the report reads lines with.
enum SieveReportTestJSON {
    static func parse(_ text: String) throws -> FieldValue {
        try JSONParser.parse(Array(text.utf8))
    }
}
