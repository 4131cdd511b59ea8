/// Escaping for text from the store inside HTML and SVG (element content and quoted attributes).
///
/// Everything a desk officer typed goes through here: a note saying `<script>` must show as text.
/// Control characters other than line breaks are replaced, because XML-based viewers reject them in SVG.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": break
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Escaped text with line breaks kept as `<br>` (for notes).
    static func paragraph(_ text: String) -> String {
        escape(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }

    /// A percentage for a width or a label, clamped to 0…100.
    static func percentNumber(_ value: Double?) -> Int {
        guard let value else { return 0 }
        return max(0, min(100, Int((value * 100).rounded())))
    }
}
