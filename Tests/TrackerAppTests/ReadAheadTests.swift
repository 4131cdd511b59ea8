import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
import TerminalKit
@testable import TrackerCore
import TrackerApp

/// Work ahead of the user: the loop sends `.idle` only when no input is waiting, and the History
/// screen uses it to read its next page before the cursor gets there, so scrolling never waits on a key.
struct ReadAheadTests {
    /// A loop over a log of what `update` saw; `idle` asks for work while fewer than `idles` were done.
    func loop(idles: Int) -> AppLoop<[String], String, Never> {
        AppLoop(key: { "key \($0)" },
                update: { log, command in log.append(command); return [] },
                render: { _, size in Screen(width: size.width, height: size.height) },
                perform: { _, _ in .commands([]) },
                idle: { log in log.filter { $0 == "idle" }.count < idles ? "idle" : nil })
    }

    @Test("the loop does idle work only when no input is waiting, once between two inputs, and never before a waiting key")
    func idleOnlyWhenNothingWaits() {
        // After a key, two moments with nothing waiting (the first is the loop draining input).
        let quiet = ScriptedBackend([.input(.key(.character("a"))), .idle, .idle,
                                     .input(.key(.character("b"))), .input(.key(.character("c"))), .idle, .idle, .idle])
        #expect(loop(idles: 5).run([], on: quiet) == ["key character(\"a\")", "idle", "key character(\"b\")", "key character(\"c\")", "idle"])
        // Keys back to back: the idle work waits until they are done.
        let busy = ScriptedBackend([.input(.key(.character("a"))), .input(.key(.character("b"))), .idle, .idle])
        #expect(loop(idles: 5).run([], on: busy) == ["key character(\"a\")", "key character(\"b\")", "idle"])
        // No work asked for: nothing is sent.
        let none = ScriptedBackend([.input(.key(.character("a"))), .idle, .idle, .idle])
        #expect(loop(idles: 0).run([], on: none) == ["key character(\"a\")"])
    }

    @Test("History scrolled a screen at a time with idle moments between keys reads every page while idle, none on a key, and ends as a whole read")
    func historyReadsAheadWhileIdle() throws {
        let sessionStore = try HistoryOnDemandTests().store()
        let loaded = try sessionStore.store.load(history: .recent)
        let runner = EffectRunner(store: sessionStore.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: sessionStore.store, home: sessionStore.folder))
        let pages = HistoryOnDemandTests()
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&state, .resize(Size(width: 120, height: 30)))
        #expect(update(&state, .switchScreen(.history)).isEmpty, "the first page is in memory")
        #expect(state.history.truncated)
        var onKeys = 0, whileIdle = pages.run(update(&state, .idle), runner, &state)
        #expect(whileIdle == 1, "the next page is read as soon as the user is idle on a short list")
        var keys = 0
        while state.history.selected + 1 < state.history.rows.count, keys < 40 {
            onKeys += pages.run(update(&state, .key(.pageDown)), runner, &state)
            whileIdle += pages.run(update(&state, .idle), runner, &state)
            keys += 1
        }
        #expect(onKeys == 0, "no key waited for a read")
        #expect(whileIdle >= 2)
        #expect(!state.history.truncated)
        var whole = AppState(tracker: try sessionStore.store.load().tracker, options: AppOptions(storeName: "s"))
        _ = update(&whole, .resize(Size(width: 120, height: 30)))
        _ = update(&whole, .switchScreen(.history))
        #expect(pages.rows(state) == pages.rows(whole))
        // Nothing more to read: idle asks for nothing.
        #expect(update(&state, .idle).isEmpty)
        // Without idle moments (scrolling faster than the reads), a key still reads when the cursor reaches
        // the last screen loaded.
        var fast = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "s"))
        _ = update(&fast, .resize(Size(width: 120, height: 30)))
        _ = update(&fast, .switchScreen(.history))
        var fastReads = 0
        for _ in 0..<10 { fastReads += pages.run(update(&fast, .key(.pageDown)), runner, &fast) }
        #expect(fastReads >= 1)
        #expect(pages.rows(fast) == Array(pages.rows(whole).prefix(fast.history.rows.count)))
    }
}
