/// The one sanitizer for text on its way to a terminal, used by the CLI and the TUI alike.
///
/// Journal lines, `states.json`, catalogs, CSV cells and command-line arguments can all hold escape
/// sequences: OSC 52 writes the clipboard, OSC 2 sets the window title, CSI moves the cursor or
/// clears the screen, and bidirectional overrides make `exe.png` read as `gnp.exe`. Whatever the
/// output path (a table, a warning, an error naming an unknown State, a TUI cell), text passes here:
///
/// - C0 controls become their Control Pictures (ESC → ␛, BEL → ␇), DEL becomes ␡, a tab a space;
/// - C1 controls (including the 8-bit CSI U+009B), bidi embeddings, overrides, isolates and marks,
///   the line and paragraph separators and the interlinear annotation marks become U+FFFD;
/// - the joiner and variation selectors that misalign terminal columns are dropped;
/// - a newline is kept only with `keepNewlines` (multi-line messages and note views).
public enum TerminalSafe {
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
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
            case _ where isReplaced(v):
                out.append("\u{FFFD}")
            case 0x200D, 0xFE0E, 0xFE0F:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C1 controls and the format characters that reorder or break lines.
    static func isReplaced(_ v: UInt32) -> Bool {
        switch v {
        case 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFFF9...0xFFFB: true
        default: false
        }
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || isReplaced(v) || v == 0x200D || v == 0xFE0E || v == 0xFE0F
    }
}
