import CNcurses
import TerminalKit

/// Collects the text between the bracketed-paste markers into one `Key.paste`.
///
/// Without brackets a paste arrives as typed keys, so pasting "sq" in the tree would set a status and
/// quit, and a newline would accept a one-line field half-way. With them the whole text reaches the
/// open editor at once, and a paste where no text is expected does nothing.
enum PasteReader {
    /// How long to wait for the next pasted character before giving up on a lost end marker.
    static let patienceMilliseconds: Int32 = 200

    /// Reads up to the end marker. Line ends (CR, LF, CR LF) become "\n", a tab a space; other control
    /// characters are dropped.
    static func read(from window: UnsafeMutablePointer<WINDOW>?) -> String {
        var text = String.UnicodeScalarView()
        var afterCR = false
        wtimeout(window, patienceMilliseconds)
        while true {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(bitPattern: code) == ap_key_paste_end() { break }
                continue
            }
            let value = UInt32(code)
            defer { afterCR = value == 13 }
            switch value {
            case 13: text.append("\n")
            case 10 where afterCR: continue
            case 10: text.append("\n")
            case 9: text.append(" ")
            case 0..<32, 127, 0x80..<0xA0: continue
            default:
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
        }
        return String(text)
    }
}
