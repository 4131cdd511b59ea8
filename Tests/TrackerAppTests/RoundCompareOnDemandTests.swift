import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
@testable import TrackerCore
import TrackerApp

/// Comparing rounds on a store opened through checkpoints: the store compares one whole journal at a
/// time (`.compareRounds`), the session keeps its recent history, and the answer is the one a whole read
/// gives.
struct RoundCompareOnDemandTests {
    @Test("the runner's comparison equals the comparison of a whole read, and the session is never given the whole history")
    func comparisonFromTheStore() throws {
        let store = try HistoryOnDemandTests().store()
        let start = Timestamp(milliseconds: 1_780_000_000_000)
        // A closed half-way through XA's history, B open since then.
        let a = Round(name: "Spring review", opens: start.day, due: start.day, openID: "open-a", openedAt: start, openedBy: "tester",
                      closedAt: Timestamp(milliseconds: start.milliseconds + 75 * 60_000), closedBy: "tester")
        let b = Round(name: "Summer survey", opens: start.day, due: "2099-12-31", openID: "open-b", openedAt: start, openedBy: "tester")
        let loaded = try store.store.load(history: .recent)
        #expect(!loaded.tracker.isHistoryComplete)
        let states = loaded.tracker.states()
        let request = RoundCompareRequest(catalog: loaded.tracker.catalog, a: a, b: b, states: states)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        guard case .commands(let commands) = runner.perform(.compareRounds(request)),
              case .roundsCompared(let answered, let comparison)? = commands.first else {
            Issue.record("expected .roundsCompared"); return
        }
        #expect(answered == request)
        let whole = try store.store.load(history: .complete).tracker
        let expected = RoundComparison(tracker: whole, a: a, b: b, states: states)
        #expect(comparison == expected)
        #expect(comparison.moved.count > 0, "the fixture's statuses moved between the rounds")
    }
}
