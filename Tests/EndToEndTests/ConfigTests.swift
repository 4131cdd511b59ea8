import Foundation
import TestSupport
import Testing

/// The settings file as the TUI uses it: a good one chooses the State, a bad one never stops it.
@Suite("TUI end to end: settings")
struct ConfigEndToEndTests {
    func writeConfig(_ store: FictionalStore, _ text: String) throws {
        let folder = store.folder.url.appendingPathComponent(".config/actionplan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("config.json"))
    }

    @Test("defaultState and exportFolder from ~/.config/actionplan/config.json are used")
    func goodConfig() throws {
        let store = try FictionalStore(label: "config-good")
        try writeConfig(store, "// mine\n{\"defaultState\": \"Borduria\", \"exportFolder\": \"~/reports\", \"theme\": \"colour-blind\"}\n")
        let tui = try store.startTUI()
        defer { tui.stop() }
        try tui.waitFor(text: "XB Borduria")
        try tui.send("x")
        try tui.waitFor(text: "~/reports/actionplan-XB.csv")
        try tui.send("Escape", "q")
        #expect(try tui.waitForExit() == 0)
    }

    @Test("a broken config: the TUI starts with the defaults and says why")
    func badConfig() throws {
        let store = try FictionalStore(label: "config-bad")
        try writeConfig(store, "{\n  \"theme\": \"dark\"\n")
        let tui = try store.startTUI(width: 160)
        defer { tui.stop() }
        try tui.waitFor(text: "settings not used")
        try tui.waitFor(text: "Partnerships")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
