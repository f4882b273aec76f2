import CLibXML2

/// Read-only XPath 1.0 over a parsed tree, with libxml2's error printing silenced.
public enum XPath {
    /// Whether an expression compiles; nil when it does, else a message for the user.
    public static func problem(in expression: String) -> String? {
        guard let context = xmlXPathNewContext(nil) else { return "cannot create an XPath context" }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        guard let compiled = xmlXPathCtxtCompile(context, expression) else {
            return "'\(expression)' is not a valid XPath 1.0 expression"
        }
        xmlXPathFreeCompExpr(compiled)
        return nil
    }

    /// The nodes an expression selects in the tree (empty when it selects none or is not a node set). The
    /// attribute values left out of the parse are written back into the tree first, so predicates see them.
    public static func nodes(_ expression: String, in tree: HTMLTree) -> [xmlNodePtr] {
        tree.restoreElidedValues()
        guard let context = xmlXPathNewContext(tree.document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        return (0..<Int(set.pointee.nodeNr)).compactMap { table[$0] }
    }
}
