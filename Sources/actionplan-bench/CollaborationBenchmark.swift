import Foundation
import ActionPlanModel
import ActionPlanStore

/// What causal history costs (docs/performance.md, "Collaboration"): the causal fold against the
/// (time, id) fold it replaced, `set` as a whole process on a short and a long journal, and `sync`
/// of two clones with 10,000 new events each. Every State is fictional.
enum CollaborationBenchmark {
    static func run(binary: String) {
        print("== Collaboration ==")
        fold()
        do {
            try setProcess(binary: binary)
            try sync(binary: binary)
        } catch {
            print("collaboration benchmark failed: \(error)")
        }
    }

    // MARK: - The fold

    /// `Journal.init` as it was before causal history (commit bc21cd4), line for line: check the order,
    /// sort by (time, id) if needed, apply in order.
    static func formerJournalFold(_ events: [ChangeEvent]) -> [String: Assessment] {
        let isSorted = zip(events, events.dropFirst()).allSatisfy { !ChangeEvent.foldOrder($1, $0) }
        let sorted: [ChangeEvent]
        if isSorted {
            sorted = events
        } else {
            let order = events.indices.sorted { a, b in
                let x = events[a], y = events[b]
                return x.time != y.time ? x.time < y.time : x.id < y.id
            }
            sorted = order.map { events[$0] }
        }
        var result: [String: Assessment] = [:]
        for event in sorted { result[event.action, default: .unassessed].apply(event) }
        return result
    }

    /// The leanest (time, id) fold we could write: sort indices, apply in order; a lower bound.
    static func timeOrderFold(_ events: [ChangeEvent]) -> [String: Assessment] {
        let order = events.indices.sorted { a, b in
            events[a].time != events[b].time ? events[a].time < events[b].time : events[a].id < events[b].id
        }
        var result: [String: Assessment] = [:]
        for i in order { result[events[i].action, default: .unassessed].apply(events[i]) }
        return result
    }

    /// 68 × 105 × 20 = 142,800 events, as the TUI benchmark's store; once without base (a format-1
    /// store) and once with each event based on the one before it (what format 2 writes).
    static func fold() {
        let actions = (0..<105).map { "ACT-\($0)" }
        let start = Timestamp.day("2024-01-01")!
        var legacy: [[ChangeEvent]] = []
        var based: [[ChangeEvent]] = []
        var random = SplitMix64(seed: 7)
        for state in 0..<68 {
            var plain: [ChangeEvent] = [], chained: [ChangeEvent] = []
            var heads: [String: String] = [:]
            for change in 0..<20 {
                for (a, action) in actions.enumerated() {
                    let id = String(format: "e-%02d-%03d-%02d", state, a, change)
                    let time = start.adding(milliseconds: Int64((change * 105 + a) * 60_000))
                    let status = Status.allCases[Int(random.next() % 6)]
                    plain.append(ChangeEvent(id: id, time: time, author: "bench", state: "S\(state)", action: action, status: status))
                    chained.append(ChangeEvent(id: id, time: time, author: "bench", state: "S\(state)", action: action,
                                               base: heads[action].map { [$0] } ?? [], status: status))
                    heads[action] = id
                }
            }
            legacy.append(plain)
            based.append(chained)
        }
        let total = legacy.reduce(0) { $0 + $1.count }
        var former = Timing(), lean = Timing(), causalLegacy = Timing(), causalBased = Timing()
        var check = 0
        for _ in 0..<15 {
            former.measure { for events in legacy { check &+= formerJournalFold(events).count } }
            lean.measure { for events in legacy { check &+= timeOrderFold(events).count } }
            causalLegacy.measure { for events in legacy { check &+= Journal(state: "S", events: events).current.count } }
            causalBased.measure { for events in based { check &+= Journal(state: "S", events: events).current.count } }
        }
        let base = former.percentile(0.5)
        print("fold of \(total) events in 68 journals (median of 15, interleaved):")
        print(String(format: "  Journal before causal history (bc21cd4)      %8.1f ms", base))
        print(String(format: "  leanest (time, id) fold (a lower bound)      %8.1f ms  (%.2f×)", lean.percentile(0.5), lean.percentile(0.5) / base))
        print(String(format: "  causal fold, events without base (format 1)  %8.1f ms  (%.2f×)", causalLegacy.percentile(0.5), causalLegacy.percentile(0.5) / base))
        print(String(format: "  causal fold, events with base (format 2)     %8.1f ms  (%.2f×)", causalBased.percentile(0.5), causalBased.percentile(0.5) / base))
        if check == 42 { print("") }
    }

    // MARK: - set, as a whole process

    static func fictionalStates(_ codes: [String]) -> String {
        "[" + codes.map { "{\"code\":\"\($0)\",\"iso3\":\"\($0)X\",\"name\":\"Fiction \($0)\",\"kind\":\"participating\",\"group\":\"fiction\"}" }
            .joined(separator: ",") + "]"
    }

    static func setProcess(binary: String) throws {
        let folder = NSTemporaryDirectory() + "actionplan-bench-set-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.open(path: folder, create: true)
        try FileIO.writeAtomically(Data(fictionalStates(["XA", "XB"]).utf8), to: folder + "/states.json")
        let catalog = try store.load().tracker.catalog
        let actions = catalog.trackableActions.map(\.id)
        func history(_ code: String, _ count: Int) throws {
            var heads: [String: String] = [:]
            var batch: [ChangeEvent] = []
            let start = Timestamp.day("2020-01-01")!
            for n in 0..<count {
                let action = actions[n % actions.count]
                let id = "\(code)-\(n)"
                batch.append(ChangeEvent(id: id, time: start.adding(milliseconds: Int64(n) * 60_000), author: "bench",
                                         state: code, action: action, base: heads[action].map { [$0] } ?? [],
                                         status: Status.allCases[n % 6], note: n % 3 == 0 ? "Synthetic note \(n)" : nil))
                heads[action] = id
                if batch.count == 10_000 { try store.append(batch); batch = [] }
            }
            try store.append(batch)
        }
        try history("XA", 10)
        try history("XB", 100_000)
        var short = Timing(), long = Timing()
        let statuses = ["in-progress", "implemented"]
        for n in 0..<20 {
            for (code, timing) in [("XA", 0), ("XB", 1)] {
                let clock = ContinuousClock()
                let elapsed = try clock.measure {
                    try runQuiet(binary, ["set", code, actions[7], statuses[n % 2], "--store", folder, "--by", "bench"])
                }
                if timing == 0 { short.record(Timing.milliseconds(elapsed)) } else { long.record(Timing.milliseconds(elapsed)) }
            }
        }
        print("`set` as a whole process (only that State's journal is read):")
        print("  State with 10 events of history        " + short.summary)
        print("  State with 100,000 events of history   " + long.summary)
    }

    // MARK: - sync

    static func sync(binary: String) throws {
        let root = NSTemporaryDirectory() + "actionplan-bench-sync-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try runQuiet("/usr/bin/env", ["git", "init", "-q", "--bare", root + "/hub.git"])
        try runQuiet("/usr/bin/env", ["git", "clone", "-q", root + "/hub.git", root + "/a"])
        let a = try Store.open(path: root + "/a", create: true)
        try FileIO.writeAtomically(Data(fictionalStates(["XA", "XB", "XC"]).utf8), to: root + "/a/states.json")
        try runQuiet(binary, ["sync", "--store", root + "/a", "--by", "a"])
        try runQuiet("/usr/bin/env", ["git", "clone", "-q", root + "/hub.git", root + "/b"])
        let b = try Store.open(path: root + "/b", create: false)
        let actions = try a.load().tracker.catalog.trackableActions.map(\.id)
        for (store, office) in [(a, "a"), (b, "b")] {
            var events: [ChangeEvent] = []
            var heads: [String: String] = [:]
            for n in 0..<10_000 {
                let code = ["XA", "XB", "XC"][n % 3]
                let key = code + actions[n % actions.count]
                let id = "\(office)-\(n)"
                events.append(ChangeEvent(id: id, time: Timestamp.day("2026-01-01")!.adding(milliseconds: Int64(n)), author: office,
                                          state: code, action: actions[n % actions.count], base: heads[key].map { [$0] } ?? [],
                                          status: Status.allCases[(n + (office == "a" ? 1 : 2)) % 6]))
                heads[key] = id
            }
            try store.append(events)
        }
        var timings: [(String, Double)] = []
        for (label, folder) in [("clone A sends 10,000", "a"), ("clone B sends 10,000, receives 10,000", "b"), ("clone A receives 10,000", "a")] {
            let clock = ContinuousClock()
            let elapsed = try clock.measure { try runQuiet(binary, ["sync", "--store", root + "/" + folder, "--by", folder]) }
            timings.append((label, Timing.milliseconds(elapsed)))
        }
        let conflicts = try b.load().tracker.conflicts().count
        print("`sync` of two clones with 10,000 new events each (whole process):")
        for (label, ms) in timings { print(String(format: "  %-40@ %8.0f ms", label as NSString, ms)) }
        print("  open conflicts afterwards: \(conflicts) (both offices changed the same 315 actions)")
    }

    static func runQuiet(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure(message: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}
