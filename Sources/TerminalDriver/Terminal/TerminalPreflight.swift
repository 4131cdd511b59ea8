import CNcurses
import Glibc

/// The checks and process settings that must come before `newterm`.
///
/// `initscr` exits the process when TERM is unset or unknown, and "succeeds" into garbage on a pipe or
/// on `TERM=dumb`; asking terminfo first (`setupterm` with an error out-parameter) avoids both.
enum TerminalPreflight {
    /// The value of TERM, or "" when unset.
    static var termName: String {
        guard let raw = getenv("TERM") else { return "" }
        return String(cString: raw)
    }

    /// Unblocks every signal: a parent (a test runner, a shell script) may hand down a blocked SIGWINCH,
    /// and then a resize would never reach ncurses.
    static func clearSignalMask() {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
    }

    /// Adopts the user's locale, falling back to C.UTF-8 for character handling: under the C locale
    /// ncursesw silently drops every non-ASCII character ("Türkiye" would show as "Trkiye").
    static func useUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        if ap_locale_is_utf8() == 0 {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Throws unless TERM is set, both standard streams are terminals and TERM names a terminal that can
    /// address the cursor. An unset TERM is reported first: it is the cause a user can fix.
    static func checkTerminal() throws(TerminalError) {
        let term = termName
        guard !term.isEmpty else { throw .termUnset }
        if isatty(0) == 0 { throw .notATerminal(stream: "input") }
        if isatty(1) == 0 { throw .notATerminal(stream: "output") }
        var status: Int32 = 0
        guard setupterm(nil, 1, &status) == OK else { throw .unknownTerminal(term) }
        guard ap_has_cursor_addressing() != 0 else { throw .cannotAddressCursor(term) }
    }
}
