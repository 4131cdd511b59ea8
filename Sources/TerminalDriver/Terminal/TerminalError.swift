/// Why the terminal cannot run the full-screen interface.
///
/// `initscr` would print its own message and call `exit(1)` in these cases; the driver checks first so
/// the command can print a sentence a user understands and exit with the documented code (69).
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run from a script).
    case notATerminal(stream: String)
    /// `TERM` is unset or empty, so there is no terminal description to use.
    case termUnset
    /// No terminfo entry exists for `TERM`, or the terminfo database itself is missing.
    case unknownTerminal(String)
    /// The terminal type exists but cannot move the cursor (`TERM=dumb`, a line printer).
    case cannotAddressCursor(String)
    /// ncurses refused to start on this terminal for a reason it does not report.
    case startFailed(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "the terminal UI needs a terminal, but standard \(stream) is not one "
                + "(use the command-line subcommands for scripts; see `actionplan --help`)"
        case .termUnset:
            return "TERM is not set, so the terminal type is unknown "
                + "(set it, e.g. TERM=xterm-256color, or use the command-line subcommands)"
        case .unknownTerminal(let term):
            return "unknown terminal type TERM='\(term)': no terminfo entry found "
                + "(try TERM=xterm-256color, or install the ncurses-term package)"
        case .cannotAddressCursor(let term):
            return "the terminal type TERM='\(term)' cannot move the cursor, which a full-screen UI needs "
                + "(try TERM=xterm-256color)"
        case .startFailed(let term):
            return "could not start the terminal UI on TERM='\(term)'"
        }
    }
}
