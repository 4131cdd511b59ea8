import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

struct NavigationTests {
    @Test func startsOnTheTreeOfTheRequestedState() {
        let state = Fixture.state(initialState: "xb")
        #expect(state.screen == .tree)
        #expect(state.selection == .state("XB"))
        #expect(state.tree.visible.count == 4, "four collapsed pillars")
    }

    @Test func unknownInitialStateFallsBackToTheFirst() {
        let state = Fixture.state(initialState: "nowhere")
        #expect(state.selection == .state("XA"))
    }

    @Test func partnersAreHiddenUnlessTheStoreTracksThem() {
        let state = Fixture.state()
        #expect(state.states.map(\.code) == ["XA", "XB", "XC"])
    }

    @Test(arguments: [
        ([Key.tab], ScreenID.matrix), ([.tab, .tab], .dashboard), ([.tab, .tab, .tab, .tab], .tree),
        ([.backTab], .history), ([.character("3")], .dashboard), ([.character("4")], .history),
        ([.character("?")], .help), ([.character("2"), .character("?"), .escape], .matrix),
    ])
    func screensSwitchWithTabDigitsAndHelp(keys: [Key], expected: ScreenID) {
        var state = Fixture.state()
        for key in keys { state.press(key) }
        #expect(state.screen == expected)
    }

    @Test func arrowsAndVimKeysMoveExpandAndCollapse() {
        var state = Fixture.state()
        state.press(.character("j"), .down)
        #expect(state.tree.selectedNode == .pillar("protection"))
        state.press(.enter)
        #expect(state.tree.isExpanded(.pillar("protection")))
        state.press(.right, .character("l"), .right)
        #expect(state.tree.selectedNode == .action("PT-A-1"))
        state.press(.left)
        #expect(state.tree.selectedNode == .area("PT-A"))
        state.press(.character("h"))
        #expect(!state.tree.isExpanded(.area("PT-A")))
        state.press(.character("G"))
        #expect(state.tree.selectedNode == .pillar("partnerships"))
        state.press(.character("g"))
        #expect(state.tree.selectedNode == .pillar("prevention"))
    }

    @Test func qQuitsButIsTypedInsideAPopup() {
        var state = Fixture.state()
        #expect(state.press(.character("q")) == [.quit])
        state.press(.character("S"))
        #expect(state.press(.character("q")).isEmpty)
        guard case .statePicker(let picker) = state.mode else { Issue.record("picker closed"); return }
        #expect(picker.query.text == "q")
        state.press(.escape)
        #expect(state.mode == .browsing)
    }

    @Test func stateStepsWrapThroughAllStates() {
        var state = Fixture.state()
        state.press(.character("]"))
        #expect(state.selection == .state("XB"))
        state.press(.character("]"), .character("]"))
        #expect(state.selection == .all)
        state.press(.character("]"))
        #expect(state.selection == .state("XA"))
        state.press(.character("["))
        #expect(state.selection == .all)
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var state = Fixture.state()
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 5, y: 4))))
        #expect(state.tree.selectedNode == .pillar("protection"), "row 4 is the third tree row")
        var big = Fixture.state()
        big.expandAll()
        #expect(big.tree.visible.count == 30)
        big.press(.mouse(MouseEvent(kind: .wheelDown, position: Position(x: 5, y: 5))))
        #expect(big.tree.scroll == 3)
        big.press(.mouse(MouseEvent(kind: .wheelUp, position: Position(x: 5, y: 5))))
        #expect(big.tree.scroll == 0)
    }

    @Test func resizeKeepsTheSelectionInView() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        state.expandAll()
        state.press(.character("G"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        let row = state.tree.selected - state.tree.scroll
        #expect(row >= 0 && row < state.bodyHeight)
    }

    @Test func matrixDrillsIntoAnAreaAndBack() {
        var state = Fixture.state()
        state.press(.character("2"), .right, .right)
        #expect(state.matrix.column == 2)
        state.press(.enter)
        #expect(state.matrix.level == .actions(area: "PR-A"))
        #expect(state.matrixColumns.map(\.id) == ["PR-A-1", "PR-A-2"])
        state.press(.escape)
        #expect(state.matrix.level == .areas)
        #expect(state.matrix.column == 2)
    }

    @Test func matrixEnterOnAnActionOpensItInTheTree() {
        var state = Fixture.state()
        state.press(.character("2"), .enter, .down, .right, .enter)
        #expect(state.screen == .tree)
        #expect(state.selection == .state("XB"))
        #expect(state.tree.selectedNode == .action("PV-A-2"))
    }

    @Test func matrixSortsByNameOrProgress() {
        var state = Fixture.state()
        state.press(.character("2"))
        #expect(state.matrixRows.map(\.code) == ["XA", "XB", "XC"])
        state.press(.character("o"))
        #expect(state.matrixRows.map(\.code) == ["XB", "XA", "XC"], "100% > 56% > 33%")
    }

    @Test func storeReloadKeepsTheCursorAndUpdatesFigures() {
        var state = Fixture.state()
        state.press(.enter, .enter, .enter)
        let before = state.tree.selectedNode
        var tracker = state.tracker
        tracker.record(ChangeEvent(id: "ext", time: Fixture.time("2026-11-02T10:00:00Z"), author: "colleague",
                                   state: "XA", action: "PV-A-2", status: .implemented))
        _ = update(&state, .storeReloaded(tracker))
        #expect(state.tree.selectedNode == before)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-2").status == .implemented)
        #expect(state.figures.states["XA"]?.overall.count(.implemented) == 2)
        #expect(state.message?.text.contains("reloaded") == true)
    }
}

struct MouseTests {
    @Test(arguments: [(3, ScreenID.tree), (12, .matrix), (24, .dashboard), (38, .history), (49, .help), (70, .tree)])
    func clickOnATabSwitchesScreens(x: Int, expected: ScreenID) {
        var state = Fixture.state()
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: x, y: 1))))
        #expect(state.screen == expected)
    }

    @Test func clickInTheMatrixSelectsTheCell() {
        var state = Fixture.state()
        state.press(.character("2"))
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 36, y: 6))))
        #expect(state.matrix.row == 1 && state.matrix.column == 2)
    }

    @Test func popupsIgnoreTheMouse() {
        var state = Fixture.state()
        state.press(.character("S"))
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 12, y: 1))))
        #expect(state.screen == .tree)
    }
}

struct ReloadTests {
    @Test func aFailedReloadKeepsTheDataAndAPendingSave() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        let effects = state.press(.character("s"), .character("3"))      // a save is now pending
        let before = state.tracker
        _ = update(&state, .reloadFailed("store.json:2:5: expected a value"))
        #expect(state.tracker == before)
        #expect(state.message?.text.contains("could not be read again") == true)
        #expect(state.message?.text.contains("store.json:2:5") == true)
        var runner = FakeRunner()
        _ = runner.perform(effects, on: &state)                           // the pending save still lands
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-2").status == .inProgress)
        #expect(state.message?.text.contains("not saved") != true)
    }

    @Test func reloadingTheSameStoreSaysNothing() {
        var state = Fixture.state()
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        let message = state.message
        _ = update(&state, .storeReloaded(state.tracker))
        #expect(state.message == message)
    }

    @Test func aStoreEmptiedOnDiskLeavesAConsistentScreen() {
        var state = Fixture.state()
        state.press(.character("f"), .right, .right, .right, .right, .right, .enter)
        state.press(.character("4"), .character("G"))
        _ = update(&state, .storeReloaded(Tracker(catalog: Fixture.catalog, directory: Fixture.directory)))
        #expect(state.history.rows.isEmpty && state.history.selected == 0)
        state.press(.character("1"))
        #expect(state.tree.visible.isEmpty)
        let text = render(state, size: Size(width: 80, height: 24)).plainText()
        #expect(text.contains("nothing matches the filter (F clears it)"))
        state.press(.down, .enter, .character("s"), .character(" "))
        #expect(state.mode == .browsing)
    }
}

struct HistoryNavigationTests {
    @Test func enterOnAChangeOpensItsActionForItsState() {
        var state = Fixture.state()
        state.press(.character("4"), .down)
        state.press(.enter)
        #expect(state.screen == .tree)
        #expect(state.selection == .state("XC"))
        #expect(state.tree.selectedNode == .action("PV-B-1"))
    }

    @Test func enterClearsATreeFilterThatHidesTheAction() {
        var state = Fixture.state()
        state.press(.character("f"), .right, .right, .right, .right, .right, .enter)
        state.press(.character("4"), .enter)
        #expect(!state.filter.isActive)
        #expect(state.tree.selectedNode == .action("PV-A-2"))
    }
}
