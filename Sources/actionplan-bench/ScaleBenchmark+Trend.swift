import Foundation
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport
import TrackerCore
import TrackerApp
#if canImport(Glibc)
import Glibc
#endif

/// The monthly trend at scale: the Dashboard's first visit and `export --format html`, each in a fresh
/// process with its peak RSS, cold (no `.trend` cache) and warm, beside the old way (the whole history
/// loaded into the TUI, then folded).
extension ScaleBenchmark {
    static func measureTrend(_ path: String, binary: String, folder: String) throws {
        let bench = Bundle.main.executablePath ?? CommandLine.arguments[0]
        // Checkpoints warm (as in any session after the first): only the trend's own cache varies.
        _ = try child(bench, ["--start", path])
        let start = try child(bench, ["--start", path])
        removeTrendCaches(path)
        let trendCold = try timed(bench, ["--trend", path])
        let trendWarm = try timed(bench, ["--trend", path])
        removeTrendCaches(path)
        let cold = try timed(bench, ["--dashboard", path])
        var warm: [(Double, Double)] = []
        for _ in 0..<5 { warm.append(try timed(bench, ["--dashboard", path])) }
        let whole = try timed(bench, ["--dashboard-whole", path])
        print(String(format: "  TUI start-up alone (warm checkpoints; what the visits below start from): %.0f ms, RSS %.0f MB", start.0, start.1))
        print(String(format: "  store trend alone, cold (every journal read and folded, one at a time): %.0f ms, RSS %.0f MB",
                     trendCold.0, trendCold.1))
        print(String(format: "  store trend alone, warm (the 57 caches, no journal byte): %.1f ms", trendWarm.0))
        print(String(format: "  Dashboard first visit, cold (no .trend cache): %.0f ms; process RSS %.0f MB", cold.0, cold.1))
        print(String(format: "  Dashboard first visit, warm: median %.1f ms (min %.1f, max %.1f); process RSS %.0f MB",
                     median(warm.map(\.0)), warm.map(\.0).min()!, warm.map(\.0).max()!, warm.map(\.1).max()!))
        print(String(format: "  before (whole history loaded, then folded): %.0f ms; process RSS %.0f MB → warm is %.0f× faster",
                     whole.0, whole.1, whole.0 / median(warm.map(\.0))))

        let out = folder + "/scale-trend-export.html"
        removeTrendCaches(path)
        let htmlCold = try child(binary, ["export", "--format", "html", "--store", path, "--output", out])
        var html: [(Double, Double)] = []
        for _ in 0..<3 { html.append(try child(binary, ["export", "--format", "html", "--store", path, "--output", out])) }
        let htmlWhole = try child(bench, ["--html-whole", path, out])
        print(String(format: "  export --format html (whole process): cold %.0f ms, RSS %.0f MB; warm best %.0f ms, RSS %.0f MB",
                     htmlCold.0, htmlCold.1, html.map(\.0).min()!, html.map(\.1).max()!))
        print(String(format: "  before (the same report, its trend folded from the whole history in memory; whole process): %.0f ms, RSS %.0f MB",
                     htmlWhole.0, htmlWhole.1))
    }

    /// A child that prints its own milliseconds (the part it times, not its start-up), with its peak RSS.
    static func timed(_ path: String, _ arguments: [String]) throws -> (Double, Double) {
        let (_, rss) = try child(path, arguments)
        let output = (try? String(contentsOfFile: "/tmp/actionplan-bench-child.out", encoding: .utf8)) ?? ""
        guard let ms = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkFailure(message: "\(arguments.joined(separator: " ")) failed: \(output)")
        }
        return (ms, rss)
    }

    /// Removes the `.trend` caches only (the checkpoints stay).
    static func removeTrendCaches(_ path: String) {
        let folder = path + "/.checkpoints"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".trend") {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    // MARK: - The children

    /// `actionplan-bench --dashboard STORE`: a TUI session started as usual (recent history), then the
    /// first visit to the Dashboard with its effects run as the loop runs them; prints that visit's
    /// milliseconds. `--dashboard-whole`: the same visit the old way, the whole history loaded first.
    static func dashboard(_ path: String, whole: Bool) -> Never {
        let clock = ContinuousClock()
        do {
            let store = try Store.open(path: path, create: false)
            let loaded = try store.load(history: .recent)
            var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "bench"))
            let runner = EffectRunner(store: store, author: "bench", loaded: loaded, exporter: ExportRunner(store: store, home: nil))
            _ = update(&state, .resize(size))
            for command in runner.tick() { _ = update(&state, command) }
            _ = render(state, size: size)
            let started = clock.now
            // The old way: every event loaded into the session (as the removed `.loadHistory` of the whole
            // store did), then the trend folded in memory.
            if whole { _ = update(&state, .storeReloaded(try store.load(history: .complete).tracker)) }
            // ACTIONPLAN_BENCH_PHASES=1: where the time goes (update, effects, render), on stderr.
            var phases: [String] = []
            var mark = clock.now
            func phase(_ name: String) {
                phases.append(String(format: "%@ %.2f ms", name, Timing.milliseconds(clock.now - mark)))
                mark = clock.now
            }
            var pending = update(&state, .switchScreen(.dashboard))
            let asked = state.trend.pending
            phase("update")
            while let effect = pending.first {
                pending.removeFirst()
                if case .commands(let commands) = runner.perform(effect) {
                    phase("effect")
                    for command in commands { pending += update(&state, command) }
                    phase("update")
                }
            }
            _ = render(state, size: size)
            phase("render")
            if ProcessInfo.processInfo.environment["ACTIONPLAN_BENCH_PHASES"] != nil {
                // The same again: what is left once the first render's one-time costs are paid.
                mark = clock.now
                if let asked { _ = runner.perform(.loadTrend(asked)) }
                phase("effect again")
                _ = render(state, size: size)
                phase("render again")
                // ACTIONPLAN_BENCH_LOOP=N: N times more, for a profiler (perf record) to see the visit alone.
                for _ in 0..<(Int(ProcessInfo.processInfo.environment["ACTIONPLAN_BENCH_LOOP"] ?? "0") ?? 0) {
                    if let asked { _ = runner.perform(.loadTrend(asked)) }
                    _ = render(state, size: size)
                }
                FileHandle.standardError.write(Data((phases.joined(separator: ", ") + "\n").utf8))
            }
            guard state.trend.series != nil else { print("error: no trend"); exit(1) }
            print(Timing.milliseconds(clock.now - started))
        } catch {
            print("error: \(error)")
            exit(1)
        }
        exit(0)
    }

    /// `actionplan-bench --html-whole STORE OUT`: `export --format html` as it was before the store folded
    /// the trend: the whole history loaded, the trend folded from it in memory.
    static func htmlWhole(_ path: String, out: String) -> Never {
        do {
            let store = try Store.open(path: path, create: false)
            let loaded = try store.load(history: .complete)
            let export = StatusExport(format: .html, scope: ExportScope(includePartners: loaded.tracker.settings.includePartners))
            let output = export.run(on: loaded.tracker, storeFormat: loaded.manifest.format, now: Timestamp(date: Date()))
            try Data(output.bytes).write(to: URL(fileURLWithPath: out))
        } catch {
            print("error: \(error)")
            exit(1)
        }
        exit(0)
    }

    /// `actionplan-bench --trend STORE`: the store's trend of every State alone (catalog read, then the
    /// journals one at a time); prints its milliseconds.
    static func trend(_ path: String) -> Never {
        let clock = ContinuousClock()
        do {
            let store = try Store.open(path: path, create: false)
            let tracker = try store.load(states: [], history: .recent).tracker
            let started = clock.now
            _ = try store.trend(states: tracker.states().map(\.code), pillars: tracker.catalog.pillars,
                                through: Timestamp(date: Date()), months: DashboardTrend.months)
            print(Timing.milliseconds(clock.now - started))
        } catch {
            print("error: \(error)")
            exit(1)
        }
        exit(0)
    }
}
