import Testing
import Foundation

/// Issue 8 through the built binary: typos, outputs inside the store, leftovers of killed writers.
@Suite("CLI: hardening")
struct HardeningCLITests {
    // MARK: - Item 9: only `init` creates a store

    @Test("a command on a mistyped --store says there is no store, exits 65 and creates nothing",
          arguments: [["show", "XA"], ["export", "--format", "csv"], ["summary"], ["history"], ["validate"], ["states"],
                      ["catalog"], ["changes", "--from", "2026-01-01"], ["set", "XA", "AP03-III-1-a", "implemented"],
                      ["import", "IN.csv"], ["tui"]])
    func typoCreatesNothing(arguments: [String]) throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        let typo = cli.store + "-typo"
        let csv = cli.store + "-in.csv"
        _ = FileManager.default.createFile(atPath: csv, contents: Data("state_code\n".utf8))
        let r = try cli.run(arguments.map { $0 == "IN.csv" ? csv : $0 } + ["--store", typo])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("no store here"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))
    }

    @Test("$ACTIONPLAN_STORE naming no store is a typo too; only init creates it")
    func environmentTypo() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        let r = try cli.run("show", "AT")
        #expect(r.status == 65)
        #expect(!FileManager.default.fileExists(atPath: cli.store))
        #expect(try cli.run("init").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.store + "/store.json"))
    }

    @Test("the TUI creates the store on the default location only (here it then stops: no terminal)")
    func tuiCreatesDefaultStore() throws {
        var cli = CLIRunner(); defer { cli.cleanUp() }
        let home = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        cli.environment["ACTIONPLAN_STORE"] = nil
        cli.environment["HOME"] = home
        let r = try cli.run([])
        #expect(r.status == 69, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/actionplan/store.json"))
    }

    // MARK: - Item 4: export never writes into the store

    @Test("export/changes --output inside the store is refused with exit 64; the store is byte-identical",
          arguments: ["states/XA.jsonl", "store.json", "states/new.csv", "../store/catalog.json"])
    func outputInsideStore(relative: String) throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let before = try StoreSnapshot(cli.store)
        for command in [["export", "--format", "csv"], ["changes", "--from", "2026-01-01", "--format", "csv"]] {
            let r = try cli.run(command + ["--output", cli.store + "/" + relative])
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("is inside the store"), "\(r.stderr)")
        }
        #expect(try StoreSnapshot(cli.store) == before)
        #expect(try cli.run("validate").status == 0)
    }

    @Test("an output path through a symbolic link into the store is refused too")
    func outputThroughLink() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let link = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/shortcut"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.store + "/states")
        let before = try StoreSnapshot(cli.store)
        let r = try cli.run("export", "--format", "json", "--output", link + "/XA.jsonl")
        #expect(r.status == 64)
        #expect(try StoreSnapshot(cli.store) == before)
    }

    // MARK: - Item 10: temporary files of killed exports

    @Test("a temporary file left beside an output by a killed export is removed by the next export there")
    func staleExportTemp() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let folder = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path
        let dead = try deadProcessID()
        let stale = folder + "/.report.html.tmp-\(dead)-4242"
        _ = FileManager.default.createFile(atPath: stale, contents: Data("<html>half".utf8))
        let r = try cli.run("export", "--format", "html", "--output", folder + "/report.html")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("kill -9 during an export leaves at most a temporary file, which the next export removes")
    func killedExport() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let folder = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path
        for delay in [0, 2_000, 5_000, 10_000, 20_000] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            process.arguments = ["export", "--format", "html", "--output", folder + "/report.html"]
            process.environment = cli.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(try cli.run("export", "--format", "html", "--output", folder + "/report.html").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }.isEmpty)
    }

    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A CLI runner on an initialised store that tracks the FICTIONAL States Avalonia (XA) and Borduria (XB),
/// with one recorded event, so no test records anything about a real State.
enum FictionalCLI {
    static let statesJSON = """
        [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
         {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"}]

        """

    static func make() throws -> CLIRunner {
        let cli = try CLIRunner.initialised()
        try cli.write("states.json", statesJSON)
        let set = try cli.run("set", "XA", "AP03-III-1-a", "in-progress", "--note", "Example note", "--evidence", "REF-1")
        guard set.status == 0 else { throw CLIError("set failed: \(set.stderr)") }
        return cli
    }
}

/// Every file under a folder with its bytes (and every symbolic link with its target): equal
/// snapshots mean the folder is byte-identical.
struct StoreSnapshot: Equatable, CustomStringConvertible {
    var files: [String: Data]

    init(_ root: String) throws {
        files = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root) else { return }
        while let relative = walker.nextObject() as? String {
            // Checkpoints are a derived cache that reads may (re)write; they are not the store's data.
            if relative.split(separator: "/").contains(".checkpoints") { continue }
            let path = root + "/" + relative
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                files[relative] = Data(("link → " + target).utf8)
                continue
            }
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = manager.contents(atPath: path) ?? Data("(unreadable)".utf8)
        }
    }

    var description: String { files.keys.sorted().map { "\($0) (\(files[$0]!.count) bytes)" }.joined(separator: ", ") }
}

/// A full disk, simulated with a file size limit (`ulimit -f`): the write fails with a message, exit 65,
/// and the journal is cut back to exactly what it was (no half line left behind).
@Suite("CLI: a write that does not fit")
struct FullDiskTests {
    @Test func failedAppendLeavesTheJournalAsItWas() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let before = try StoreSnapshot(cli.store)
        let journalSize = try cli.file("states/XA.jsonl").utf8.count
        #expect(journalSize < 1024)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // 1 KiB limit; SIGXFSZ ignored so the write returns EFBIG (as a full disk returns ENOSPC).
        process.arguments = ["-c", "ulimit -f 1; trap '' XFSZ; exec \"$BIN\" set XA AP03-III-1-b implemented --note \"$NOTE\""]
        var environment = cli.environment
        environment["BIN"] = CLIRunner.binary
        environment["NOTE"] = String(repeating: "n", count: 1500)
        process.environment = environment
        let errPath = NSTemporaryDirectory() + "full-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        #expect(process.terminationStatus == 65, "\(stderr)")
        #expect(stderr.contains("write failed: File too large; nothing was written"), "\(stderr)")
        #expect(try StoreSnapshot(cli.store) == before)
        #expect(try cli.run("validate").status == 0)
    }
}
