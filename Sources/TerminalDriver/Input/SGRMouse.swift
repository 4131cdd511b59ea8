import CNcurses
import TerminalKit

/// Reads and decodes an SGR (DEC mode 1006) mouse report after its `ESC [ <` prefix.
///
/// A report is `button;column;row` then `M` (press) or `m` (release), with 1-based coordinates and no
/// limit on their size, unlike the X10 form whose bytes break past column 95 and under UTF-8.
enum SGRMouse {
    /// How long to wait for the rest of a report before giving up on it.
    static let patienceMilliseconds: Int32 = 50

    /// Reads up to the final `M` or `m` and decodes it; nil for anything that is not a click or a wheel turn.
    static func read(from window: UnsafeMutablePointer<WINDOW>?) -> Key? {
        var body = ""
        wtimeout(window, patienceMilliseconds)
        while body.count < 32 {
            var code: wint_t = 0
            guard wget_wch(window, &code) == OK, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            if scalar == "M" || scalar == "m" { return decode(body, pressed: scalar == "M") }
            body.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `0;12;5` pressed → a click at (11, 4). Button 0 is the left button, 64/65 the wheel; a release,
    /// a drag (bit 32) and other buttons mean nothing here. Modifier bits (4, 8, 16) are ignored.
    static func decode(_ body: String, pressed: Bool) -> Key? {
        let parts = body.split(separator: ";").compactMap { Int($0) }
        guard parts.count == 3, pressed, parts[1] >= 1, parts[2] >= 1 else { return nil }
        let button = parts[0] & ~(4 | 8 | 16)
        let position = Position(x: parts[1] - 1, y: parts[2] - 1)
        switch button {
        case 0: return .mouse(MouseEvent(kind: .click, position: position))
        case 64: return .mouse(MouseEvent(kind: .wheelUp, position: position))
        case 65: return .mouse(MouseEvent(kind: .wheelDown, position: position))
        default: return nil
        }
    }
}
