import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore

/// Startup and keystroke latency of the TUI on a large store, without a terminal.
///
/// The driver only copies changed cells to ncurses, so what a user waits for after a key is
/// keymap lookup + `update` + `render` into the in-memory `Screen`; that is what is timed here, for a
/// sequence of the keys desk officers press most.
enum TUIBenchmark {
    static let size = Size(width: 120, height: 40)

    /// The keys, in order: scroll the tree, expand, visit every screen, step through States, search, page.
    static let keys: [(label: String, key: Key)] = {
        var keys: [(String, Key)] = Array(repeating: ("Down", .down), count: 50)
        keys.append(("Enter", .enter))
        keys += Array(repeating: ("Tab", .tab), count: ScreenID.allCases.count)
        keys += Array(repeating: ("]", .character("]")), count: 10)
        keys += Array(repeating: ("[", .character("[")), count: 10)
        keys.append(("/", .character("/")))
        keys += "traffick".map { ("type \($0)", .character($0)) }
        keys.append(("Enter", .enter))
        keys += Array(repeating: ("PgDn", .pageDown), count: 10)
        return keys
    }()

    struct Result {
        var load: Timing
        var firstRender: Timing
        var keystroke: Timing
        var slowestKey: String
    }

    /// Loads `store` `runs` times, renders the first frame, then replays `keys` on the last state.
    static func run(store: Store, runs: Int = 5) throws -> Result {
        var load = Timing()
        var firstRender = Timing()
        var state: AppState?
        for _ in 0..<runs {
            let loaded = try load.measure { try store.load() }
            let options = AppOptions(storeName: "bench", initialState: nil)
            state = firstRender.measure {
                let fresh = AppState(tracker: loaded.tracker, options: options)
                _ = render(fresh, size: size)
                return fresh
            }
        }
        guard var state else { throw BenchmarkFailure(message: "no runs") }
        _ = update(&state, .resize(size))
        var keystroke = Timing()
        var slowest = (label: "", ms: 0.0)
        for (label, key) in keys {
            let before = keystroke.samples.count
            keystroke.measure {
                if let command = Keymap.command(for: key, in: state) { _ = update(&state, command) }
                _ = render(state, size: size)
            }
            let ms = keystroke.samples[before]
            if ms > slowest.ms { slowest = (label, ms) }
        }
        return Result(load: load, firstRender: firstRender, keystroke: keystroke,
                      slowestKey: String(format: "%@ (%.2f ms)", slowest.label, slowest.ms))
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
