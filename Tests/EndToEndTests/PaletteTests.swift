import Foundation
import TestSupport
import Testing

/// The command palette in a real terminal: `:`, type, Enter.
@Suite("TUI end to end: command palette")
struct PaletteEndToEndTests {
    @Test("`:` lists commands with their keys; typing narrows; Enter runs one; `:state` chooses a State")
    func paletteRunsCommands() throws {
        let store = try FictionalStore(label: "palette")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        try tui.send(":")
        try tui.waitFor(text: "Commands ·")
        try tui.type("history")
        try tui.waitFor("the history command, with its key") { $0.contains("history of changes") && $0.contains(" 4 ") }
        try tui.send("Enter")
        try tui.waitFor("the History screen") { !$0.contains("Commands ·") && $0.contains("When (UTC)") }
        try tui.send(":")
        try tui.waitFor(text: "Commands ·")
        try tui.type("state bord")
        try tui.waitFor(text: "state: XB Borduria")
        try tui.send("Enter")
        try tui.waitFor("Borduria chosen") { $0.contains("XB Borduria") && !$0.contains("Commands ·") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
