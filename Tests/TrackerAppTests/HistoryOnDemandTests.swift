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

    /// What a row shows: the event, the statuses before and after, undo or redo.
    struct Shown: Equatable {
        var id: String
        var before: Status
        var after: Status
        var compensation: Compensation?
    }

    func rows(_ state: AppState) -> [Shown] {
        state.history.rows.compactMap { state.history.entry($0, in: state.tracker) }.map {
            Shown(id: $0.change.event.id, before: $0.change.before.status, after: $0.change.after.status, compensation: $0.compensation)
        }
    }

    /// Runs effects as the loop does, until none are left; how many History pages were read.
    @discardableResult
    func run(_ effects: [Effect], _ runner: EffectRunner, _ state: inout AppState) -> Int {
        var pending = effects
        var pages = 0
        while let effect = pending.first {
            pending.removeFirst()
            if case .loadHistory = effect { pages += 1 }
            guard case .commands(let commands) = runner.perform(effect) else { continue }
            for command in commands { pending += update(&state, command) }
        }
        return pages
    }

    @Test("the first page of History needs no read, and shows what a whole read shows; scrolling reads the next pages, never the whole store")
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
        #expect(effects.count == 1 && effects.allSatisfy { if case .loadHistory = $0 { true } else { false } })
        run(effects, runner, &state)
        #expect(!state.tracker.isHistoryComplete, "the tracker keeps only the newest events; pages come from the store")
        #expect(rows(state) == Array(rows(whole).prefix(state.history.rows.count)))
        // Scrolling on reads page after page until the first change.
        var guardCount = 0
        while state.history.truncated, guardCount < 20 {
            run(update(&state, .bottom), runner, &state)
            guardCount += 1
        }
        #expect(!state.history.truncated)
        #expect(rows(state) == rows(whole))
    }

    @Test("a page read from the store labels a redo whose undo is not in memory as a whole read does")
    func pagedLabels() throws {
        let store = try SessionStore()
        var heads: [String: String] = [:]
        var events: [ChangeEvent] = []
        func add(_ action: String, _ status: Status, undoes: String? = nil) {
            let k = events.count
            let event = ChangeEvent(id: "e-\(1000 + k)", time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(k) * 1000), author: "tester",
                                    state: "XA", action: action, base: heads[action].map { [$0] } ?? [], status: status, undoes: undoes)
            heads[action] = event.id
            events.append(event)
        }
        add(Self.actions[0], .implemented)
        add(Self.actions[0], .notAssessed, undoes: "e-1000")
        add(Self.actions[0], .implemented, undoes: "e-1001")
        for k in 0..<6 { add(Self.actions[0], Status.allCases[k]) }
        for k in 0..<150 { add(Self.actions[1 + k % 4], Status.allCases[k % 6]) }
        try store.store.append(events)
        let loaded = try store.store.load(history: .recent)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        run(update(&state, .switchScreen(.history)), runner, &state)
        while state.history.truncated { run(update(&state, .bottom), runner, &state) }
        let shown = rows(state)
        #expect(shown.count == events.count)
        #expect(shown.first { $0.id == "e-1002" }?.compensation == .redo)
        #expect(shown.first { $0.id == "e-1001" }?.compensation == .undo)
        #expect(shown.first { $0.id == "e-1002" }.map { [$0.before, $0.after] } == [.notAssessed, .implemented])
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
        #expect(update(&state, .bottom) == [.loadHistory(HistoryPageRequest(filter: .init(), states: state.states.map(\.code),
                                                                            count: 60 + 2 * 37))])
    }

    @Test("a History filter on a store opened through checkpoints reads the matching changes page by page, as a whole read lists them")
    func filterReadsPages() throws {
        let store = try store()
        let loaded = try store.store.load(history: .recent)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        _ = update(&state, .switchScreen(.history))
        let filter = HistoryView.Filter(action: "AP03-IV-2", author: "TEST")
        state.history.filter = filter
        state.history.refresh(tracker: state.tracker, states: state.states)
        #expect(state.history.rows.isEmpty && state.history.truncated, "no partial list is shown as if it were whole")
        let effects = state.historyNeeded
        #expect(effects.count == 1)
        #expect(run(effects, runner, &state) == 1)

        var whole = AppState(tracker: try store.store.load().tracker, options: AppOptions(storeName: "s"))
        _ = update(&whole, .resize(Size(width: 120, height: 40)))
        _ = update(&whole, .switchScreen(.history))
        whole.history.filter = filter
        whole.history.refresh(tracker: whole.tracker, states: whole.states)
        #expect(whole.history.rows.count == 34)
        #expect(rows(state) == rows(whole))
        #expect(!state.history.truncated)
    }

    @Test("a filtered list reads one page at a time: more only when the cursor nears its end")
    func filteredPagesOnDemand() throws {
        let store = try store()
        let loaded = try store.store.load(history: .recent)
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder))
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        _ = update(&state, .switchScreen(.history))
        state.history.filter = HistoryView.Filter(state: "XA")
        state.history.refresh(tracker: state.tracker, states: state.states)
        #expect(run(state.historyNeeded, runner, &state) == 1, "one page, not the whole filtered history")
        let first = state.history.rows.count
        #expect(state.history.truncated && first < 150)
        #expect(run(update(&state, .moveDown), runner, &state) == 0, "the top of the list needs no read")
        #expect(run(update(&state, .bottom), runner, &state) == 1)
        #expect(state.history.rows.count > first)
    }
}
