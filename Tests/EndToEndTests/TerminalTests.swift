import Foundation
import Testing

/// What only a real terminal shows: resizing, and text from the store that must stay inert.
@Suite("TUI end to end: the terminal")
struct TerminalTests {
    @Test("resize 120×40 → 80×24 → 60×20 (too small) → 120×40 re-lays out without a crash")
    func resize() throws {
        let store = try FictionalStore(label: "resize")
        let tui = try store.startTUI()
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        try tui.resize(width: 80, height: 24)
        try tui.waitFor("the 80×24 layout") { screen in
            screen.contains("Partnerships") && Self.rows(screen) == 24
        }
        try tui.resize(width: 60, height: 20)
        try tui.waitFor(text: "terminal too small (need 80×24)")
        try tui.resize(width: 120, height: 40)
        let screen = try tui.waitFor("the 120×40 layout again") { $0.contains("Partnerships") && !$0.contains("too small") }
        #expect(Self.rows(screen) == 40)
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("while the terminal is too small, keys wait: s then 6 writes nothing, q still quits")
    func keysWaitWhileTooSmall() throws {
        let store = try FictionalStore(label: "too-small")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        try tui.resize(width: 60, height: 20)
        try tui.waitFor(text: "keys wait, q quits")
        try tui.send("s")
        try tui.send("6")
        try tui.resize(width: 120, height: 40)
        let screen = try tui.waitFor("the tree again") { $0.contains("AP03-IV-1-a") && !$0.contains("too small") }
        #expect(!screen.contains("Not applicable") && !screen.contains("Status of"), "\(screen)")
        try tui.resize(width: 60, height: 20)
        try tui.waitFor(text: "keys wait, q quits")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        #expect(store.journal("XA").isEmpty)
    }

    /// The number of rows in a capture (each row ends with a newline).
    static func rows(_ screen: String) -> Int {
        screen.split(separator: "\n", omittingEmptySubsequences: false).count - (screen.hasSuffix("\n") ? 1 : 0)
    }

    @Test("a note holding escape sequences is shown with them visible and inert")
    func escapeSequencesInert() throws {
        let store = try FictionalStore(label: "escapes")
        // Clear screen, set the window title, switch to red: all must arrive as visible symbols.
        let note = #"before\u001b[2J\u001b]0;PWNED\u0007\u001b[31mafter"#
        try store.appendRaw(#"{"id":"e2e-escape-1","time":"2026-01-01T00:00:00.000Z","author":"intruder","state":"XA","action":"AP03-IV-1-a","status":"in-progress","note":""# + note + #""}"#, to: "XA")
        let tui = try store.startTUI(["--state", "XA"], noColor: true)
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        let screen = try tui.waitFor(text: "before␛[2J␛]0;PWNED␇␛[31mafter")
        #expect(screen.contains("Partnerships"), "the screen was not cleared")
        let title = try tui.paneTitle()
        #expect(!title.contains("PWNED"), "the window title changed to \(title)")
        let styled = try tui.styledScreen()
        #expect(!styled.contains("\u{1b}[31m"), "red from the note reached the terminal")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
