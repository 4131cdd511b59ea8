import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore
import TrackerApp
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// Start-up, reload and memory against the length of the history (issue 10), on two fictional stores:
/// 57 States × 5,000 events (285,000) and 57 × 20,000 (1,140,000), each event based on its action's head.
///
/// Every figure is printed beside its peer where one exists: the old whole read beside the checkpoint
/// read, `set` on the large store beside `set` on an empty one, `export --format csv` beside the Python
/// baseline. Whole processes are the built `actionplan` binary, timed with their peak RSS (`wait4`).
enum ScaleBenchmark {
    static let size = TUIBenchmark.size

    static func run(binary: String, folder: String, eventsPerState: [Int] = [5_000, 20_000], trendOnly: Bool = false) {
        print("load average at the start: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " "))
        for perState in eventsPerState {
            let path = folder + "/scale-\(perState)"
            let built = ensureStore(path, eventsPerState: perState)
            print("scale: 57 fictional States × \(perState) events = \(57 * perState) events"
                  + (built.map { String(format: " (built in %.1f s)", $0) } ?? " (existing store)"))
            if !trendOnly {
                do { try measure(path, binary: binary, folder: folder) } catch { print("  error: \(error)") }
            }
            do { try measureTrend(path, binary: binary, folder: folder) } catch { print("  error: \(error)") }
        }
    }

    static func measure(_ path: String, binary: String, folder: String) throws {
        let store = try Store.open(path: path, create: false)
        let bench = Bundle.main.executablePath ?? CommandLine.arguments[0]
        // Start-up to first frame, in a fresh process each time (as the TUI starts), with its peak RSS.
        store.removeCheckpoints()
        let cold = try child(bench, ["--start", path])
        var warm: [(Double, Double)] = []
        var warmCPU: [Double] = []
        for _ in 0..<5 {
            let run = try childProcess(bench, ["--start", path])
            warm.append((run.ms, run.rss))
            warmCPU.append(run.cpu)
        }
        let whole = try child(bench, ["--start-whole", path])
        print(String(format: "  start-up → first frame, cold (no checkpoints): %.0f ms, RSS %.0f MB", cold.0, cold.1))
        print(String(format: "  start-up → first frame, warm: median %.1f ms (min %.1f, max %.1f), RSS %.0f MB; CPU (user + sys) median %.0f ms",
                      median(warm.map(\.0)), warm.map(\.0).min()!, warm.map(\.0).max()!, warm.map(\.1).max()!, median(warmCPU)))
        print(String(format: "  before (whole read of every journal): %.0f ms, RSS %.0f MB  → warm is %.0f× faster",
                      whole.0, whole.1, whole.0 / median(warm.map(\.0))))

        // Reload after one external event, as the TUI sees it: reload + update + render.
        let loaded = try store.load(history: .recent)
        var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "bench"))
        _ = update(&state, .resize(size))
        _ = render(state, size: size)
        let runner = EffectRunner(store: store, author: "bench", loaded: loaded,
                                  exporter: ExportRunner(store: store, home: nil))
        let colleague = try Store.open(path: path, create: false)
        var reload = Timing()
        var bytes: [Int] = []
        for k in 0..<7 {
            let action = loaded.tracker.catalog.trackableActions[k * 7].id
            let code = "X" + String("ABCDEFG".map { $0 }[k])
            let heads = try colleague.readJournal(code, history: .recent).0.headIDs(of: action)
            try colleague.append([ChangeEvent(id: EventID.make(), time: Timestamp(date: Date()), author: "colleague", state: code,
                                              action: action, base: heads, status: Status.allCases[k % 6])])
            store.meter.reset()
            reload.measure {
                for command in runner.tick() { _ = update(&state, command) }
                _ = render(state, size: size)
            }
            bytes.append(store.meter.bytes)
        }
        print("  reload after one external event (reload + update + render): \(reload.summary); journal bytes read: \(Set(bytes).sorted())")

        // Keystrokes, effects run as the loop runs them.
        func press(_ command: Command) -> Double {
            var one = Timing()
            one.measure {
                var pending = update(&state, command)
                while let effect = pending.first {
                    pending.removeFirst()
                    if case .commands(let commands) = runner.perform(effect) {
                        for command in commands { pending += update(&state, command) }
                    }
                }
                _ = render(state, size: size)
            }
            return one.samples[0]
        }
        var keys = Timing()
        var history = 0.0
        var slowest = (label: "", ms: 0.0)
        for (_, key) in TUIBenchmark.keys {
            let ms = press(.key(key))
            keys.record(ms)
            if state.screen == .history, history == 0 { history = ms }
            if ms > slowest.ms { slowest = ("\(key) → \(state.screen.title)", ms) }
        }
        print(String(format: "  keystrokes (update + effects + render): p50 %.2f ms, p99 %.2f ms (n=%d, the first visit to History included)",
                     keys.percentile(0.5), keys.percentile(0.99), keys.samples.count))
        print(String(format: "  slowest key: %@ (%.2f ms)", slowest.label, slowest.ms))
        print(String(format: "  first visit to History (its first page, from the events in memory): %.2f ms", history))
        _ = press(.switchScreen(.history))
        let older = press(.bottom)
        let second = press(.bottom)
        print(String(format: "  History scrolled past what memory holds (one page read from the journals' ends): %.1f ms, the next page %.1f ms",
                     older, second))
        _ = press(.switchScreen(.history))
        let filtered = press(.openFilter)
        var form = Timing()
        form.measure {
            for key in [Key.tab] + "AP03-IV-2-a".map({ Key.character($0) }) + [Key.enter] {
                var pending = update(&state, .key(key))
                while let effect = pending.first {
                    pending.removeFirst()
                    if case .commands(let commands) = runner.perform(effect) { for command in commands { pending += update(&state, command) } }
                }
            }
            _ = render(state, size: size)
        }
        print(String(format: "  History filtered by action (typing the filter + its first page, read from the journals' ends): %.1f ms (%d rows, filter: %@)",
                     filtered + form.samples[0], state.history.rows.count, state.history.filter.summary))

        // History scrolled a screen at a time as a reader does, the loop idle between keys (it then
        // reads the next page ahead, `.idle`): the keys alone are timed, the idle reads beside them.
        var reader = AppState(tracker: state.tracker, options: AppOptions(storeName: "bench"))
        _ = update(&reader, .resize(size))
        func run(_ effects: [Effect]) {
            var pending = effects
            while let effect = pending.first {
                pending.removeFirst()
                if case .commands(let commands) = runner.perform(effect) { for command in commands { pending += update(&reader, command) } }
            }
        }
        run(update(&reader, .switchScreen(.history)))
        var scrollKeys = Timing(), idleReads = Timing()
        for _ in 0..<30 {
            let ahead = update(&reader, .idle)
            if !ahead.isEmpty { idleReads.measure { run(ahead) } }
            var one = Timing()
            one.measure {
                run(update(&reader, .key(.pageDown)))
                _ = render(reader, size: size)
            }
            scrollKeys.record(one.samples[0])
        }
        print(String(format: "  History scrolled with PgDn ×30, idle between keys (pages read ahead): keys p50 %.2f ms, p99 %.2f ms; %d reads while idle, median %.1f ms; %d rows",
                     scrollKeys.percentile(0.5), scrollKeys.percentile(0.99), idleReads.samples.count,
                     idleReads.samples.isEmpty ? 0 : idleReads.percentile(0.5), reader.history.rows.count))

        // Whole processes: `set` against an empty store, `export --format csv` against Python.
        let empty = folder + "/scale-empty"
        if !FileManager.default.fileExists(atPath: empty + "/store.json") {
            _ = try Store.open(path: empty, create: true)
            try Data(ExportBenchmark.fictionalStates().utf8).write(to: URL(fileURLWithPath: empty + "/states.json"))
        }
        // `set` fsyncs its journal; with the megabytes of checkpoints and exports the steps above left
        // unwritten, that fsync would also wait for them (ext4 commits its journal with them). Flush them
        // first, so each `set` pays for its own write, as on a machine at rest. 11 pairs, medians.
        sync()
        var setLarge: [Double] = [], setEmpty: [Double] = []
        for k in 0..<11 {
            let status = ["implemented", "in-progress"][k % 2]
            setLarge.append(try child(binary, ["set", "XC", "AP03-IV-1-a", status, "--by", "bench", "--store", path]).0)
            setEmpty.append(try child(binary, ["set", "XC", "AP03-IV-1-a", status, "--by", "bench", "--store", empty]).0)
        }
        print(String(format: "  set (whole process, 11 each, alternating): median %.1f ms on this store, %.1f ms on an empty store (+%.1f ms, %.2f×)",
                     median(setLarge), median(setEmpty), median(setLarge) - median(setEmpty), median(setLarge) / median(setEmpty)))
        // History and the change report, whole processes, against the same command on the empty store.
        for arguments in [["history", "--limit", "50"], ["changes", "--from", "2020-06-01", "--to", "2020-06-30"],
                          ["changes", "--from", String(lastDay(path))]] {
            var large: [Double] = [], small: [Double] = []
            for _ in 0..<3 {
                large.append(try child(binary, arguments + ["--store", path]).0)
                small.append(try child(binary, arguments + ["--store", empty]).0)
            }
            print(String(format: "  %@ (whole process): median %.1f ms on this store, %.1f ms on an empty store (%.2f×)",
                         arguments.joined(separator: " "), median(large), median(small), median(large) / median(small)))
        }
        let out = folder + "/scale-export.csv"
        var export: [(Double, Double)] = []
        for _ in 0..<3 { export.append(try child(binary, ["export", "--format", "csv", "--store", path, "--output", out])) }
        let python = (0..<3).compactMap { _ in pythonWall(path, out: folder) }.min()
        let best = export.map(\.0).min()!
        print(String(format: "  export --format csv (whole process): best %.0f ms, RSS %.0f MB", best, export.map(\.1).max()!)
              + (python.map { String(format: "; Python json+csv (whole process): %.0f ms → %.1f× faster", $0, $0 / best) } ?? "; Python not run"))
        let summary = try child(binary, ["summary", "--store", path])
        print(String(format: "  summary (whole process): %.0f ms, RSS %.0f MB", summary.0, summary.1))
    }

    // MARK: - The start-up child

    /// `actionplan-bench --start STORE`: what the TUI does before its first frame (load, state, render),
    /// then prints the milliseconds; the parent reads the child's peak RSS.
    static func start(_ path: String, history: HistoryDepth) -> Never {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let store = try Store.open(path: path, create: false)
            let loaded = try store.load(history: history)
            let read = clock.now
            var state = AppState(tracker: loaded.tracker, options: AppOptions(storeName: "bench"))
            _ = update(&state, .resize(size))
            _ = render(state, size: size)
            // ACTIONPLAN_BENCH_PHASES=1: where the time goes (store read, then state + first frame), on stderr.
            if ProcessInfo.processInfo.environment["ACTIONPLAN_BENCH_PHASES"] != nil {
                FileHandle.standardError.write(Data(String(format: "read %.1f ms, state + frame %.1f ms\n",
                    Timing.milliseconds(read - started), Timing.milliseconds(clock.now - read)).utf8))
            }
        } catch {
            print("error: \(error)")
            exit(1)
        }
        print(Timing.milliseconds(clock.now - started))
        exit(0)
    }

    // MARK: - Processes

    /// Runs a process to its end; its wall time in ms and its peak RSS in MB.
    ///
    /// The RSS comes from GNU time (`/usr/bin/time -f %M`) rather than our own `wait4`: a child started
    /// with `posix_spawn` (vfork) inherits the parent's peak RSS in `ru_maxrss` on Linux, so the
    /// benchmark's own memory would be reported as the child's.
    static func child(_ path: String, _ arguments: [String]) throws -> (Double, Double) {
        let run = try childProcess(path, arguments)
        return (run.ms, run.rss)
    }

    /// The same, with the CPU time (user + sys, ms) of the child (GNU time's own share is a millisecond or two).
    static func childProcess(_ path: String, _ arguments: [String]) throws -> (ms: Double, rss: Double, cpu: Double) {
        var pid: pid_t = 0
        let rssFile = "/tmp/actionplan-bench-child.rss"
        let argv = (["/usr/bin/time", "-f", "%M", "-o", rssFile, path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/tmp/actionplan-bench-child.out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let clock = ContinuousClock()
        let started = clock.now
        guard posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, environ) == 0 else {
            throw BenchmarkFailure(message: "cannot start \(path)")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let wall = Timing.milliseconds(clock.now - started)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        _ = status
        let output = (try? String(contentsOfFile: "/tmp/actionplan-bench-child.out", encoding: .utf8)) ?? ""
        let rssText = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? ""
        let rss = (Double(rssText.split(separator: "\n").last.map(String.init) ?? "") ?? 0) / 1024
        if arguments.first?.hasPrefix("--start") == true {
            guard let ms = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw BenchmarkFailure(message: "start-up child failed: \(output)")
            }
            return (ms, rss, cpu)
        }
        return (wall, rss, cpu)
    }

    /// The Python baseline as a whole process (interpreter start-up included), in ms.
    static func pythonWall(_ store: String, out: String) -> Double? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        return try? child("/usr/bin/python3", [here.appendingPathComponent("export_baseline.py").path, store,
                                              root.appendingPathComponent("Resources/catalog.json").path,
                                              root.appendingPathComponent("Resources/states.json").path, out]).0
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// The day of the newest event of the store's first journal (`changes --from` that day: a short window at the end).
    static func lastDay(_ path: String) -> Substring {
        guard let store = try? Store.open(path: path, create: false), let page = try? store.newestChanges(limit: 1).first else { return "2020-01-01" }
        return page.event.time.description.prefix(10)
    }

    // MARK: - The stores

    /// Builds the store if it is missing: every event based on its action's head (store format 2), a
    /// third with a note, a fifth with evidence, fixed seed. Returns the seconds it took, or nil.
    static func ensureStore(_ path: String, eventsPerState: Int) -> Double? {
        guard !FileManager.default.fileExists(atPath: path + "/store.json") else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let store = try Store.open(path: path, create: true)
            try Data(ExportBenchmark.fictionalStates().utf8).write(to: URL(fileURLWithPath: path + "/states.json"))
            let tracker = try store.load().tracker
            let actions = tracker.catalog.trackableActions.map(\.id)
            var random = ExportBenchmark.Random(seed: 2026)
            for state in tracker.states(includingPartners: false) {
                var time = Timestamp.day("2020-01-01")!
                var heads: [String: String] = [:]
                var events: [ChangeEvent] = []
                events.reserveCapacity(eventsPerState)
                for i in 0..<eventsPerState {
                    time = time.adding(milliseconds: Int64(1 + random.next(below: 600_000)))
                    let action = actions[random.next(below: actions.count)]
                    let id = String(format: "%@-%07d", state.code, i)
                    events.append(ChangeEvent(id: id, time: time, author: "bench-\(random.next(below: 7))", state: state.code,
                                              action: action, base: heads[action].map { [$0] } ?? [],
                                              status: Status.allCases[random.next(below: Status.allCases.count)],
                                              note: random.next(below: 3) == 0 ? "Synthetic note \(i), with a comma and \"quotes\"" : nil,
                                              evidenceAdded: random.next(below: 5) == 0 ? ["DOC/\(i)"] : nil))
                    heads[action] = id
                }
                try store.append(events)
            }
        } catch {
            fatalError("scale benchmark: cannot build the store: \(error)")
        }
        return Timing.milliseconds(clock.now - started) / 1000
    }
}
