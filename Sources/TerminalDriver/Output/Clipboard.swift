import Glibc
import TerminalKit

/// OSC 52: the terminal puts text on the system clipboard (xterm, kitty, WezTerm, tmux with
/// `set-clipboard on`). Written straight to the terminal, outside ncurses' screen, because it moves
/// no cursor and draws nothing; only ever sent when the user presses the copy key.
enum Clipboard {
    /// A reference longer than this is not sent: terminals cap OSC 52 and a clipped copy misleads.
    static let limit = 64 * 1024

    /// `ESC ] 52 ; c ; BASE64 BEL`.
    static func sequence(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= limit else { return nil }
        return Array("\u{1B}]52;c;".utf8) + base64(bytes) + [0x07]
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i]), b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(n >> 18 & 63)])
            out.append(table[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? table[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return out
    }
}

extension Terminal {
    /// Sends the OSC 52 sequence for `text`; false when it is too long or the write failed.
    public func copyToClipboard(_ text: String) -> Bool {
        guard let sequence = Clipboard.sequence(text) else { return false }
        return sequence.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) } == sequence.count
    }
}
