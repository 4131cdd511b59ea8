/// Escaping for text from the store inside Markdown tables and paragraphs.
///
/// A `|` would split a table cell and a line break would end the table row, so both are escaped;
/// `<`, `>` and `&` become entities because most renderers pass raw HTML through (a `<script>` note
/// must stay text); Markdown punctuation is backslash-escaped so a note cannot turn into a link or
/// a heading.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "|", "\\", "`", "*", "_", "[", "]", "#", "!": out += "\\"; out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A table row from already-escaped cells.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    /// The separator row under a header; `right` marks numeric columns.
    static func rule(_ count: Int, right: Set<Int> = []) -> String {
        "|" + (0..<count).map { right.contains($0) ? "---:|" : "---|" }.joined() + "\n"
    }
}
