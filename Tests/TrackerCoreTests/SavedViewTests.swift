import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// Saved views from the palette: `:save NAME` asks the runner to store what is shown; `:view NAME` shows it.
struct SavedViewTests {
    @Test func saveCapturesScreenStateFilterAndSort() {
        var state = Fixture.state()
        state.press(.character("2"), .character("o"))          // the matrix, sorted by progress
        state.press(.character(":"))
        state.type("save mine")
        let effects = state.press(.enter)
        #expect(effects == [.saveView(SavedView(name: "mine", screen: "matrix", state: "XA", sort: "progress"))])
    }

    @Test func viewShowsTheSavedScreenStateAndFilter() {
        let view = SavedView(name: "gender work", screen: "tree", state: "XB", status: "not-assessed", tag: "gender")
        var state = Fixture.state()
        _ = update(&state, .viewSaved(view))
        #expect(state.message?.text.contains("saved the view “gender work”") == true)
        state.press(.character("4"))
        state.press(.character(":"))
        state.type("view gend")
        state.press(.enter)
        #expect(state.screen == .tree)
        #expect(state.selection == .state("XB"))
        #expect(state.filter == TreeFilter(status: .notAssessed, tag: "gender"))
        #expect(state.message?.text == "view “gender work”")
    }

    @Test func partsTheStoreDoesNotKnowAreSkippedAndNamed() {
        var state = AppState(tracker: Fixture.tracker(), options: AppOptions(storeName: "s", initialState: "XA",
            views: [SavedView(name: "old", screen: "graphs", state: "XZ")]))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.press(.character(":"))
        state.type("view old")
        state.press(.enter)
        #expect(state.selection == .state("XA"))
        #expect(state.message?.text == "view “old”; not in this store: State 'XZ', screen 'graphs'")
    }

    @Test func aReadOnlySessionCannotSaveAView() {
        var state = Fixture.state(readOnly: true)
        state.press(.character(":"))
        state.type("save mine")
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text.hasPrefix("read-only") == true)
    }
}
