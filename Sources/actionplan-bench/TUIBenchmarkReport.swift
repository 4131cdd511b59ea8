import Foundation
import ActionPlanStore

/// Builds the synthetic store in a fresh temporary folder, runs `TUIBenchmark` and prints the figures.
enum TUIBenchmarkReport {
    /// Returns false (after printing why) when the store could not be built or read.
    @discardableResult
    static func run(folder: String = NSTemporaryDirectory() + "actionplan-tui-bench-\(getpid())") -> Bool {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let catalog = try Store.open(path: folder, create: true).load(states: []).tracker.catalog
            var build = Timing()
            let synthetic = try build.measure { try SyntheticStore.build(in: folder, catalog: catalog) }
            print("tui: store of \(SyntheticStore.stateCount) fictional States × \(catalog.trackableActions.count) trackable actions "
                  + "× \(SyntheticStore.changesPerAction) changes = \(synthetic.eventCount) events "
                  + String(format: "(written through Store.append in %.0f ms)", build.samples[0]))
            let tui = try TUIBenchmark.run(store: synthetic.store)
            print("tui at \(TUIBenchmark.size.width)×\(TUIBenchmark.size.height):")
            print("  store load (Store.load)             \(tui.load.summary)")
            print("  first frame (AppState + render)     \(tui.firstRender.summary)")
            print("  keystroke (keymap+update+render)    \(tui.keystroke.summary)")
            for (name, timing) in tui.groups {
                print("    " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + timing.summary)
            }
            print("  slowest key: \(tui.slowestKey)")
            print(String(format: "  peak RSS so far: %.1f MB", PeakMemory.megabytes))
            return true
        } catch {
            print("tui: error: \(error)")
            return false
        }
    }
}
