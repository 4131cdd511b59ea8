import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// What the executable decided before the TUI started is said on screen, never done silently.
struct StartNoticeTests {
    @Test func aNewlyCreatedStoreIsAnnouncedInTheFooter() {
        var state = AppState(tracker: Fixture.tracker(),
                             options: AppOptions(storeName: "actionplan", initialState: "XA",
                                                 notice: "created a new store at /home/u/.local/share/actionplan"))
        _ = update(&state, .resize(Size(width: 100, height: 24)))
        #expect(state.message == Message("created a new store at /home/u/.local/share/actionplan", kind: .info))
        #expect(render(state, size: Size(width: 100, height: 24)).plainText().contains("created a new store at /home/u/.local/share/actionplan"))
    }

    @Test func withoutANoticeTheFooterStartsEmpty() {
        let state = AppState(tracker: Fixture.tracker(), options: AppOptions(storeName: "actionplan", initialState: "XA"))
        #expect(state.message == nil)
    }
}
