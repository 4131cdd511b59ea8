import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// Undo and redo write compensating events that restore the earlier values exactly.
struct UndoTests {
    @Test func undoRestoresStatusNoteAndEvidenceExactly() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-1")
        let original = state.tracker.assessment(state: "XA", action: "PV-A-1")
        _ = runner.perform(state.press(.character("s"), .character("2")), on: &state)
        _ = runner.perform(state.press(.character("n"), .control("a")), on: &state)
        state.press(.paste("new note"))
        _ = runner.perform(state.press(.control("s")), on: &state)
        _ = runner.perform(state.press(.character("e")) + state.type("ref-2") + state.press(.enter), on: &state)
        let edited = state.tracker.assessment(state: "XA", action: "PV-A-1")
        #expect(edited.status == .notStarted && edited.evidence.count == 2)

        for _ in 0..<3 { _ = runner.perform(state.press(.character("u")), on: &state) }
        let restored = state.tracker.assessment(state: "XA", action: "PV-A-1")
        #expect(restored.status == original.status)
        #expect(restored.note == original.note)
        #expect(restored.evidence == original.evidence)
        #expect(runner.written.suffix(3).map(\.undoes) == ["t103", "t102", "t101"].map { Optional($0) })

        for _ in 0..<3 { _ = runner.perform(state.press(.control("r")), on: &state) }
        let redone = state.tracker.assessment(state: "XA", action: "PV-A-1")
        #expect(redone.status == edited.status && redone.note == edited.note && redone.evidence == edited.evidence)
        #expect(state.press(.control("r")).isEmpty)
        #expect(state.message?.text == "nothing to redo")
    }

    @Test func undoDraftIsTheExactInverse() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        let undo = state.press(.character("u"))
        #expect(undo == [.record([EventDraft(state: "XA", action: "PV-A-2", status: .notAssessed, undoes: "t101", base: ["t101"])])])
    }

    @Test func undoKeepsEvidenceOrder() {
        let before = Assessment(status: .inProgress, note: "", evidence: ["a", "b", "c"])
        var after = before
        after.evidence = ["a", "c"]
        let draft = after.draft(to: before, state: "XA", action: "PV-A-1", undoes: "x")
        var replayed = after
        replayed.apply(draft!.stamped(id: "y", time: Fixture.time("2026-11-01T00:00:00Z"), author: "t"))
        #expect(replayed.evidence == ["a", "b", "c"])
    }

    @Test func bulkChangeIsUndoneInOneStep() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        state.press(.left, .character(" "))
        _ = runner.perform(state.press(.character("s"), .character("6")), on: &state)
        #expect(state.figures.states["XA"]?.overall.count(.notApplicable) == 3)
        let undo = state.press(.character("u"))
        guard case .record(let drafts) = undo.first else { Issue.record("no undo"); return }
        #expect(drafts.map(\.status) == [.implemented, .notAssessed, .notAssessed])
        _ = runner.perform(undo, on: &state)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-1").status == .implemented)
        #expect(state.figures.states["XA"]?.overall.count(.notApplicable) == 0)
    }

    @Test func aNewEditClearsRedo() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        _ = runner.perform(state.press(.character("u")), on: &state)
        #expect(state.undo.redoStack.count == 1)
        _ = runner.perform(state.press(.character("s"), .character("4")), on: &state)
        #expect(state.undo.redoStack.isEmpty)
    }

    @Test func aFailedUndoCanBeTriedAgain() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        state.press(.character("u"))
        _ = update(&state, .saveFailed("locked"))
        #expect(state.undo.undoStack.count == 1)
        #expect(!state.press(.character("u")).isEmpty)
    }

    @Test func nothingToUndoSaysSo() {
        var state = Fixture.state()
        #expect(state.press(.character("u")).isEmpty)
        #expect(state.message?.text == "nothing to undo")
    }
}

struct UndoConflictTests {
    @Test func undoNeverOverwritesAColleaguesNewerChange() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        var tracker = state.tracker
        tracker.record(ChangeEvent(id: "colleague", time: Fixture.time("2026-11-05T00:00:00Z"), author: "colleague",
                                   state: "XA", action: "PV-A-2", base: tracker.headIDs(state: "XA", action: "PV-A-2"),
                                   status: .implemented))
        _ = update(&state, .storeReloaded(tracker))
        #expect(state.press(.character("u")).isEmpty)
        #expect(state.message == Message("PV-A-2 was changed since by colleague; not undone, their change stays", kind: .error))
        #expect(state.undo.undoStack.isEmpty)
    }

    @Test func aSingleMarkIsClearedAfterItsStatusIsSet() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-3")
        state.press(.character(" "))
        state.go(to: "PV-A-1")
        let effects = state.press(.character("s"), .character("2"))
        #expect(effects == [.record([EventDraft(state: "XA", action: "PV-A-3", status: .notStarted, base: [])])], "marks win over the cursor")
        _ = runner.perform(effects, on: &state)
        #expect(state.marks.isEmpty)
    }

    /// Issue 9, item 5: a redo read "(undo)" and the history printed ", (undo)".
    @Test func undoAndRedoAreLabelledAsSuch() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        _ = runner.perform(state.press(.character("u")), on: &state)
        _ = runner.perform(state.press(.control("r")), on: &state)
        let details = render(state, size: Size(width: 120, height: 40)).plainText()
        #expect(details.contains("redo: · Not assessed → ◔ In progress"), "\(details)")
        #expect(details.contains("undo: ◔ In progress → · Not assessed"))
        #expect(!details.contains("(undo)"))
        state.press(.character("4"))
        let history = render(state, size: Size(width: 120, height: 40)).plainText()
        #expect(history.contains("redo: ") && !history.contains(", (undo)"), "\(history)")
    }

    /// Issue 9, item 5: the dashboard listed set, undo and redo as three changes.
    @Test func theDashboardNetsAnUndoOutWithWhatItUndid() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        _ = runner.perform(state.press(.character("u")), on: &state)
        _ = runner.perform(state.press(.control("r")), on: &state)
        let ids = state.figures.recent.map(\.event.id)
        #expect(ids.first == runner.written.last?.id, "the redo is the newest change")
        #expect(!ids.contains(runner.written[0].id) && !ids.contains(runner.written[1].id), "set and undo cancel out")
        state.press(.character("3"))
        let text = render(state, size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("redo: · Not assessed → ◔ In progress") && !text.contains("undo: "), "\(text)")
    }
}
