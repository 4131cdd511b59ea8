import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

struct EditingTests {
    @Test func statusPickerWithArrowsAndEnterRecordsOneDraft() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        state.press(.character("s"))
        guard case .statusPicker(let picker) = state.mode else { Issue.record("no picker"); return }
        #expect(picker.highlighted == .notAssessed)
        let effects = state.press(.down, .down, .enter)
        #expect(effects == [.record([EventDraft(state: "XA", action: "PV-A-2", status: .inProgress, base: ["e08"])])], "based on the head shown")
        #expect(state.mode == .browsing)
    }

    @Test func statusPickerDigitSetsAtOnceAndSavedUpdatesEverything() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        let effects = runner.perform(state.press(.character("s"), .character("5")), on: &state)
        #expect(effects.isEmpty)
        #expect(runner.written.map(\.status) == [.implemented])
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-2").status == .implemented)
        #expect(state.figures.states["XA"]?.overall.count(.implemented) == 2)
        #expect(state.message == Message("saved: PV-A-2 → Implemented", kind: .success))
    }

    @Test func settingTheSameStatusWritesNothing() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        #expect(state.press(.character("s"), .enter).isEmpty)
        #expect(state.message?.text == "nothing changed")
    }

    @Test func aFailedSaveShowsTheErrorAndLeavesNothingToUndo() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        state.press(.character("s"), .character("2"))
        _ = update(&state, .saveFailed("disk full"))
        #expect(state.message == Message("not saved: disk full", kind: .error))
        #expect(state.undo.undoStack.isEmpty && state.undo.pending.isEmpty)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-2").status == .notAssessed)
    }

    @Test func noteEditorHandlesUnicodeCursorKeysAndPaste() {
        var state = Fixture.state()
        state.go(to: "PV-B-2")
        state.press(.character("n"))
        state.type("Türkiye")
        state.press(.home, .character("«"), .end, .character("»"), .enter)
        state.press(.paste("Закон\n法律"))
        state.press(.left, .backspace, .right, .character("!"))
        state.press(.up, .delete)
        guard case .noteEditor(let draft) = state.mode else { Issue.record("editor closed"); return }
        #expect(draft.buffer.text == "«Türkiye»\nЗаон\n律!")
        #expect(draft.buffer.row == 1 && draft.buffer.column == 2)
        let effects = state.press(.control("s"))
        #expect(effects == [.record([EventDraft(state: "XA", action: "PV-B-2", note: "«Türkiye»\nЗаон\n律!",
                                                      base: state.tracker.headIDs(state: "XA", action: "PV-B-2"))])])
    }

    @Test func backspaceAtLineStartJoinsLines() {
        var buffer = TextBuffer("ab\ncd")
        buffer.handle(.home)
        buffer.handle(.backspace)
        #expect(buffer.text == "abcd")
        #expect(buffer.column == 2)
        buffer.handle(.end)
        buffer.handle(.delete)
        #expect(buffer.text == "abcd")
    }

    @Test func escapeCancelsTheNoteEditorWithoutWriting() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        state.press(.character("n"))
        state.type("changed")
        #expect(state.press(.escape).isEmpty)
        #expect(state.mode == .browsing)
    }

    @Test func evidenceIsAddedOnce() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        state.press(.character("e"))
        state.press(.paste("https://example.org/xa/law"))
        #expect(state.press(.enter) == [.record([EventDraft(state: "XA", action: "PV-A-1", evidenceAdded: ["https://example.org/xa/law"], base: ["e02"])])])
        state.press(.character("e"))
        state.type(" https://example.org/xa/campaign ")
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == "already listed as evidence")
    }

    @Test func marksThenStatusSetsAllMarkedActionsInOneWrite() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-1")
        state.press(.character(" "), .character(" "))
        #expect(state.marks == ["PV-A-1", "PV-A-2"])
        #expect(state.tree.selectedNode == .action("PV-A-3"), "Space moves down")
        state.go(to: "PR-B-1")
        state.press(.left, .character(" "))
        #expect(state.marks == ["PV-A-1", "PV-A-2", "PR-B-1", "PR-B-2"], "an area marks all its actions")
        let effects = state.press(.character("s"), .character("4"))
        #expect(effects == [.record([
            EventDraft(state: "XA", action: "PV-A-1", status: .partiallyImplemented, base: ["e02"]),
            EventDraft(state: "XA", action: "PV-A-2", status: .partiallyImplemented, base: ["e08"]),
            EventDraft(state: "XA", action: "PR-B-1", status: .partiallyImplemented, base: []),
            EventDraft(state: "XA", action: "PR-B-2", status: .partiallyImplemented, base: []),
        ])])
        _ = runner.perform(effects, on: &state)
        #expect(state.marks.isEmpty)
        #expect(state.figures.states["XA"]?.overall.count(.partiallyImplemented) == 5)
    }

    @Test func allStatesCannotBeEdited() {
        var state = Fixture.state(initialState: nil)
        state.press(.character("["))
        #expect(state.selection == .all)
        state.go(to: "PV-A-1")
        #expect(state.press(.character("s")).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message?.kind == .error)
    }

    @Test(arguments: [Key.character("s"), .character("n"), .character("e"), .character(" "), .character("u"), .control("r")])
    func readOnlyRefusesEveryEditingKey(key: Key) {
        var state = Fixture.state(readOnly: true)
        state.go(to: "PV-A-1")
        let before = state
        #expect(state.press(key).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message == Message("read-only: this session cannot edit", kind: .error))
        #expect(state.tracker == before.tracker && state.marks.isEmpty)
    }

    @Test func readOnlyFooterLeavesEditingKeysOut() {
        let state = Fixture.state(readOnly: true)
        let hints = Keymap.hints(for: state).compactMap(\.footerText)
        #expect(!hints.contains("s status") && hints.contains("/ search"))
    }
}

struct UntrackedActionTests {
    @Test func actionsForOSCEStructuresAreNotEdited() {
        var state = Fixture.state()
        state.go(to: "PT-A-3")
        #expect(state.press(.character("s")).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message?.text.contains("not tracked per State") == true)
    }

    /// Desk officer's item 4: Space on such an action said "no marks" and moved the cursor anyway.
    @Test func spaceOnAnUntrackedActionIsRefusedWhereItStands() {
        var state = Fixture.state()
        state.go(to: "PT-A-3")
        let row = state.tree.selected
        state.press(.character(" "))
        #expect(state.tree.selected == row && state.marks.isEmpty)
        #expect(state.message?.text == "PT-A-3 is addressed to OSCE structures and is not tracked per State")
    }
}

struct NoteLayoutTests {
    @Test func longLinesWrapByColumnsAndEmptyLinesKeepARow() {
        let lines: [[Character]] = [Array("abcdef"), [], Array("中文中文x")]
        let rows = NoteEditorView.layout(lines, width: 4)
        #expect(rows == [
            .init(line: 0, start: 0, end: 4), .init(line: 0, start: 4, end: 6),
            .init(line: 1, start: 0, end: 0),
            .init(line: 2, start: 0, end: 2), .init(line: 2, start: 2, end: 4), .init(line: 2, start: 4, end: 5),
        ])
    }

    @Test func theCursorFollowsTheWrappedRow() {
        var state = Fixture.state()
        state.go(to: "PV-B-2")
        state.press(.character("n"))
        state.press(.paste(String(repeating: "word ", count: 30)))
        let screen = render(state, size: Size(width: 80, height: 24))
        #expect(screen.cursor == Position(x: 6 + (150 - 67 * 2), y: 6))
    }
}

/// Item 7: the evidence prompt applies the same rule as `set --evidence` and import.
struct EvidencePromptRuleTests {
    @Test func anOverlongPastedReferenceIsRefusedAndThePromptStaysOpen() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        state.press(.character("e"))
        state.press(.paste(String(repeating: "x", count: EvidenceRule.maximumLength + 1)))
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("longer than 2000 characters") == true)
        if case .evidenceInput = state.mode {} else { Issue.record("the prompt closed: \(state.mode)") }
    }

    @Test func aReferenceIsStoredTrimmed() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        state.press(.character("e"))
        state.type("  REF-9  ")
        #expect(state.press(.enter) == [.record([EventDraft(state: "XA", action: "PV-A-1", evidenceAdded: ["REF-9"], base: ["e02"])])])
    }
}
