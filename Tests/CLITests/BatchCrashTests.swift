import Foundation
import Testing

/// An import of all 57 (fictional) States is one batch: whole or nothing under kill -9 and under a
/// write error, and the message says exactly what was written.
@Suite("CLI: an import is all or nothing (kill -9, a full disk)", .serialized)
struct BatchCrashTests {
    /// 57 fictional States (X/Y/Z codes that no country uses).
    static let states: String = {
        let reserved: Set<String> = ["XK", "YE", "YT", "ZA", "ZM", "ZW"]
        var codes: [String] = []
        for lead in ["X", "Y", "Z"] {
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where codes.count < 57 && !reserved.contains(lead + String(letter)) {
                codes.append(lead + String(letter))
            }
        }
        return "[" + codes.map { "{\"code\":\"\($0)\",\"iso3\":\"\($0)X\",\"name\":\"Fiction \($0)\",\"kind\":\"participating\",\"group\":\"fiction\"}" }
            .joined(separator: ",\n") + "]"
    }()

    /// A store of 57 fictional States and a CSV that sets every one of their 5,985 actions.
    func prepared(states scope: [String] = []) throws -> (cli: CLIRunner, csv: String, rows: Int) {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", Self.states)
        let csv = cli.store + "/../all.csv"
        let export = try cli.run(["export", "--format", "csv", "--output", csv] + scope.flatMap { ["--state", $0] })
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let edited = text.replacingOccurrences(of: ",not-assessed,Not assessed,", with: ",implemented,Implemented,")
        try edited.write(toFile: csv, atomically: true, encoding: .utf8)
        return (cli, csv, edited.components(separatedBy: ",implemented,Implemented,").count - 1)
    }

    /// How many actions the store shows as implemented (after any command completed a pending batch).
    /// How many actions `store` shows as implemented, and whether reading it completed an interrupted batch.
    func implemented(_ cli: CLIRunner, store: String) throws -> (count: Int, completed: Bool) {
        let export = try cli.run("export", "--format", "json", "--store", store)
        let json = export.stdout
        let pattern = try NSRegularExpression(pattern: "\"status\"\\s*:\\s*\"implemented\"")
        return (pattern.numberOfMatches(in: json, range: NSRange(json.startIndex..., in: json)),
                export.stderr.contains("completed an interrupted batch"))
    }

    @Test("kill -9 at random moments during an import of all 57 States: each of 20 trials ends with the whole batch or none of it")
    func killDuringImport() throws {
        let (cli, csv, rows) = try prepared()
        defer { cli.cleanUp() }
        #expect(rows == 57 * 105)
        // Calibrate on a copy: how long a whole import takes on this machine.
        let calibration = cli.store + "-calibration"
        try FileManager.default.copyItem(atPath: cli.store, toPath: calibration)
        let clock = ContinuousClock()
        var calibrated: Int32 = -1
        let full = try clock.measure { calibrated = try cli.run("import", csv, "--store", calibration).status }
        #expect(calibrated == 0)
        #expect(try implemented(cli, store: calibration).count == rows)
        let span = Double(full.components.seconds) + Double(full.components.attoseconds) / 1e18
        var random = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for trial in 0..<20 {
            let folder = cli.store + "-trial\(trial)"
            try FileManager.default.copyItem(atPath: cli.store, toPath: folder)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            process.arguments = ["import", csv, "--store", folder, "--by", "importer"]
            process.environment = cli.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Half the trials aim at the end of the run, where the batch is written.
            let fraction = trial % 2 == 0 ? Double.random(in: 0...1.1, using: &random) : Double.random(in: 0.7...1.05, using: &random)
            usleep(UInt32(span * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let (seen, completed) = try implemented(cli, store: folder)
            #expect(seen == 0 || seen == rows, "trial \(trial): \(seen) of \(rows) rows visible after kill -9 at \(Int(fraction * 100))% of the run")
            let validate = try cli.run("validate", "--store", folder)
            #expect(validate.status == 0, "trial \(trial): \(validate.stdout)")
            let pending = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/.pending")) ?? []
            #expect(pending.isEmpty, "trial \(trial): \(pending)")
            outcomes[seen == 0 ? "none" : seen != rows ? "partial" : completed ? "all, completed after the kill" : "all", default: 0] += 1
            try? FileManager.default.removeItem(atPath: folder)
        }
        print("kill -9 during import: \(outcomes)")
    }

    /// Runs an import with a file-size limit (RLIMIT_FSIZE) and SIGXFSZ ignored: writes past the
    /// limit fail with EFBIG, as on a full disk.
    func importWithLimit(_ cli: CLIRunner, csv: String, blocks: Int) throws -> CLIRunner.Result {
        var limited = cli
        limited.environment["BIN"] = CLIRunner.binary
        limited.environment["CSV"] = csv
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(blocks) && trap '' XFSZ && exec \"$BIN\" import \"$CSV\" --by importer"]
        process.environment = limited.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr, as: UTF8.self))
    }

    func journals(_ cli: CLIRunner) -> [String: Data] {
        let folder = cli.store + "/states"
        var result: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            result[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return result
    }

    @Test("a write error while the batch is recorded (file-size limit): nothing visible, and the message says so")
    func writeFailsBeforeCommit() throws {
        let (cli, csv, _) = try prepared()
        defer { cli.cleanUp() }
        let before = journals(cli)
        let r = try importWithLimit(cli, csv: csv, blocks: 64)   // 32 KiB: less than the batch
        #expect(r.status == 65, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("nothing was written"), "\(r.stderr)")
        #expect(journals(cli) == before)
        #expect(try implemented(cli, store: cli.store).count == 0)
        #expect(try cli.run("validate").status == 0)
    }

    @Test("a write error half-way through a journal append: the journal is cut back, nothing visible, honest message")
    func writeFailsDuringAppend() throws {
        let (cli, csv, rows) = try prepared(states: ["XA"])
        defer { cli.cleanUp() }
        #expect(rows == 105)
        // XA's journal already holds ~60 KiB of history, so the append crosses a 64 KiB limit mid-line.
        var history = ""
        var n = 0
        while history.utf8.count < 62_000 {
            history += "{\"id\":\"h\(n)\",\"time\":\"2025-01-01T00:00:00.000Z\",\"author\":\"history\",\"state\":\"XA\",\"action\":\"AP03-IV-1-a\",\"note\":\"\(n)\"}\n"
            n += 1
        }
        try cli.write("states/XA.jsonl", history)
        // Export again so the CSV's base names the history's head.
        let fresh = try prepared(states: ["XA"])
        defer { fresh.cli.cleanUp() }
        #expect(try cli.run("export", "--format", "csv", "--state", "XA", "--output", csv).status == 0)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
            .replacingOccurrences(of: ",not-assessed,Not assessed,", with: ",implemented,Implemented,")
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let before = journals(cli)
        let r = try importWithLimit(cli, csv: csv, blocks: 128)  // 64 KiB
        #expect(r.status == 65, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("nothing was written"), "\(r.stderr)")
        #expect(journals(cli) == before, "the torn append was cut back")
        #expect(try cli.run("validate").status == 0)
        // Without the limit the same file imports whole.
        let ok = try cli.run("import", csv)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("105 event(s) written"))
    }
}
