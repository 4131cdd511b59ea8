import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `actionplan` binary running in a private tmux server, driven like a user would.
///
/// Each session has its own server socket in its own temporary folder (`-S`, no user config), so tests
/// can run in parallel and never meet a user's tmux. The program runs as
/// `BIN …; echo "[exit:$?]"; exec sleep 86400`, which keeps its last screen and shows its exit code.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var lastScreen: String
        var description: String { "timed out waiting for \(waitingFor); last screen:\n\(lastScreen)" }
    }

    let folder: URL
    private let socket: String
    private var stopped = false

    /// Starts `arguments` (the binary and its options) at `width`×`height` with `environment` added to a
    /// minimal one (LANG=C.UTF-8); NO_COLOR is always set or unset explicitly (`swift test` exports it).
    init(arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
         noColor: Bool = false, folder: URL, socketName: String = "tmux.sock") throws {
        self.folder = folder
        socket = folder.appendingPathComponent(socketName).path
        var assignments = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        if noColor { assignments.append("NO_COLOR=1") }
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { assignments.append("\(key)=\(value)") }
        let program = arguments.map(Self.quote).joined(separator: " ")
        let unset = noColor ? "" : "-u NO_COLOR "
        let line = "env \(unset)\(assignments.map(Self.quote).joined(separator: " ")) \(program); "
            + "echo \"[exit:$?]\"; exec sleep 86400"
        // The program's working directory is the test's folder, so relative paths never touch the package.
        try tmux(["new-session", "-d", "-s", "app", "-x", "\(width)", "-y", "\(height)", "-c", folder.path, line,
                  ";", "set-option", "-s", "escape-time", "0"])
    }

    deinit { stop() }

    // MARK: - Input

    /// Sends named keys (Up, Down, Enter, Escape, BSpace, PgDn, Tab, BTab, C-r…) or single characters.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "app"] + keys)
    }

    /// Types `text` literally (UTF-8 included).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "app", "-l", text])
    }

    /// Pastes `text` as a terminal does when the program asked for bracketed paste (`paste-buffer -p`).
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "e2e", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "e2e", "-t", "app"])
    }

    /// Sends raw bytes, as a terminal would (mouse reports, unusual escape sequences).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", "app", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "app", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: - Output

    /// The visible screen as text (`capture-pane -p`), one line per row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "app"]).stdout
    }

    /// The screen with its colours and attributes as SGR escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "app"]).stdout
    }

    /// The pane's title, which an OSC 0 sequence reaching the terminal would change.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", "app", "#{pane_title}"]).stdout
    }

    /// The process id of the program under test: the child of the pane's shell.
    func programPID() throws -> pid_t {
        let shell = try tmux(["display-message", "-p", "-t", "app", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Spawn.run(["pgrep", "-P", shell], environment: ["PATH": "/usr/bin:/bin"]).stdout
        guard let first = children.split(separator: "\n").first, let pid = pid_t(first) else {
            throw Spawn.Failure(description: "no program running under the pane's shell \(shell)")
        }
        return pid
    }

    /// Polls until `predicate` holds for a screen that has stayed unchanged for 30 ms (tmux can be caught
    /// mid-refresh), and returns that screen; after `timeout` fails with the last screen seen.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(10), _ predicate: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var last = ""
        while clock.now < deadline {
            last = try screen()
            if predicate(last) {
                usleep(30_000)
                let again = try screen()
                if again == last { return again }
                last = again
                continue
            }
            usleep(20_000)
        }
        throw Timeout(waitingFor: what, lastScreen: last)
    }

    /// Waits for text to appear on the screen.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the program has ended and returns its exit code (from the `[exit:N]` line).
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let screen = try waitFor("the program to exit", timeout: timeout) { $0.contains("[exit:") }
        let tail = screen.components(separatedBy: "[exit:").last ?? ""
        return Int32(tail.prefix { $0.isNumber }) ?? -1
    }

    /// Ends the tmux server (and the program in it) and removes the socket.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    // MARK: - Plumbing

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> Spawn.Result {
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": folder.path, "SHELL": "/bin/sh"]
        let result = try Spawn.run(["tmux", "-S", socket, "-f", "/dev/null"] + arguments, environment: environment)
        if result.status != 0, arguments.first != "kill-server" {
            throw Spawn.Failure(description: "tmux \(arguments.first ?? "") failed (\(result.status)): \(result.stderr)")
        }
        return result
    }

    /// Single-quotes a word for `sh`.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
