import CNcurses
import Glibc
import TerminalKit

/// A running ncurses session on the process's terminal: the only object that talks to ncurses, and the
/// real `TerminalBackend` of the program loop.
///
/// `start` checks everything `initscr` would otherwise die on, so a missing or unknown terminal is a
/// typed error rather than an `exit(1)` from inside the library. `stop` (also run by `deinit` and by
/// the signal guard) puts the terminal back as it was; calling it twice is harmless.
public final class Terminal: TerminalBackend {
    /// Whether colour pairs are in use (false under `NO_COLOR`, `--no-color` or a monochrome terminal).
    public let colorEnabled: Bool
    private let screenHandle: OpaquePointer
    private var painter: FramePainter
    private var signalGuard: SignalGuard
    private var stopped = false
    /// Whether SGR mouse reports were requested (and must be turned off again).
    private var sgrMouse = false

    private init(screenHandle: OpaquePointer, colorEnabled: Bool, signalGuard: SignalGuard) {
        self.screenHandle = screenHandle
        self.colorEnabled = colorEnabled
        self.painter = FramePainter(palette: StylePalette(colorEnabled: colorEnabled))
        self.signalGuard = signalGuard
    }

    deinit { stop() }

    /// Takes over the terminal: raw keys, no echo, keypad decoding, bracketed paste, mouse and (optionally)
    /// colour.
    public static func start(options: TerminalOptions = TerminalOptions()) throws(TerminalError) -> Terminal {
        TerminalPreflight.clearSignalMask()
        TerminalPreflight.useUTF8Locale()
        try TerminalPreflight.checkTerminal()
        guard let handle = newterm(nil, ap_stdout(), ap_stdin()) else {
            throw .startFailed(TerminalPreflight.termName)
        }
        _ = set_term(handle)
        let window = ap_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = set_escdelay(25)
        var sgrMouse = false
        if options.mouse {
            _ = mousemask(ap_click_and_wheel_events(), nil)
            // Ask for SGR reports (1006): the X10 form breaks on wide screens and, where the terminal
            // answers in SGR while terminfo expects X10, clicks arrived as keys ('[' switched the State).
            if ap_kmous_is_sgr() == 0 {
                _ = define_key("\u{1b}[<", ap_key_sgr_mouse())
                ap_sgr_mouse(1)
                sgrMouse = true
            }
        }
        _ = define_key("\u{1b}[200~", ap_key_paste_begin())
        _ = define_key("\u{1b}[201~", ap_key_paste_end())
        ap_bracketed_paste(1)
        var color = false
        if options.color, has_colors() {
            color = start_color() == OK
            if color { _ = use_default_colors() }
        }
        _ = curs_set(0)
        let terminal = Terminal(screenHandle: handle, colorEnabled: color, signalGuard: SignalGuard.install())
        terminal.sgrMouse = sgrMouse
        return terminal
    }

    /// The current size in columns and rows (updated by ncurses when a resize arrives).
    public var size: Size {
        let window = ap_stdscr()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Waits up to `timeoutMilliseconds` (0 = just look, negative = forever) for a key, click or resize.
    /// Returns nil on timeout and for input that means nothing here (a mouse motion, an unknown key).
    public func read(timeoutMilliseconds: Int) -> InputEvent? {
        let window = ap_stdscr()
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        switch status {
        case KEY_CODE_YES:
            let special = Int32(bitPattern: code)
            if special == KEY_RESIZE {
                painter.invalidate()
                return .resize(size)
            }
            if special == ap_key_paste_begin() {
                return .key(.paste(PasteReader.read(from: window)))
            }
            if special == ap_key_sgr_mouse() {
                return SGRMouse.read(from: window).map(InputEvent.key)
            }
            if special == KEY_MOUSE {
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                return KeyDecoder.mouse(buttons: event.bstate, x: Int(event.x), y: Int(event.y)).map(InputEvent.key)
            }
            return KeyDecoder.special(special).map(InputEvent.key)
        case OK:
            return KeyDecoder.character(UInt32(code)).map(InputEvent.key)
        default:
            return nil
        }
    }

    /// Shows `screen`, writing only the cells that differ from the previous frame.
    public func draw(_ screen: Screen) {
        guard !stopped else { return }
        painter.draw(screen)
    }

    /// Forgets the previous frame so the next `draw` repaints every cell (after a resize or a redraw key).
    public func invalidate() {
        painter.invalidate()
    }

    /// Runs a store write with termination signals held back, so a kill never lands half-way.
    public func critical<T>(_ body: () -> T) -> T {
        SignalGuard.deferringTermination(body)
    }

    /// Gives the terminal back: leaves curses mode, frees the screen and restores the signal handlers.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        ap_bracketed_paste(0)
        if sgrMouse { ap_sgr_mouse(0) }
        _ = curs_set(1)
        _ = endwin()
        delscreen(screenHandle)
        signalGuard.restore()
    }
}
