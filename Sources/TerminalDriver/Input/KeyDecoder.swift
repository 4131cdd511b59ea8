import CNcurses
import TerminalKit

/// Turns what `wget_wch` returns into `Key` values, so no ncurses code leaves the driver.
///
/// With `raw` and `nonl`, Enter arrives as 13 and Ctrl-C as 3 (not SIGINT); Backspace is 127 on most
/// terminals and `KEY_BACKSPACE` or 8 on others, so all three mean the same key.
enum KeyDecoder {
    /// A character read with status `OK`: printable text, or a control code.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code read with status `KEY_CODE_YES`.
    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            for n in 1...24 where code == ap_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A mouse report: a left click selects, the wheel scrolls; other buttons and motion mean nothing here.
    static func mouse(buttons: mmask_t, x: Int, y: Int) -> Key? {
        let position = Position(x: x, y: y)
        if buttons & (ap_button1_clicked() | ap_button1_pressed()) != 0 {
            return .mouse(MouseEvent(kind: .click, position: position))
        }
        if buttons & ap_button4_pressed() != 0 {
            return .mouse(MouseEvent(kind: .wheelUp, position: position))
        }
        if buttons & ap_button5_pressed() != 0 {
            return .mouse(MouseEvent(kind: .wheelDown, position: position))
        }
        return nil
    }
}
