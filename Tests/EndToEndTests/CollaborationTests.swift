import Foundation
import TestSupport
import Testing

/// Two desk officers in two real terminals and a third on the command line, all on one action: nothing
/// is silently written over, and a typed note is never lost.
@Suite("TUI end to end: colleagues on one action")
struct CollaborationE2ETests {
    static let action = "AP03-IV-1-a"

    /// Every journal line of XA as (id, author, base).
    static func events(_ store: FictionalStore) -> [(id: String, author: String, base: [String])] {
        store.journal("XA").compactMap { line in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return nil }
            return (object["id"] as? String ?? "", object["author"] as? String ?? "", object["base"] as? [String] ?? ["(none)"])
        }
    }

    @Test("two TUIs and the CLI edit one action: each write is based on the one before it, and alice's draft survives")
    func twoTUIsAndTheCLI() throws {
        let store = try FictionalStore(label: "colleagues")
        let alice = try store.startTUI(["--state", "XA", "--by", "alice"], width: 160, socketName: "alice.sock")
        defer { alice.stop() }
        let bob = try store.startTUI(["--state", "XA", "--by", "bob"], width: 160, socketName: "bob.sock")
        defer { bob.stop() }
        try EditingTests.goToFirstAction(alice)
        try EditingTests.goToFirstAction(bob)

        // alice starts a note...
        try alice.send("n")
        try alice.waitFor(text: "Ctrl-S")
        try alice.type("Alice's careful draft")
        try alice.waitFor(text: "Alice's careful draft")
        // ...while bob sets the status in his TUI and carol writes a note from the command line.
        try bob.send("s")
        try bob.waitFor(text: "Partially implemented")
        try bob.send("5")
        try bob.waitFor(text: "saved")
        let carol = try Spawn.run([store.binary, "set", "--store", store.path, "XA", Self.action, "in-progress",
                                   "--note", "Carol's note from the CLI", "--by", "carol"],
                                  environment: FictionalStore.plainEnvironment)
        #expect(carol.status == 0, "\(carol.stderr)")
        #expect(carol.stdout.contains("implemented → in-progress"), "the CLI saw bob's change: \(carol.stdout)")

        // alice saves: refused, carol's change named, her text still in the editor.
        try alice.send("C-s")
        let refused = try alice.waitFor(text: "changed this note first")
        #expect(refused.contains("Alice's careful draft"), "\(refused)")
        #expect(Self.events(store).map(\.author) == ["bob", "carol"], "nothing of alice's was written")
        // She decides to keep hers, with carol's note now shown: saved on top of it.
        try alice.send("C-s")
        try alice.waitFor(text: "saved")
        let events = Self.events(store)
        #expect(events.map(\.author) == ["bob", "carol", "alice"])
        for (n, event) in events.enumerated() {
            #expect(event.base == (n == 0 ? [] : [events[n - 1].id]), "each write is based on the one before it: \(events)")
        }
        // bob's TUI shows alice's note after its next look at the store; nobody is in conflict.
        try bob.waitFor(text: "Alice's careful draft")
        let validate = try Spawn.run([store.binary, "validate", "--store", store.path], environment: FictionalStore.plainEnvironment)
        #expect(validate.status == 0, "\(validate.stdout)")
        try alice.send("q")
        try bob.send("q")
        #expect(try alice.waitForExit() == 0)
        #expect(try bob.waitForExit() == 0)
    }

    @Test("an action in conflict is marked ≠ in the TUI, R keeps one side, and the conflict is gone")
    func resolveInTheTUI() throws {
        let store = try FictionalStore(label: "resolve")
        // Two offices changed the action concurrently (both based on "never assessed"), as after a sync.
        try store.appendRaw(#"{"id":"office-a","time":"2026-11-20T09:00:00.000Z","author":"vienna","state":"XA","action":"AP03-IV-1-a","base":[],"status":"implemented","note":"Vienna's view"}"#, to: "XA")
        try store.appendRaw(#"{"id":"office-b","time":"2026-11-20T09:01:00.000Z","author":"warsaw","state":"XA","action":"AP03-IV-1-a","base":[],"status":"in-progress","note":"Warsaw's view"}"#, to: "XA")
        let tui = try store.startTUI(["--state", "XA", "--by", "dana"], width: 160)
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        let marked = try tui.waitFor(text: "Conflict: 2 concurrent changes disagree")
        #expect(marked.contains("≠AP03-IV-1-a"), "\(marked)")
        try tui.send("R")
        try tui.waitFor(text: "keep")
        try tui.send("j", "Enter")                                    // keep warsaw's side
        try tui.waitFor("the conflict resolved") { !$0.contains("≠AP03-IV-1-a") && $0.contains("saved") }
        let last = Self.events(store).last
        #expect(last?.author == "dana" && last?.base == ["office-a", "office-b"])
        let conflicts = try Spawn.run([store.binary, "conflicts", "--store", store.path], environment: FictionalStore.plainEnvironment)
        #expect(conflicts.stdout.contains("0 open conflicts"))
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
