import Foundation
import Testing

/// Several people on one store, and offices sharing a store through git: no change is ever lost or
/// hidden, concurrent changes show up as conflicts, and a many-event write is all or nothing.
///
/// Every store here lists fictional States only (its own `states.json`).
@Suite("CLI: collaboration (causal history, conflicts, sync)")
struct CollaborationTests {
    static let action = "AP03-IV-1-a"
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"}]
        """

    func fictionalStore() throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", Self.states)
        return cli
    }

    // MARK: - Clocks

    @Test("an event dated 2099 does not hide an edit made on top of it, and validate warns about the clock")
    func futureDatedEvent() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        try cli.write("states/XA.jsonl", """
            {"id":"far","time":"2099-01-01T00:00:00.000Z","author":"clock.ahead","state":"XA","action":"\(Self.action)","status":"implemented"}

            """)
        let set = try cli.run("set", "XA", Self.action, "not-started", "--by", "alice")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("implemented → not-started"))
        let show = try cli.run("show", "XA")
        let row = show.stdout.split(separator: "\n").first { $0.contains(Self.action) } ?? ""
        #expect(row.contains("not-started"), "show still says: \(row)")
        let validate = try cli.run("validate")
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("is dated 2099-01-01T00:00:00.000Z, more than a day ahead of this machine's clock"))
        #expect(validate.stdout.contains("before the event it is based on"))
    }

    // MARK: - Compare and append

    @Test("a stale concurrent writer makes a conflict that conflicts lists and one set resolves (based on every head)")
    func headMovedAndForce() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", Self.action, "in-progress", "--by", "alice").status == 0)
        let journal = try cli.file("states/XA.jsonl")
        let first = try #require(journal.split(separator: "\n").first.flatMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] })
        #expect(first["base"] as? [String] == [])
        // A colleague's event based on the first, and a stale writer still based on "never assessed".
        try cli.write("states/XA.jsonl", journal + """
            {"id":"stale","time":"2026-01-01T10:00:00.000Z","author":"carol","state":"XA","action":"\(Self.action)","base":[],"status":"implemented"}

            """)
        let conflicts = try cli.run("conflicts", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(conflicts.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect((list.first?["sides"] as? [[String: Any]])?.compactMap { $0["author"] as? String }.sorted() == ["alice", "carol"])
        // Exports say how many conflicts are open.
        let json = try cli.run("export", "--format", "json").stdout
        #expect(json.contains("\"openConflicts\": 1"), "\(json.prefix(400))")
        #expect(try cli.run("export", "--format", "markdown").stdout.contains("- Open conflicts: 1 (concurrent changes not yet resolved"))
        let resolve = try cli.run("set", "XA", Self.action, "partial", "--by", "dana")
        #expect(resolve.status == 0, "\(resolve.stderr)")
        #expect(resolve.stdout.contains("resolves the conflict between"))
        #expect(try cli.run("conflicts").stdout.contains("0 open conflicts"))
        #expect(try cli.run("validate").status == 0)
    }

    // MARK: - Git

    /// A bare hub and three clones; each clone edits the same action, then they sync in `order`.
    @Test("a hub and three clones edit one action concurrently and sync in every order: every event once everywhere, identical folds, one conflict, one resolution clears it",
          arguments: [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
    func threeOffices(order: [Int]) throws {
        let root = NSTemporaryDirectory() + "actionplan-sync-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cli = CLIRunner()
        try Git.run(["init", "-q", "--bare", root + "/hub.git"])
        let clones = (0..<3).map { root + "/office\($0)" }
        try Git.run(["clone", "-q", root + "/hub.git", clones[0]])
        #expect(try cli.run("init", "--store", clones[0]).status == 0)
        try Data(Self.states.utf8).write(to: URL(fileURLWithPath: clones[0] + "/states.json"))
        let first = try cli.run("sync", "--store", clones[0], "--by", "office0")
        #expect(first.status == 0, "\(first.stderr)")
        for clone in clones.dropFirst() { try Git.run(["clone", "-q", root + "/hub.git", clone]) }
        let statuses = ["in-progress", "implemented", "not-started"]
        for (n, clone) in clones.enumerated() {
            let set = try cli.run("set", "--store", clone, "XA", Self.action, statuses[n], "--by", "office\(n)")
            #expect(set.status == 0, "a fresh clone can be written: \(set.stderr)")
        }
        for n in order + order {
            let sync = try cli.run("sync", "--store", clones[n], "--by", "office\(n)")
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        }
        var folds: Set<String> = []
        for clone in clones {
            let lines = try String(contentsOfFile: clone + "/states/XA.jsonl", encoding: .utf8).split(separator: "\n")
            let ids = lines.compactMap { line in ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String }
            #expect(ids.count == 3 && Set(ids).count == 3, "every event exactly once in \(clone): \(ids)")
            folds.insert(try cli.run("show", "--store", clone, "XA", "--format", "json").stdout)
            let conflicts = try cli.run("conflicts", "--store", clone, "--format", "json").stdout
            let list = try #require(try JSONSerialization.jsonObject(with: Data(conflicts.utf8)) as? [[String: Any]])
            #expect(list.count == 1 && (list.first?["sides"] as? [Any])?.count == 3)
        }
        #expect(folds.count == 1, "the same fold in every clone")
        // One office resolves; after everyone syncs, the conflict is gone everywhere.
        let resolver = order.last!
        #expect(try cli.run("set", "--store", clones[resolver], "XA", Self.action, "partial", "--by", "office\(resolver)").status == 0)
        for n in [resolver] + order { #expect(try cli.run("sync", "--store", clones[n]).status == 0) }
        for clone in clones {
            #expect(try cli.run("conflicts", "--store", clone).stdout.contains("0 open conflicts"), "\(clone)")
            let show = try cli.run("show", "--store", clone, "XA").stdout
            #expect(show.split(separator: "\n").first { $0.contains(Self.action) }?.contains("partially-implemented") == true)
            #expect(try cli.run("validate", "--store", clone).status == 0)
        }
    }

    @Test("sync explains what is wrong: not a repository, no remote, unrelated changes")
    func syncErrors() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        let none = try cli.run("sync")
        #expect(none.status == 64)
        #expect(none.stderr.contains("is not in a git repository"))
        try Git.run(["init", "-q", cli.store])
        let noRemote = try cli.run("sync")
        #expect(noRemote.status == 64)
        #expect(noRemote.stderr.contains("has no remote"))
        try Git.run(["-C", cli.store, "remote", "add", "origin", cli.store + "/../hub.git"])
        try Git.run(["init", "-q", "--bare", cli.store + "/../hub.git"])
        try cli.write("notes.txt", "a personal file")
        let unrelated = try cli.run("sync")
        #expect(unrelated.status == 64)
        #expect(unrelated.stderr.contains("changes that are not the store's: notes.txt"))
        try FileManager.default.removeItem(atPath: cli.store + "/notes.txt")
        let ok = try cli.run("sync")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("sent the store's files"))
        // The server refuses pushes (a hook, as a protected branch would): exit 65, our events stay committed.
        let hook = cli.store + "/../hub.git/hooks/pre-receive"
        try "#!/bin/sh\necho 'pushes are closed for maintenance' >&2\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        #expect(try cli.run("set", "XA", Self.action, "implemented", "--by", "alice").status == 0)
        let refused = try cli.run("sync")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("git push to origin was refused") && refused.stderr.contains("pushes are closed for maintenance"),
                "\(refused.stderr)")
        var noGit = cli
        noGit.environment["PATH"] = "/nonexistent"
        let missing = try noGit.run("sync")
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("git is not installed"))
    }
}

/// Runs git for a test's setup.
enum Git {
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError("git \(arguments.joined(separator: " ")) failed") }
    }
}
