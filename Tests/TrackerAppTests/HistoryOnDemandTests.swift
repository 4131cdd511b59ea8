import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
import TerminalKit
@testable import TrackerCore
import TrackerApp

/// The History screen of a store opened through checkpoints: the first page comes from the newest
/// events already in memory; the rest of the history is read when the user needs it.
struct HistoryOnDemandTests {
    static let actions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-2", "AP03-III-1-a", "AP03-III-1-b"]

    /// 150 changes of XA and 20 of XB, each based on its action's head, one minute apart.
    func store() throws -> SessionStore {
        let store = try SessionStore()
        for (code, count) in [("XA", 150), ("XB", 20)] {
            var heads: [String: String] = [:]
            var events: [ChangeEvent] = []
            for k in 0..<count {
                let action = Self.actions[k % Self.actions.count]
                let event = ChangeEvent(id: "\(code)-\(1000 + k)", time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(k) * 60_000 + (code == "XB" ? 7 : 0)),
                                        author: "tester", state: code, action: action, base: heads[action].map { [$0] } ?? [],
                                        status: Status.allCases[k % Status.allCases.count])
                heads[action] = event.id
                events.append(event)
            }
            try store.store.append(events)
        }
        return store
    }

    func rows(_ state: AppState) -> [RecentChange] {
        state.history.rows.compactMap { HistoryView.change($0, in: state.tracker) }
    }

    @Test("the first page of History needs no read, and shows what a whole read shows; scrolling to the end reads the rest")
    func firstPageThenTheRest() throws {
        let store = try store()
        let loaded = try store.store.load(history: .recent)
        #expect(!loaded.tracker.isHistoryComplete)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        #expect(update(&state, .switchScreen(.history)).isEmpty, "the first page is in memory")
        #expect(state.history.truncated)

        var whole = AppState(tracker: try store.store.load().tracker, options: AppOptions(storeName: "s"))
        _ = update(&whole, .resize(Size(width: 120, height: 40)))
        _ = update(&whole, .switchScreen(.history))
        #expect(whole.history.rows.count == 170)
        #expect(rows(state) == Array(rows(whole).prefix(state.history.rows.count)))
        #expect(state.history.rows.count >= 60)

        let effects = update(&state, .bottom)
        #expect(effects == [.loadHistory])
        guard case .commands(let commands) = runner.perform(.loadHistory) else { Issue.record("quit"); return }
        for command in commands { _ = update(&state, command) }
        #expect(!state.history.truncated)
        #expect(rows(state) == rows(whole))
    }

    @Test("one long journal alone: its newest changes are listed and the rest can still be read")
    func oneJournal() throws {
        let store = try SessionStore()
        var heads: [String: String] = [:]
        var events: [ChangeEvent] = []
        for k in 0..<200 {
            let action = Self.actions[k % Self.actions.count]
            events.append(ChangeEvent(id: "e-\(1000 + k)", time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(k) * 1000),
                                      author: "tester", state: "XA", action: action, base: heads[action].map { [$0] } ?? [], status: .inProgress))
            heads[action] = events.last!.id
        }
        try store.store.append(events)
        var state = AppState(tracker: try store.store.load(history: .recent).tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        _ = update(&state, .switchScreen(.history))
        #expect(state.history.truncated && state.history.rows.count == 60)
        #expect(update(&state, .bottom) == [.loadHistory])
    }

    @Test("a History filter on a store opened through checkpoints reads the whole history first")
    func filterReadsEverything() throws {
        let store = try store()
        var state = AppState(tracker: try store.store.load(history: .recent).tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        _ = update(&state, .switchScreen(.history))
        state.history.filter = HistoryView.Filter(action: "AP03-IV-2")
        state.history.refresh(tracker: state.tracker, states: state.states)
        #expect(state.history.rows.isEmpty && state.history.truncated, "no partial list is shown as if it were whole")
        #expect(state.historyNeeded == [.loadHistory])
    }
}
