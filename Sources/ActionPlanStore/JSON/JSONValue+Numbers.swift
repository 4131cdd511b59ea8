extension JSONValue {
    /// The first number (in document order) that is not a whole number fitting in `Int`, with its path.
    ///
    /// Foundation's decoder reports such a value (`"year": 1.5`, `1e300`) as "not valid JSON" at the top
    /// level, without a path; this finds the value so the message can name its line and column.
    func firstNonWholeNumber(path: String = "") -> (path: String, value: JSONValue, number: Double)? {
        switch self {
        case .number(let n, _):
            if case .exact = WholeNumber(n) { return nil }
            return (path.isEmpty ? "top level" : path, self, n)
        case .object(let members, _):
            for member in members {
                let next = path.isEmpty ? member.key : path + "." + member.key
                if let found = member.value.firstNonWholeNumber(path: next) { return found }
            }
            return nil
        case .array(let items, _):
            for (i, item) in items.enumerated() {
                if let found = item.firstNonWholeNumber(path: path + "[\(i)]") { return found }
            }
            return nil
        case .string, .bool, .null:
            return nil
        }
    }
}
