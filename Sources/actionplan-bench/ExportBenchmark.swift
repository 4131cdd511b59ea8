import Foundation
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport

/// Exporting every State with its history, against a plain Python script doing the same over the same files.
///
/// The work measured on both sides: read the store (every journal), fold it, write the CSV of every
/// participating State × trackable action, and write the change report of the whole history as CSV.
/// Each side runs three times and the best time counts, so a cold page cache does not decide the ratio.
enum ExportBenchmark {
    struct Figures {
        var events: Int
        var swiftSeconds: Double
        var pythonSeconds: Double?
        var ratio: Double? { pythonSeconds.map { $0 / swiftSeconds } }
    }

    /// Runs the comparison on the store at `storePath` (built with synthetic data if it does not exist) and prints it.
    @discardableResult
    static func run(storePath: String, eventsPerState: Int = 5_000, rounds: Int = 3) -> Figures {
        ensureStore(storePath, eventsPerState: eventsPerState)
        let out = NSTemporaryDirectory() + "actionplan-export-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        var events = 0
        var best = Double.infinity
        var bestPhases: [(String, Double)] = []
        for _ in 0..<rounds {
            var phases: [(String, Double)] = []
            let started = DispatchTime.now().uptimeNanoseconds
            events = exportEverything(storePath, to: out, phases: &phases)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds < best { best = seconds; bestPhases = phases }
        }
        let python = (0..<rounds).compactMap { _ in runPython(storePath, out: out) }.min()
        let figures = Figures(events: events, swiftSeconds: best, pythonSeconds: python)
        print("export: all States with history, \(events) events")
        print(String(format: "  actionplan (Swift): %.3f s (", best)
            + bestPhases.map { String(format: "%@ %.3f", $0.0, $0.1) }.joined(separator: ", ") + ")")
        if let python, let ratio = figures.ratio {
            print(String(format: "  Python json+csv:    %.3f s", python))
            print(String(format: "  ratio Python/Swift: %.2fx (%@)", ratio, ratio > 1 ? "Swift faster" : "Swift SLOWER"))
            let same = FileManager.default.contentsEqual(atPath: out + "/statuses.csv", andPath: out + "/statuses-py.csv")
                && FileManager.default.contentsEqual(atPath: out + "/changes.csv", andPath: out + "/changes-py.csv")
            print("  outputs identical: \(same ? "yes" : "NO")")
        } else {
            print("  Python baseline: not run (python3 missing or failed)")
        }
        return figures
    }

    /// What `actionplan export --format csv` plus `actionplan changes --format csv` do, in one process.
    static func exportEverything(_ storePath: String, to out: String, phases: inout [(String, Double)]) -> Int {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            phases.append((name, Double(now - clock) / 1e9))
            clock = now
        }
        do {
            let loaded = try Store.open(path: storePath, create: false).load()
            lap("load store")
            let snapshot = StatusSnapshot(tracker: loaded.tracker, scope: ExportScope(), asOf: nil, changesFrom: nil,
                                          generatedAt: Timestamp(date: Date()), storeFormat: loaded.manifest.format,
                                          withChanges: false)
            lap("snapshot")
            try FileIO.writeAtomically(Data(StatusCSV.write(snapshot)), to: out + "/statuses.csv")
            lap("statuses CSV")
            let report = ChangeReport(tracker: loaded.tracker, states: snapshot.states.map(\.participant), from: nil, to: nil)
            lap("change report")
            try FileIO.writeAtomically(Data(ChangeReportFiles.csv(report)), to: out + "/changes.csv")
            lap("changes CSV")
            return loaded.tracker.journals.values.reduce(0) { $0 + $1.events.count }
        } catch {
            fatalError("export benchmark: \(error)")
        }
    }

    /// Seconds reported by `export_baseline.py` (its own timer: interpreter start-up is not counted).
    static func runPython(_ storePath: String, out: String) -> Double? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", here.appendingPathComponent("export_baseline.py").path, storePath,
                             root.appendingPathComponent("Resources/catalog.json").path,
                             root.appendingPathComponent("Resources/states.json").path, out]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["seconds"] as? Double
    }

    /// 57 fictional participating States (as many as the real list has), with codes from XA on that no
    /// country uses (XK, YE, YT, ZA, ZM and ZW are skipped).
    static func fictionalStates() -> String {
        let reserved: Set<String> = ["XK", "YE", "YT", "ZA", "ZM", "ZW"]
        var codes: [String] = []
        for lead in ["X", "Y", "Z"] {
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where codes.count < 57 && !reserved.contains(lead + String(letter)) {
                codes.append(lead + String(letter))
            }
        }
        return "[\n" + codes.map { code in
            "  {\"code\": \"\(code)\", \"iso3\": \"\(code)F\", \"name\": \"Fictionia \(code)\", \"kind\": \"participating\", \"group\": \"fiction\"}"
        }.joined(separator: ",\n") + "\n]\n"
    }

    /// Writes a reproducible random history (fixed seed) for 57 fictional States if the store is missing.
    static func ensureStore(_ storePath: String, eventsPerState: Int) {
        guard !FileManager.default.fileExists(atPath: storePath + "/store.json") else { return }
        do {
            let store = try Store.open(path: storePath, create: true)
            try FileIO.writeAtomically(Data(fictionalStates().utf8), to: storePath + "/states.json")
            let tracker = try store.load().tracker
            let actions = tracker.catalog.trackableActions.map(\.id)
            var random = Random(seed: 2026)
            var time = Timestamp.day("2020-01-01")!
            for state in tracker.states(includingPartners: false) {
                var events: [ChangeEvent] = []
                for i in 0..<eventsPerState {
                    time = time.adding(milliseconds: Int64(random.next(below: 600_000)))
                    let status = Status.allCases[random.next(below: Status.allCases.count)]
                    let note = random.next(below: 3) == 0 ? "Synthetic note \(i), with a comma and \"quotes\"" : nil
                    let evidence = random.next(below: 5) == 0 ? ["DOC/\(i)"] : nil
                    events.append(ChangeEvent(id: String(format: "%@-%06d", state.code, i), time: time,
                                              author: "bench-\(random.next(below: 7))", state: state.code,
                                              action: actions[random.next(below: actions.count)], status: status,
                                              note: note, evidenceAdded: evidence))
                }
                try store.append(events)
            }
        } catch {
            fatalError("export benchmark: cannot build the synthetic store: \(error)")
        }
    }
}

extension ExportBenchmark {
    /// A tiny deterministic generator (SplitMix64), so every run benchmarks the same store.
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }
}
