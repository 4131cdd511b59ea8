import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore
import TerminalKit

/// Startup and keystroke latency of the TUI on a large store, without a terminal.
///
/// The driver only copies changed cells to ncurses, so what a user waits for after a key is the
/// keymap lookup + `update` + `render` into the in-memory `Screen`; that is what is timed here, for a
/// sequence of the keys desk officers press most.
enum TUIBenchmark {
    static let size = Size(width: 120, height: 40)

    /// The keys, in order and in groups: scroll the tree, expand, visit every screen, step through
    /// States, search as you type, page down.
    static let keys: [(group: String, key: Key)] = {
        var keys: [(String, Key)] = Array(repeating: ("Down ×50", .down), count: 50)
        keys.append(("Enter (expand)", .enter))
        keys += Array(repeating: ("Tab (every screen)", .tab), count: ScreenID.allCases.count)
        keys += Array(repeating: ("] ×10 (next State)", .character("]")), count: 10)
        keys += Array(repeating: ("[ ×10 (previous State)", .character("[")), count: 10)
        keys.append(("/ + typing \"traffick\" + Enter", .character("/")))
        keys += "traffick".map { ("/ + typing \"traffick\" + Enter", .character($0)) }
        keys.append(("/ + typing \"traffick\" + Enter", .enter))
        keys += Array(repeating: ("PgDn ×10", .pageDown), count: 10)
        return keys
    }()

    struct Result {
        var load: Timing
        var firstRender: Timing
        var keystroke: Timing
        /// Per group of keys, in the order first pressed.
        var groups: [(name: String, timing: Timing)]
        var slowestKey: String
    }

    /// Loads `store` `runs` times, renders the first frame, then replays `keys` on the last state.
    static func run(store: Store, runs: Int = 5) throws -> Result {
        var load = Timing()
        var firstRender = Timing()
        var state: AppState?
        for _ in 0..<runs {
            let loaded = try load.measure { try store.load() }
            let options = AppOptions(storeName: "bench")
            state = firstRender.measure {
                let fresh = AppState(tracker: loaded.tracker, options: options)
                _ = render(fresh, size: size)
                return fresh
            }
        }
        guard var state else { throw BenchmarkFailure(message: "no runs") }
        _ = update(&state, .resize(size))
        var all = Timing()
        var groups: [(name: String, timing: Timing)] = []
        var slowest = (label: "", ms: -1.0)
        for (group, key) in keys {
            var one = Timing()
            one.measure {
                _ = update(&state, .key(key))
                _ = render(state, size: size)
            }
            let ms = one.samples[0]
            all.record(ms)
            if groups.last?.name != group { groups.append((group, Timing())) }
            groups[groups.count - 1].timing.record(ms)
            if ms > slowest.ms { slowest = ("\(key) → \(state.screen.title) screen", ms) }
        }
        return Result(load: load, firstRender: firstRender, keystroke: all, groups: groups,
                      slowestKey: String(format: "%@ (%.2f ms)", slowest.label, slowest.ms))
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
