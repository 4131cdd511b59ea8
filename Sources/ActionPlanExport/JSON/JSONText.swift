import ActionPlanModel

/// Small helpers to write JSON by hand, with a fixed key order.
///
/// `JSONEncoder` sorts keys alphabetically or not at all; a hand-written document keeps metadata
/// first and a stable order that diffs well and matches docs/export-schema.json field by field.
enum JSONText {
    /// A JSON string literal; control characters, quotes and backslashes escaped, `<` `>` `&` too so the
    /// document can be pasted into HTML safely.
    static func quote(_ text: String) -> String { JSONString.quote(text, escapingHTML: true) }

    static func optional(_ text: String?) -> String { text.map(quote) ?? "null" }

    static func time(_ time: Timestamp?) -> String { time.map { "\"\($0.description)\"" } ?? "null" }

    static func array(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }

    /// A ratio rounded to 4 decimals (0.3333), or null.
    static func ratio(_ value: Double?) -> String {
        guard let value else { return "null" }
        let scaled = Int((value * 10_000).rounded())
        let whole = scaled / 10_000, fraction = scaled % 10_000
        if fraction == 0 { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// `{"key": value, …}` from pairs whose values are already JSON.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
