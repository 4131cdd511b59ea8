import Foundation
import Testing

/// Clicks in a real terminal: the program asks for SGR mouse reports (DEC 1006), so a click is a click,
/// even far to the right, and never arrives as keys ('[' used to switch the State, '2' the screen).
@Suite("TUI end to end: mouse")
struct MouseTests {
    /// ESC [ < button ; column ; row M, then the release with m (1-based coordinates).
    static func click(column: Int, row: Int) -> [UInt8] {
        Array("\u{1b}[<0;\(column);\(row)M\u{1b}[<0;\(column);\(row)m".utf8)
    }

    @Test("an SGR click on a tree row selects it, at a column X10 reports cannot reach")
    func clickSelectsARow() throws {
        let store = try FictionalStore(label: "mouse")
        let tui = try store.startTUI(["--state", "XA"], width: 220)
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        // Row 6 is the fourth pillar (Partnerships); column 110 is inside the 121-column tree pane.
        try tui.sendBytes(Self.click(column: 110, row: 6))
        let screen = try tui.waitFor("the details of Partnerships") { screen in
            screen.split(separator: "\n").dropFirst(2).first?.contains("│ Partnerships") == true
        }
        let header = screen.split(separator: "\n").first ?? ""
        #expect(header.contains("XA Avalonia"), "the State did not change: \(header)")
        #expect(!screen.contains("Borduria") && !screen.contains("All States"))
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("a click on a screen tab switches to it")
    func clickSwitchesTabs() throws {
        let store = try FictionalStore(label: "mouse-tab")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        // " 4 History " starts at column 36 (0-based 35) of row 2.
        try tui.sendBytes(Self.click(column: 40, row: 2))
        try tui.waitFor(text: "no changes match")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
