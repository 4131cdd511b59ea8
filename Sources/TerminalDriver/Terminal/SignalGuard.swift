import CNcurses
import Glibc

/// Restores the terminal when the process is interrupted or crashes, then lets the signal do its work.
///
/// The handler captures nothing (a C function pointer cannot), so there is no global state: it calls
/// `endwin`, which needs none, and re-raises the signal. `SA_RESETHAND` has already put back the default
/// action, so the process then ends exactly as it would have without us (exit status 128 + signal,
/// a core dump for a crash) — but with a usable terminal.
struct SignalGuard {
    /// Termination requests (another process, a closed terminal window) and crashes.
    /// SIGINT only arrives from `kill`: in raw mode Ctrl-C is an ordinary key.
    static let guarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    private var previous: [(signal: Int32, action: sigaction)] = []

    static func install() -> SignalGuard {
        var guardSet = SignalGuard()
        for signal in guarded {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                ap_bracketed_paste(0)
                ap_sgr_mouse(0)
                _ = endwin()
                _ = raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND) | UInt32(SA_NODEFER))
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 {
                guardSet.previous.append((signal, old))
            }
        }
        return guardSet
    }

    /// Puts back the handlers that were there before `install`.
    mutating func restore() {
        for (signal, action) in previous {
            var old = action
            sigaction(signal, &old, nil)
        }
        previous.removeAll()
    }

    /// Runs `body` with termination signals held back, so a save in progress completes before the
    /// process ends; a signal that arrived meanwhile is delivered right after.
    static func deferringTermination<T>(_ body: () throws -> T) rethrows -> T {
        var block = sigset_t()
        sigemptyset(&block)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&block, signal) }
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &block, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }
}
