import Foundation
import Testing

/// Colour, ASCII and the mouse, as the real terminal receives them.
@Suite("TUI end to end: display options and mouse")
struct DisplayOptionsTests {
    /// Whether any SGR sequence sets a colour (30–38, 40–48, 90–97, 100–107); 39/49 only reset to default.
    static func hasColour(_ styled: String) -> Bool {
        let colours = Set(Array(30...38) + Array(40...48) + Array(90...97) + Array(100...107))
        for chunk in styled.components(separatedBy: "\u{1b}[").dropFirst() {
            guard let end = chunk.firstIndex(where: { !$0.isNumber && $0 != ";" }), chunk[end] == "m" else { continue }
            let parameters = chunk[..<end].split(separator: ";").compactMap { Int($0) }
            if parameters.contains(where: colours.contains) { return true }
        }
        return false
    }

    @Test("colours by default; none under NO_COLOR=1 or with --no-color",
          arguments: [(false, [String]()), (true, []), (false, ["--no-color"])])
    func colour(noColorVariable: Bool, options: [String]) throws {
        let store = try FictionalStore(label: "colour")
        let tui = try store.startTUI(options, noColor: noColorVariable)
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        let styled = try tui.styledScreen()
        let monochrome = noColorVariable || options.contains("--no-color")
        #expect(Self.hasColour(styled) == !monochrome, "styled capture:\n\(styled.prefix(600))")
        // Meaning survives without colour: the selected row is still shown in reverse video.
        #expect(styled.contains("7m"))
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("--ascii draws the tree with ASCII markers and status symbols")
    func ascii() throws {
        let store = try FictionalStore(label: "ascii")
        let tui = try store.startTUI(["--state", "XA", "--ascii"])
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        let screen = try tui.waitFor(text: "     . AP03-IV-1-a")
        #expect(screen.contains(" v Prevention"))
        #expect(screen.contains("   > Addressing root causes"))
        #expect(!screen.contains("▸") && !screen.contains("▾"))
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("a mouse click selects the row under the pointer")
    func mouseClick() throws {
        let store = try FictionalStore(label: "mouse")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        let before = try tui.waitFor(text: "Partnerships")
        let rows = before.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = rows.firstIndex(where: { $0.contains("▸ Protection") }) else {
            Issue.record("no Protection row:\n\(before)")
            return
        }
        // X10 mouse report (tmux-256color): ESC [ M, then 32+button, 33+x, 33+y; press then release.
        try tui.sendBytes([0x1b, 0x5b, 0x4d, 32 + 0, 33 + 4, UInt8(33 + row)])
        try tui.sendBytes([0x1b, 0x5b, 0x4d, 32 + 3, 33 + 4, UInt8(33 + row)])
        try tui.waitFor("Protection in the details pane") { screen in
            screen.split(separator: "\n").dropFirst(2).first?.hasSuffix("│ Protection") == true
        }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
