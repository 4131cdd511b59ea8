/// Makes text from a file safe to show in a terminal: no control or escape sequence gets through.
///
/// C0 controls become their Control Pictures (ESC → ␛), DEL becomes ␡, C1 controls and bidirectional
/// overrides become U+FFFD, and the joiners and variation selectors that misalign terminals are
/// dropped. A newline is kept only when `keepNewlines` is set (multi-line note views).
public enum Sanitizer {
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where keepNewlines:
                out.append(scalar)
            case 0x09:
                out.append(" ")
            case 0x00..<0x20:
                out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFFF9...0xFFFB:
                out.append("\u{FFFD}")
            case 0x200D, 0xFE0E, 0xFE0F:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One line: newlines and tabs shown as spaces-safe symbols, everything else as in `clean`.
    public static func line(_ text: String) -> String {
        clean(text.replacingNewlines(), keepNewlines: false)
    }
}

extension String {
    /// Newlines (LF, CR LF, CR) as "⏎ " so a note fits on one line.
    public func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }
}
