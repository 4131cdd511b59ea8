import Foundation
import TestSupport
import Testing

/// Starting, quitting and failing to start: the terminal is always left usable, the exit code documented.
@Suite("TUI end to end: start and stop")
struct LifecycleTests {
    static let pillars = ["Prevention", "Prosecution", "Protection", "Partnerships"]

    @Test("a new store opens on the tree with the four pillars; q quits with exit code 0")
    func newStoreShowsPillars() throws {
        let store = try FictionalStore(label: "pillars")
        let tui = try store.startTUI()
        defer { tui.stop() }
        let screen = try tui.waitFor("the four pillars") { screen in Self.pillars.allSatisfy(screen.contains) }
        #expect(screen.contains("Avalonia"))
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("Ctrl-C leaves at once and gives the screen back to the shell")
    func controlCRestores() throws {
        let store = try FictionalStore(label: "ctrl-c")
        let tui = try store.startTUI()
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        try tui.send("C-c")
        #expect(try tui.waitForExit() == 0)
        let after = try tui.screen()
        #expect(!after.contains("Partnerships"), "the TUI's screen should be gone after exit:\n\(after)")
    }

    @Test("killed (SIGTERM, SIGHUP) or crashing (SIGSEGV, SIGABRT): the terminal is restored, then the signal ends the program",
          arguments: [SIGTERM, SIGHUP, SIGSEGV, SIGABRT])
    func signalRestores(signal: Int32) throws {
        let store = try FictionalStore(label: "signal-\(signal)")
        let tui = try store.startTUI()
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        let pid = try tui.programPID()
        #expect(kill(pid, signal) == 0)
        let code = try tui.waitForExit()
        #expect(code == 128 + signal)
        let after = try tui.screen()
        #expect(!after.contains("Partnerships"), "the TUI's screen should be gone after the signal:\n\(after)")
        #expect(after.contains("[exit:\(128 + signal)]"))
    }

    @Test("a damaged store.json: a message with file:line:column, exit 65, the shell's output on screen")
    func damagedStore() throws {
        let store = try FictionalStore(label: "damaged")
        try Data("{\n  \"format\": 1,\n  \"catalog\": oops\n}\n".utf8).write(to: URL(fileURLWithPath: store.path + "/store.json"))
        let tui = try store.startTUI()
        defer { tui.stop() }
        #expect(try tui.waitForExit() == 65)
        let screen = try tui.screen()
        #expect(screen.contains("store.json:3:"), "expected a located error:\n\(screen)")
        #expect(screen.contains("actionplan: error:"))
        #expect(!screen.contains("Prevention"))
    }

    @Test("TERM unset: a clear message and exit code 69, no crash")
    func termUnset() throws {
        let store = try FictionalStore(label: "no-term")
        let result = try Spawn.run([store.binary, "--store", store.path], environment: FictionalStore.plainEnvironment)
        #expect(result.status == 69)
        #expect(result.stderr.contains("TERM is not set"), "stderr: \(result.stderr)")
    }

    @Test("an unknown TERM, or one that cannot move the cursor, inside a real terminal: a clear message and exit code 69",
          arguments: [("no-such-terminal-e2e", "unknown terminal type TERM='no-such-terminal-e2e'"),
                      ("dumb", "TERM='dumb' cannot move the cursor")])
    func termUnusable(term: String, message: String) throws {
        let store = try FictionalStore(label: "bad-term")
        let tui = try TmuxSession(arguments: [store.binary, "--store", store.path], width: 160, height: 40,
                                  environment: ["TERM": term], folder: store.folder.url)
        defer { tui.stop() }
        #expect(try tui.waitForExit() == 69)
        let screen = try tui.screen()
        #expect(screen.contains(message), "screen:\n\(screen)")
    }

    @Test("output not a terminal (a pipe or a file): exit code 69 with a hint")
    func notATerminal() throws {
        let store = try FictionalStore(label: "pipe")
        var environment = FictionalStore.plainEnvironment
        environment["TERM"] = "xterm-256color"
        let result = try Spawn.run([store.binary, "tui", "--store", store.path], environment: environment)
        #expect(result.status == 69)
        #expect(result.stderr.contains("not one"), "stderr: \(result.stderr)")
    }
}
