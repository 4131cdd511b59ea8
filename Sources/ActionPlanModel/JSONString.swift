/// JSON string literals for the hand-written JSON of the store and the exports (fixed key order).
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, and
    /// U+2028/U+2029 too (JavaScript treats them as line ends). With `escapingHTML`, `<` `>` `&` are
    /// escaped as well, so the document can be pasted into HTML safely.
    public static func quote(_ text: String, escapingHTML: Bool = false) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapingHTML: out += "\\u003c"
            case ">" where escapingHTML: out += "\\u003e"
            case "&" where escapingHTML: out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
