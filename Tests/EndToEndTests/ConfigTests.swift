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

/// Saved views in a real terminal: a personal one from the settings, a shared one saved into the store.
@Suite("TUI end to end: saved views")
struct SavedViewEndToEndTests {
    @Test("`:view NAME` shows a personal view; `:save NAME` writes a shared one to the store's views.json")
    func recallAndSave() throws {
        let store = try FictionalStore(label: "views")
        try ConfigEndToEndTests().writeConfig(store, #"{"views": [{"name": "borduria history", "screen": "history", "state": "XB"}]}"#)
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        try tui.send(":")
        try tui.type("view bor")
        try tui.waitFor(text: "view: borduria history")
        try tui.send("Enter")
        try tui.waitFor("Borduria's history") { $0.contains("XB Borduria") && $0.contains("When (UTC)") }
        try tui.send(":")
        try tui.type("save mine")
        try tui.waitFor(text: "save view “mine”")
        try tui.send("Enter")
        try tui.waitFor(text: "saved the view “mine”")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let views = try String(contentsOfFile: store.path + "/views.json", encoding: .utf8)
        #expect(views.contains("\"name\" : \"mine\"") && views.contains("\"screen\" : \"history\"") && views.contains("\"state\" : \"XB\""), "\(views)")
    }
}

/// A rebound key in a real terminal.
@Suite("TUI end to end: rebound keys")
struct ReboundKeyEndToEndTests {
    @Test("status rebound to m: m opens the status picker, s does nothing, the footer says m")
    func reboundStatus() throws {
        let store = try FictionalStore(label: "keys")
        try ConfigEndToEndTests().writeConfig(store, #"{"keys": {"status": "m"}}"#)
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        try tui.waitFor(text: "m status")
        try tui.send("s")
        try tui.send("m")
        try tui.waitFor(text: "Partially implemented")
        try tui.send("5")
        try tui.waitFor("implemented") { $0.contains("● AP03-IV-1-a") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        #expect(store.journal("XA").count == 1)
    }
}
