import Testing
import TestSupport
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// Concurrent changes in the TUI: a conflict is marked where the action is shown, both sides are in the
/// details pane, `R` decides with one event based on every side, and a colleague's change that came
/// first never loses what the user typed.
struct ConflictTests {
    /// XA PV-A-1 (head e02, alice) with two concurrent changes based on it: bob's and carol's.
    static func conflicted(ascii: Bool = false) -> AppState {
        var tracker = Fixture.tracker()
        tracker.record(ChangeEvent(id: "b1", time: Fixture.time("2026-10-20T09:00:00Z"), author: "bob", state: "XA",
                                   action: "PV-A-1", base: ["e02"], status: .inProgress, note: "Bob's note: funding cut"))
        tracker.record(ChangeEvent(id: "c1", time: Fixture.time("2026-10-20T09:05:00Z"), author: "carol", state: "XA",
                                   action: "PV-A-1", base: ["e02"], status: .notStarted))
        var state = AppState(tracker: tracker, options: AppOptions(storeName: "fixture-store", initialState: "XA", ascii: ascii))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        state.go(to: "PV-A-1")
        return state
    }

    /// The tree pane's part of the row that shows `action` (left of the pane divider).
    static func treeRow(_ screen: String, _ action: String) -> String {
        screen.split(separator: "\n").map { String($0.prefix { $0 != "│" && $0 != "|" }) }.first { $0.contains(action) } ?? ""
    }

    @Test func aConflictIsMarkedInTheTreeWithBothSidesInTheDetails() {
        let state = Self.conflicted()
        let screen = render(state, size: state.size).plainText()
        Golden.check(screen, named: "treeConflict-120x40")
        let row = Self.treeRow(screen, "PV-A-1")
        #expect(row.contains("≠PV-A-1"), "the glyph sits between the status symbol and the id: \(row)")
        #expect(screen.contains("Conflict: 2 concurrent changes disagree"))
        #expect(screen.contains("bob") && screen.contains("carol") && screen.contains("Bob's note: funding cut"))
        #expect(screen.contains("R resolve"), "the footer offers the resolving key")
        let plain = render(Self.conflicted(ascii: true), size: state.size).plainText()
        #expect(Self.treeRow(plain, "PV-A-1").contains("!PV-A-1"), "--ascii: !")
    }

    @Test func theMatrixAndTheDashboardCountConflicts() {
        var state = Self.conflicted()
        state.press(.character("2"))
        let matrix = render(state, size: state.size).plainText()
        #expect(matrix.split(separator: "\n").first { $0.hasPrefix(" XA") }?.contains("≠") == true)
        state.press(.character("3"))
        #expect(render(state, size: state.size).plainText().contains("Open conflicts: XA 1, all 1"))
    }

    @Test func keepingOneSideIsOneEventBasedOnBothHeads() {
        var state = Self.conflicted()
        state.press(.character("R"))
        guard case .conflictChooser(let chooser) = state.mode else { Issue.record("no chooser"); return }
        #expect(chooser.conflict.sides.map(\.head.author) == ["bob", "carol"])
        #expect(render(state, size: state.size).plainText().contains("keep ◔ In progress · bob"))
        let effects = state.press(.down, .enter)
        // carol's side: not started, and the note she left (alice's note, which she never changed).
        let alice = Fixture.tracker().assessment(state: "XA", action: "PV-A-1").note
        #expect(effects == [.record([EventDraft(state: "XA", action: "PV-A-1", status: .notStarted, note: alice, base: ["b1", "c1"])])])
        var runner = FakeRunner()
        _ = runner.perform(effects, on: &state)
        #expect(!state.tracker.journal("XA").isConflicted("PV-A-1"))
        #expect(!render(state, size: state.size).plainText().contains("≠PV-A-1"))
    }

    @Test func settingAStatusOnAConflictResolvesItEvenIfTheStatusIsTheOneShown() {
        var state = Self.conflicted()
        let shown = state.tracker.assessment(state: "XA", action: "PV-A-1").status
        let digit = Character(String(shown.rank + 1))
        let effects = state.press(.character("s"), .character(digit))
        #expect(effects == [.record([EventDraft(state: "XA", action: "PV-A-1", status: shown, base: ["b1", "c1"])])])
    }

    @Test func escLeavesTheConflictOpen() {
        var state = Self.conflicted()
        #expect(state.press(.character("R"), .escape).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.tracker.journal("XA").isConflicted("PV-A-1"))
    }

    @Test func resolveIsRefusedWhereThereIsNoConflict() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        #expect(state.press(.character("R")).isEmpty)
        #expect(state.message == Message("no conflict on PV-A-2: nothing to resolve", kind: .error))
    }

    /// The note editor remembers what it was opened on; a colleague's note saved meanwhile makes the
    /// store refuse ours, and the text comes back in the editor.
    @Test func aNoteDraftedBeforeAColleaguesChangeIsRefusedAndKept() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        state.press(.character("n"))
        guard case .noteEditor(let opened) = state.mode else { Issue.record("no editor"); return }
        state.type(" My careful note")
        let typed = opened.buffer.text + " My careful note"
        // A colleague saves a note meanwhile; the tick reloads it while our editor is open.
        var theirs = state.tracker
        theirs.record(ChangeEvent(id: "col", time: Fixture.time("2026-11-02T00:00:00Z"), author: "colleague", state: "XA",
                                  action: "PV-A-2", base: ["e08"], note: "Colleague's note"))
        _ = update(&state, .storeReloaded(theirs))
        let effects = state.press(.control("s"))
        guard case .record(let drafts)? = effects.first else { Issue.record("nothing recorded"); return }
        #expect(drafts.first?.base == ["e08"], "based on what the editor was opened on, not on the reload")
        // The store refuses it (the runner sends the reload first, then the refusal).
        _ = update(&state, .saveRefused("XA PV-A-2 was changed by colleague", drafts))
        guard case .noteEditor(let draft) = state.mode else { Issue.record("the editor did not come back"); return }
        #expect(draft.buffer.text == typed)
        #expect(draft.base == ["col"], "saving again is based on the colleague's note, which is now shown")
        #expect(state.message?.text.hasPrefix("colleague changed this note first; your text is kept") == true)
        // Ctrl-U takes theirs instead.
        state.press(.control("u"))
        guard case .noteEditor(let back) = state.mode else { Issue.record("editor closed"); return }
        #expect(back.buffer.text == "Colleague's note")
    }

    @Test func aSyncShowsItsReportUntilClosed() {
        var state = Fixture.state()
        #expect(state.press(.character("y")) == [.sync])
        _ = update(&state, .synced(SyncSummary(lines: ["sent 2 events", "received 1 event from origin/main: XA 1",
                                                      "new conflict: XA PV-A-1 (bob: in-progress / carol: not-started)"],
                                               failed: false)))
        let screen = render(state, size: state.size).plainText()
        #expect(screen.contains("new conflict: XA PV-A-1"))
        state.press(.enter)
        #expect(state.mode == .browsing)
        var reviewer = Fixture.state(readOnly: true)
        #expect(reviewer.press(.character("y")).isEmpty)
    }
}
