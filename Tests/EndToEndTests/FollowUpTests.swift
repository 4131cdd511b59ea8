import Foundation
import TestSupport
import Testing

/// Follow-ups and officers in a real terminal: keys to journal lines, and an officer's start.
@Suite("TUI end to end: follow-ups and officers")
struct FollowUpTests {
    func cli(_ store: FictionalStore, _ arguments: String...) throws {
        let result = try Spawn.run([store.binary] + arguments + ["--store", store.path], environment: FictionalStore.plainEnvironment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    @Test("started as an officer: opens on her State; d sets a follow-up on XB that lands in the journal; editing XA warns")
    func officerFollowUp() throws {
        let store = try FictionalStore(label: "followup")
        try cli(store, "officers", "add", "alice")
        try cli(store, "officers", "add", "boris")
        try cli(store, "officers", "assign", "alice", "XB")
        try cli(store, "officers", "assign", "boris", "XA")
        let tui = try store.startTUI(["--by", "alice"])
        defer { tui.stop() }
        try tui.waitFor(text: "XB Borduria")
        try EditingTests.goToFirstAction(tui)
        try tui.send("d")
        try tui.waitFor(text: "Follow-up: XB AP03-IV-1-a")
        try tui.type("2099-01-31")
        try tui.send("Enter")
        try tui.waitFor(text: "saved: XB AP03-IV-1-a follow-up 2099-01-31 (alice)")
        try tui.waitFor(text: "Follow-up: 2099-01-31 · alice")
        // M shows every State; on XA (boris's), a status change is saved with a warning.
        try tui.send("M")
        try tui.waitFor(text: "all States (M shows only yours)")
        try tui.send("[")
        try tui.waitFor(text: "XA Avalonia")
        try tui.send("s")
        try tui.waitFor(text: "Partially implemented")
        try tui.send("3")
        try tui.waitFor(text: "note: XA is followed by boris, not alice")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XB")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"followUp\":{\"date\":\"2099-01-31\",\"owner\":\"alice\"}") == true, "\(lines)")
        #expect(store.journal("XA").count == 1)
    }
}
