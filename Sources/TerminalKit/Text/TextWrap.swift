/// Word wrapping by terminal columns, for summaries and notes in the details pane.
///
/// Text is sanitized first (so the widths are those of what is drawn); line breaks of a note are kept,
/// words longer than the width are cut hard.
public enum TextWrap {
    /// Lines of at most `width` columns; an empty text gives one empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in Sanitizer.clean(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = TextWidth.columns(of: word)
                if lineWidth > 0, lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while w > width {
                    let head = TextWidth.truncate(word, to: width, ellipsis: false)
                    if head.isEmpty { break }
                    lines.append(head)
                    word = String(word.unicodeScalars.dropFirst(head.unicodeScalars.count))
                    w = TextWidth.columns(of: word)
                }
                line = word
                lineWidth = w
            }
            lines.append(line)
        }
        return lines
    }
}
