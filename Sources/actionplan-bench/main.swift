/// Benchmarks, run on demand (not in the unit tests): `swift run -c release actionplan-bench [FOLDER]`.
///
/// Builds a large synthetic store of FICTIONAL States (68 × every trackable action × 20 changes) in a
/// temporary folder (or FOLDER), then times startup and keystrokes of the TUI. Figures are printed;
/// docs/performance.md records a run.
import Foundation
import ActionPlanStore

let arguments = CommandLine.arguments.dropFirst()
let folder = arguments.first ?? NSTemporaryDirectory() + "actionplan-bench-\(getpid())"
let keepStore = arguments.first != nil

do {
    if FileManager.default.fileExists(atPath: folder + "/store.json") {
        throw BenchmarkFailure(message: "\(folder) already holds a store; give a new folder")
    }
    let catalog = try Store.open(path: folder, create: true).load(states: []).tracker.catalog
    var build = Timing()
    let synthetic = try build.measure { try SyntheticStore.build(in: folder, catalog: catalog) }
    print("Store: \(folder)")
    print(String(format: "  %d fictional States × %d trackable actions × %d changes = %d events, written in %.0f ms",
                 SyntheticStore.stateCount, catalog.trackableActions.count, SyntheticStore.changesPerAction,
                 synthetic.eventCount, build.samples[0]))

    let tui = try TUIBenchmark.run(store: synthetic.store)
    print("TUI at \(TUIBenchmark.size.width)×\(TUIBenchmark.size.height):")
    print("  store load (Store.load)             \(tui.load.summary)")
    print("  first frame (AppState + render)     \(tui.firstRender.summary)")
    print("  keystroke (update + render)         \(tui.keystroke.summary)")
    for (name, timing) in tui.groups {
        print("    " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + timing.summary)
    }
    print("  slowest key: \(tui.slowestKey)")
    print(String(format: "Peak RSS: %.1f MB", PeakMemory.megabytes))
    if !keepStore { try? FileManager.default.removeItem(atPath: folder) }
} catch {
    print("actionplan-bench: error: \(error)")
    exit(1)
}
