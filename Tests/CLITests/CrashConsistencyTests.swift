import Testing
import Foundation

/// kill -9 of `set` at random moments: every event that `set` acknowledged (printed) is in the journal,
/// and the store validates clean (no torn or half-written line, whatever the moment of the kill).
@Suite("CLI: crash consistency")
struct CrashConsistencyTests {
    static let trials = 240
    static let parallel = 4

    @Test("240 trials of kill -9 during set: every acknowledged event present, validate clean")
    func killDuringSet() async throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        // How long one `set` takes here, so the kills are spread over its whole life (start, load, append, print).
        let clock = ContinuousClock()
        let started = clock.now
        for i in 0..<3 { _ = try cli.run("set", "XB", "AP03-III-1-a", i % 2 == 0 ? "implemented" : "in-progress") }
        let typical = max(0.005, (clock.now - started).seconds / 3)

        let actions = ["AP03-III-1-a", "AP03-III-1-b", "AP03-III-1-c", "AP03-III-1-d"]
        var acknowledged: [String] = []
        var killedEarly = 0, finished = 0
        var generator = SystemRandomNumberGenerator()
        // The kill window adapts to the machine's load: wider when a whole batch died before finishing,
        // narrower when a whole batch finished, so both kinds of trial keep happening.
        var window = typical * 1.5
        for batch in stride(from: 0, to: Self.trials, by: Self.parallel) {
            let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for trial in batch..<min(batch + Self.parallel, Self.trials) {
                    let delay = Double.random(in: 0...window, using: &generator)
                    group.addTask {
                        try Self.killedSet(cli: cli, arguments: ["set", "XA", actions[trial % 4], "in-progress", "--note", "trial \(trial)"],
                                           after: delay)
                    }
                }
                var all: [Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            for outcome in outcomes {
                if let id = outcome.acknowledgedID { acknowledged.append(id) }
                if outcome.exitedNormally { finished += 1 } else { killedEarly += 1 }
            }
            if outcomes.allSatisfy({ $0.acknowledgedID == nil }) { window *= 1.3 }
            if outcomes.allSatisfy({ $0.exitedNormally }) { window /= 1.3 }
        }
        // The trials must really have hit both sides: some kills before the acknowledgement, some after.
        #expect(killedEarly >= 20, "only \(killedEarly) of \(Self.trials) were killed before finishing (\(finished) finished)")
        #expect(acknowledged.count >= 20, "only \(acknowledged.count) events were acknowledged")

        let history = try cli.run("history", "XA", "--format", "json")
        #expect(history.status == 0, "\(history.stderr)")
        let recorded = Set((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let missing = acknowledged.filter { !recorded.contains($0) }
        #expect(missing.isEmpty, "acknowledged but missing: \(missing)")
        let validate = try cli.run("validate")
        #expect(validate.status == 0, "validate after \(Self.trials) kills:\n\(validate.stdout)")
    }

    struct Outcome: Sendable {
        var acknowledgedID: String?
        var exitedNormally: Bool
    }

    /// Runs `actionplan` and sends SIGKILL after `delay` seconds; what it printed before dying counts.
    static func killedSet(cli: CLIRunner, arguments: [String], after delay: Double) throws -> Outcome {
        let outPath = NSTemporaryDirectory() + "crash-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        process.environment = cli.environment
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let printed = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        // "XA AP03-III-1-a: … (by cli-test, event 3f0c…)": the id after "event ".
        let id = printed.range(of: ", event ").map { String(printed[$0.upperBound...].prefix { $0 != ")" }) }
        return Outcome(acknowledgedID: id, exitedNormally: process.terminationReason == .exit)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
