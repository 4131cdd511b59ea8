import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
import TerminalKit
@testable import TrackerCore
import TrackerApp

/// The Dashboard's trend on a store opened through checkpoints: the first visit asks the runner for the
/// whole history, and the trend is then the one a whole read gives.
struct DashboardTrendOnDemandTests {
    @Test("the Dashboard reads the whole history once, then shows the same trend as a whole read")
    func wholeHistoryOnTheFirstVisit() throws {
        let store = try HistoryOnDemandTests().store()
        let loaded = try store.store.load(history: .recent)
        #expect(!loaded.tracker.isHistoryComplete)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        let now = Timestamp(milliseconds: 1_790_000_000_000)
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        _ = update(&state, .tick(now))
        let effects = update(&state, .switchScreen(.dashboard))
        #expect(effects == [.loadHistory])
        guard case .commands(let commands) = runner.perform(.loadHistory) else { Issue.record("quit"); return }
        for command in commands { _ = update(&state, command) }
        #expect(state.tracker.isHistoryComplete)

        var whole = AppState(tracker: try store.store.load().tracker, options: AppOptions(storeName: "s"))
        _ = update(&whole, .resize(Size(width: 120, height: 40)))
        _ = update(&whole, .tick(now))
        #expect(update(&whole, .switchScreen(.dashboard)).isEmpty)
        let series = try #require(state.trend.series)
        #expect(!series.points.isEmpty)
        #expect(series == whole.trend.series)
        // Leaving and coming back reads nothing more.
        #expect(update(&state, .switchScreen(.tree)).isEmpty)
        #expect(update(&state, .switchScreen(.dashboard)).isEmpty)
    }
}
