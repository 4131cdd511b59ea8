import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// The rough edges a desk officer hit in an hour with the program (issue 9), one suite per item.
/// Each test failed before its fix.

/// Item 2: text is wrapped or visibly cut, and the whole of it can be read.
struct CutTextTests {
    static func longTracker(note: String) -> AppState {
        var events = Fixture.events
        events.append(ChangeEvent(id: "long", time: Fixture.time("2026-10-09T09:00:00Z"), author: "alice", state: "XA",
                                  action: "PV-A-3", note: note))
        var state = AppState(tracker: Fixture.tracker(events: events), options: AppOptions(storeName: "fixture-store", initialState: "XA"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        return state
    }

    static let note = (1...40).map { "sentence\($0) of a long note." }.joined(separator: " ") + " THE-END"

    @Test func aLongNoteIsMarkedAsCutAndScrollsToItsEnd() {
        var state = Self.longTracker(note: Self.note)
        state.go(to: "PV-A-3")
        let size = Size(width: 80, height: 24)
        let first = render(state, size: size).plainText()
        #expect(first.contains("more (J/K scroll)"), "\(first)")
        #expect(!first.contains("THE-END"))
        for _ in 0..<20 { state.press(.character("J")) }
        let scrolled = render(state, size: size).plainText()
        #expect(scrolled.contains("THE-END"), "\(scrolled)")
        #expect(scrolled.contains("above"))
        state.press(.character("k"))
        #expect(!render(state, size: size).plainText().contains("above"), "another node starts at the top")
    }

    @Test func theSummaryWrapsInsteadOfBeingCut() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        state.go(to: "PV-A-1")
        let text = render(state, size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("Summary of run awareness campaigns, in fictional\n") && text.contains("│ words.\n"), "\(text)")
    }

    @Test func aTreeTitleTooLongForThePaneEndsInAnEllipsis() {
        let title = "Prevent trafficking through awareness among women and children"
        var catalog = Fixture.catalog
        catalog.pillars[0].areas[0].actions[1].title = title
        var state = AppState(tracker: Tracker(catalog: catalog, directory: Fixture.directory),
                             options: AppOptions(storeName: "fixture-store", initialState: "XA"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.go(to: "PV-A-1")
        let row = render(state, size: Size(width: 80, height: 24)).plainText().split(separator: "\n").first { $0.contains("PV-A-2") } ?? ""
        #expect(row.contains("…"), "\(row)")
    }

    @Test func helpDescriptionsWrapInsteadOfBeingCut() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        state.press(.character("?"))
        let text = render(state, size: Size(width: 120, height: 40)).plainText()
        #expect(text.contains("event)"), "the undo description ends whole")
        #expect(!text.contains("compensating eve\n"))
    }
}

/// Item 4: an action addressed to OSCE structures never looks tracked.
struct UntrackedLookTests {
    @Test func theDetailsShowNoStatusForIt() {
        var state = Fixture.state()
        state.go(to: "PT-A-3")
        let text = render(state, size: Size(width: 80, height: 24)).plainText()
        #expect(text.contains("Addressed to OSCE structures"))
        #expect(!text.contains("XA: "), "\(text)")
        #expect(!text.contains("Not assessed"))
    }

    @Test func itsTreeRowHasADashWhereAStatusWouldBe() {
        var state = Fixture.state()
        state.go(to: "PT-A-3")
        let row = render(state, size: Size(width: 80, height: 24)).plainText().split(separator: "\n").first { $0.contains("PT-A-3 Support") } ?? ""
        #expect(row.contains("– PT-A-3"), "\(row)")
    }
}

/// Item 6: `--ascii` leaves only the store's own text outside ASCII.
struct PureASCIITests {
    /// Every character the fixture's data can put on screen (titles, names, notes, authors).
    static let dataScalars: Set<Unicode.Scalar> = {
        var text = Fixture.directory.all.map(\.name).joined()
        for action in Fixture.catalog.allActions { text += action.title + action.summary }
        for event in Fixture.events { text += (event.note ?? "") + event.author + (event.evidenceAdded ?? []).joined() }
        return Set(text.unicodeScalars)
    }()

    @Test(arguments: ["1", "2", "3", "4", "?", "s", "n", "S", "x", "/", "f"])
    func onlyStoreTextIsNotASCII(key: String) {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = Fixture.state(ascii: true, size: size)
            state.press(.enter, .enter, .enter)
            state.press(.character(Character(key)))
            let text = render(state, size: size).plainText()
            let foreign = text.unicodeScalars.filter { !$0.isASCII && !Self.dataScalars.contains($0) }
            #expect(foreign.isEmpty, "after \(key) at \(size.width): \(Set(foreign.map(String.init)))\n\(text)")
        }
    }
}

/// Item 11: Esc in the note editor keeps the draft and offers it again.
struct NoteDraftTests {
    @Test func escKeepsTheDraftAndTheEditorOffersItAgain() {
        var state = Fixture.state()
        state.go(to: "PV-B-2")
        state.press(.character("n"))
        state.type("half-written thought")
        state.press(.escape)
        #expect(state.mode == .browsing)
        #expect(state.message?.text == "draft kept, not saved: n reopens it")
        state.press(.character("n"))
        guard case .noteEditor(let draft) = state.mode else { Issue.record("no editor"); return }
        #expect(draft.buffer.text == "half-written thought")
        #expect(state.message?.text.contains("unsaved draft is back") == true)
    }

    @Test func savingOrDroppingForgetsTheDraft() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-B-2")
        state.press(.character("n"))
        state.type("x")
        state.press(.escape, .character("n"), .control("u"))
        guard case .noteEditor(let draft) = state.mode else { Issue.record("no editor"); return }
        #expect(draft.buffer.text.isEmpty && state.noteDrafts.isEmpty)
        state.type("kept")
        state.press(.escape, .character("n"))
        _ = runner.perform(state.press(.control("s")), on: &state)
        #expect(state.noteDrafts.isEmpty)
        #expect(state.tracker.assessment(state: "XA", action: "PV-B-2").note == "kept")
    }

    @Test func escWithoutChangesKeepsNothing() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        state.press(.character("n"), .escape)
        #expect(state.noteDrafts.isEmpty && state.message == nil)
    }
}

/// Item 12: pickers start where the user is and match loosely.
struct LooseMatchingTests {
    @Test func theStatePickerOpensOnTheCurrentState() {
        var state = Fixture.state(initialState: "XB")
        state.press(.character("S"))
        guard case .statePicker(let picker) = state.mode else { Issue.record("no picker"); return }
        #expect(state.stateChoices(matching: "")[picker.highlighted] == .state("XB"))
        state.press(.enter)
        #expect(state.selection == .state("XB"))
    }

    @Test func theStatePickerFindsLettersInOrder() {
        let state = Fixture.state()
        #expect(state.stateChoices(matching: "brdr") == [.state("XB")])
    }

    @Test func theHistoryAuthorFilterMatchesPartOfTheName() {
        var state = Fixture.state()
        state.press(.character("4"), .character("f"), .down, .down)
        state.type("ALI")
        state.press(.enter)
        #expect(state.historyEventIDs == ["e08", "e02", "e01"])
    }
}

/// Item 13: a search highlights every match, not only the current one.
struct SearchHighlightTests {
    @Test func everyMatchingRowIsUnderlined() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("train")
        state.press(.enter)
        state.expandAll()
        let screen = render(state, size: Size(width: 80, height: 24))
        let lines = screen.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        for id in ["PV-A-2", "PR-B-2"] {
            guard let y = lines.firstIndex(where: { $0.contains(id) }) else { Issue.record("\(id) not shown"); continue }
            let x = TextWidth.columns(of: String(lines[y][..<lines[y].range(of: id)!.lowerBound]))
            #expect(screen[x, y].style.underline, "\(id) is highlighted")
        }
        let other = lines.firstIndex { $0.contains("PV-A-1") }!
        let x = TextWidth.columns(of: String(lines[other][..<lines[other].range(of: "PV-A-1")!.lowerBound]))
        #expect(!screen[x, other].style.underline)
    }
}
