import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
import TerminalKit
@testable import TrackerCore
import TrackerApp

/// The Dashboard's trend on a store opened through checkpoints: the store folds it journal by journal
/// (`.loadTrend`), the whole history is never loaded, and the trend is the one a whole read gives.
struct DashboardTrendOnDemandTests {
    func journalSize(_ store: SessionStore, _ code: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: store.store.path + "/states/\(code).jsonl")[.size] as! NSNumber).intValue
    }

    @Test("the Dashboard asks the store for the trend, not for the whole history, and shows what a whole read shows")
    func trendFromTheStore() throws {
        let store = try HistoryOnDemandTests().store()
        // Journals written an hour ago (caches written now are then trusted by their stat alone).
        for code in ["XA", "XB"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: store.store.path + "/states/\(code).jsonl")
        }
        let loaded = try store.store.load(history: .recent)
        #expect(!loaded.tracker.isHistoryComplete)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder),
                                  now: { Timestamp(milliseconds: 1_790_000_000_000) })
        let now = Timestamp(milliseconds: 1_790_000_000_000)
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        _ = update(&state, .tick(now))
        let effects = update(&state, .switchScreen(.dashboard))
        let request = try #require(state.trend.pending)
        #expect(effects == [.loadTrend(request)])
        #expect(!effects.contains { if case .loadHistory = $0 { true } else { false } })

        // The session's start rebuilt the checkpoints from whole reads and wrote the trend caches with them:
        // the first visit reads no journal again.
        #expect(FileManager.default.fileExists(atPath: store.store.path + "/.checkpoints/XA.trend"))
        store.store.meter.reset()
        guard case .commands(let commands) = runner.perform(.loadTrend(request)) else { Issue.record("quit"); return }
        #expect(store.store.meter.bytes == 0)
        for command in commands { #expect(update(&state, command).isEmpty) }
        #expect(!state.tracker.isHistoryComplete, "the session keeps its recent history")

        var whole = AppState(tracker: try store.store.load().tracker, options: AppOptions(storeName: "s"))
        _ = update(&whole, .resize(Size(width: 120, height: 40)))
        _ = update(&whole, .tick(now))
        #expect(update(&whole, .switchScreen(.dashboard)).isEmpty)
        let series = try #require(state.trend.series)
        #expect(!series.points.isEmpty)
        #expect(series == whole.trend.series)
        #expect(render(state, size: Size(width: 120, height: 40)).plainText() == render(whole, size: Size(width: 120, height: 40)).plainText())

        // Warm: the same request reads no journal byte.
        store.store.meter.reset()
        _ = runner.perform(.loadTrend(request))
        #expect(store.store.meter.bytes == 0)

        // A save on the Dashboard asks again; the session read its own line back (a reload of the appended
        // bytes), which moved that journal's tallies: no journal byte is read for the trend.
        let head = state.tracker.headIDs(state: "XB", action: HistoryOnDemandTests.actions[0])
        guard case .commands(let saved) = runner.perform(.record([EventDraft(state: "XB", action: HistoryOnDemandTests.actions[0],
                                                                               status: .implemented, base: head)])) else { Issue.record("quit"); return }
        var next: [Effect] = []
        for command in saved { next += update(&state, command) }
        let again = try #require(state.trend.pending)
        #expect(next == [.loadTrend(again)])
        store.store.meter.reset()
        guard case .commands(let answer) = runner.perform(.loadTrend(again)) else { Issue.record("quit"); return }
        #expect(store.store.meter.bytes == 0)
        for command in answer { _ = update(&state, command) }
        let wholeAfter = TrendSeries(tracker: try store.store.load().tracker, states: again.states, pillars: again.pillars,
                                     through: again.through, months: again.months)
        #expect(state.trend.series == wholeAfter)
        #expect(state.trend.series != series)
        #expect(!state.tracker.isHistoryComplete)
    }
}
