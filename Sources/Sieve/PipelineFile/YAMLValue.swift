import SieveCore
import Yams

/// Reading YAML nodes into Sieve's values, with positions for error messages.
enum YAMLValue {
    /// `file:line:column` of a node, or just the file when the node has no mark.
    static func origin(_ node: Node, file: String) -> String {
        node.mark.map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    /// A short name of the node's YAML type, for error messages.
    static func typeName(_ node: Node) -> String {
        switch node {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The node as a JSON-shaped value: plain scalars resolve to null, booleans and numbers; quoted ones stay text.
    static func fieldValue(_ node: Node) -> FieldValue {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.description) {
            case .null: return .null
            case .bool: return node.bool.map(FieldValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case .float: return node.float.map(FieldValue.number) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .list(sequence.map(fieldValue))
        case .mapping(let mapping):
            var members: [String: FieldValue] = [:]
            for (key, value) in mapping { members[key.string ?? "\(key)"] = fieldValue(value) }
            return .object(members)
        case .alias:
            return .null
        }
    }
}
