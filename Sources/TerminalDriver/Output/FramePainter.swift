import CNcurses
import Glibc
import TerminalKit

/// Copies a `Screen` to ncurses, touching only the cells that changed since the previous frame.
///
/// ncurses already sends only changed characters to the terminal; diffing here as well keeps the
/// per-keystroke cost proportional to what changed rather than to the screen area (setcchar per cell
/// is the expensive part). After a resize (or `invalidate`) the whole frame is cleared and redrawn.
struct FramePainter {
    private var palette: StylePalette
    private var previous: Screen?

    init(palette: StylePalette) {
        self.palette = palette
    }

    mutating func invalidate() {
        previous = nil
    }

    mutating func draw(_ screen: Screen) {
        let window = ap_stdscr()
        let columns = FrameDiff.changedColumns(from: previous, to: screen)
        if FrameDiff.needsFullRedraw(from: previous, to: screen) {
            _ = werase(window)
            _ = clearok(window, true)
        }
        for (y, row) in columns.enumerated() {
            for x in row { put(screen[x, y], x: x, y: y) }
        }
        placeCursor(screen.cursor, in: screen, window: window)
        _ = wrefresh(window)
        previous = screen
    }

    /// Writes one cell; the return value is ignored because `mvadd_wch` reports ERR for the
    /// bottom-right cell even though it draws it (the cursor cannot advance past the corner).
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = palette.resolve(cell.style)
        var chars: [wchar_t] = []
        chars.reserveCapacity(6)
        for scalar in cell.text.unicodeScalars.prefix(5) { chars.append(wchar_t(bitPattern: scalar.value)) }
        if chars.isEmpty || TextWidth.columns(of: cell.text.unicodeScalars.first!) == 0 {
            chars.insert(wchar_t(32), at: 0)
            if chars.count > 5 { chars.removeLast() }
        }
        chars.append(0)
        chars.withUnsafeBufferPointer { buffer in
            _ = ap_put_cell(Int32(y), Int32(x), buffer.baseAddress, attributes, pair)
        }
    }

    private func placeCursor(_ cursor: Position?, in screen: Screen, window: UnsafeMutablePointer<WINDOW>?) {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < screen.width, cursor.y < screen.height {
            _ = curs_set(1)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            _ = curs_set(0)
        }
    }
}
