import Foundation
import TestSupport
import Testing

/// The command-line gaps a user hits: history and show filters, a bulk `set` in one batch, and
/// `--format json` on every command that prints data. Fictional States only (the store's states.json).
@Suite("CLI: filters, bulk set, JSON everywhere")
struct PowerCLITests {
    static let area = "prevention.data"
    /// The trackable actions of prevention.data, in catalog order; AP03-IV-1-b is tagged children and gender.
    static let areaActions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-1-c", "AP03-IV-1-d", "A13-IV-h"]

    func store() throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", ExportCLITests.states)
        return cli
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    func journalLines(_ cli: CLIRunner, _ state: String) -> [[String: Any]] {
        ((try? cli.file("states/\(state).jsonl")) ?? "").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    // MARK: - Bulk set

    @Test("set over several action ids writes one event each, in one batch, each based on its action's heads")
    func bulkSetByIDs() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let first = try cli.run("set", "XA", "AP03-IV-1-a", "in-progress", "--by", "alice")
        #expect(first.status == 0, "\(first.stderr)")
        let firstID = try #require(journalLines(cli, "XA").first?["id"] as? String)

        let bulk = try cli.run("set", "XA", "AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-1-a", "implemented", "--note", "Law adopted", "--by", "bob")
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let lines = bulk.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("XA AP03-IV-1-a: in-progress → implemented, note edited (by bob, event "))
        #expect(lines[1].hasPrefix("XA AP03-IV-1-b: not-assessed → implemented, note edited (by bob, event "))
        #expect(lines[2] == "2 actions: 2 changed, 0 unchanged; 2 events written in one batch by bob")
        let events = journalLines(cli, "XA")
        #expect(events.count == 3)
        #expect(events.dropFirst().map { $0["action"] as? String } == ["AP03-IV-1-a", "AP03-IV-1-b"])
        #expect(events[1]["base"] as? [String] == [firstID])
        #expect(events[2]["base"] as? [String] == [])
    }

    @Test("set --area sets every trackable action of the area; what is already so is left alone")
    func bulkSetByArea() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-c", "not-started").status == 0)
        let bulk = try cli.run("set", "XA", "--area", Self.area, "not-started", "--format", "json")
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let report = try json(bulk.stdout)
        let written = try #require(report["written"] as? [[String: Any]])
        #expect(written.map { $0["action"] as? String } == Self.areaActions.filter { $0 != "AP03-IV-1-c" })
        #expect(written.allSatisfy { $0["from"] as? String == "not-assessed" && $0["to"] as? String == "not-started" })
        #expect(report["unchanged"] as? [String] == ["AP03-IV-1-c"])
        #expect(journalLines(cli, "XA").count == 1 + 4)
        let again = try cli.run("set", "XA", "--area", "Data collection and research", "not-started")
        #expect(again.stdout.hasSuffix("5 actions: 0 changed, 5 unchanged; nothing written\n"))
    }

    @Test("a bulk set with one wrong action writes nothing", arguments: [
        (["set", "XA", "AP03-IV-1-a", "AP03-VI-osce-a", "implemented"],
         "action AP03-VI-osce-a is addressed to OSCE structures and is not tracked per State"),
        (["set", "XA", "AP03-IV-1-a", "AP03-IV-1-zz", "implemented"], "unknown action 'AP03-IV-1-zz'"),
        (["set", "XA", "--area", "prevention.dat", "implemented"], "unknown area 'prevention.dat'; did you mean 'prevention.data', "),
        (["set", "XA", "--area", Self.area, "AP03-IV-1-a", "implemented"], "with --area give only the status"),
        (["set", "XA", "implemented"], "give an action and a status"),
    ])
    func bulkSetRefusals(_ arguments: [String], _ message: String) throws {
        let cli = try store(); defer { cli.cleanUp() }
        let result = try cli.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(journalLines(cli, "XA").isEmpty)
    }

    // MARK: - Filters

    @Test("history --by matches part of the author's name; --status keeps transitions into that status")
    func historyFilters() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-a", "in-progress", "--by", "Alice.Reviewer").status == 0)
        #expect(try cli.run("set", "XA", "AP03-IV-1-b", "implemented", "--by", "bob").status == 0)
        #expect(try cli.run("set", "XA", "AP03-IV-1-a", "implemented", "--by", "alice.reviewer").status == 0)
        #expect(try cli.run("set", "XA", "AP03-IV-1-a", "implemented", "--note", "only a note", "--by", "bob").status == 0)

        let byAlice = try json(try cli.run("history", "--by", "ALICE", "--format", "json").stdout.wrappedAsObject)
        #expect((byAlice["list"] as? [[String: Any]])?.map { $0["to"] as? String } == ["implemented", "in-progress"])
        let implemented = try cli.run("history", "XA", "--status", "implemented")
        #expect(implemented.status == 0)
        #expect(implemented.stdout.hasSuffix("2 changes\n"), "the note-only edit is not a change to implemented")
        let both = try cli.run("history", "--by", "bob", "--status", "impl", "--format", "json")
        #expect(try json(both.stdout.wrappedAsObject)["list"].map { ($0 as? [Any])?.count } == 1)
        let bad = try cli.run("history", "--status", "done")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown status 'done'"))
    }

    @Test("show --status and --tag narrow the actions listed")
    func showFilters() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-a", "AP03-IV-1-b", "in-progress").status == 0)
        let inProgress = try json(try cli.run("show", "XA", "--status", "in-progress", "--format", "json").stdout)
        #expect((inProgress["actions"] as? [[String: Any]])?.map { $0["action"] as? String } == ["AP03-IV-1-a", "AP03-IV-1-b"])
        let children = try json(try cli.run("show", "XA", "--status", "in-progress", "--tag", "Children", "--format", "json").stdout)
        #expect((children["actions"] as? [[String: Any]])?.map { $0["action"] as? String } == ["AP03-IV-1-b"])
        let table = try cli.run("show", "XA", "--tag", "children", "--pillar", "prevention")
        #expect(table.stdout.contains("AP03-IV-1-b"))
        #expect(!table.stdout.contains("AP03-IV-1-a "))
        let bad = try cli.run("show", "XA", "--tag", "chidren")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown tag 'chidren'; did you mean 'children'?"))
    }

    // MARK: - JSON everywhere

    /// Every command that prints data, with the arguments it needs.
    static let dataCommands: [[String]] = [
        ["catalog"], ["states"], ["show", "XA"], ["history"], ["summary"], ["changes", "--from", "2026-01-01"],
        ["conflicts"], ["validate"], ["set", "XA", "AP03-IV-1-a", "implemented"], ["repair"],
    ]

    @Test("--format json prints one JSON document on every command that prints data", arguments: dataCommands)
    func jsonEverywhere(_ command: [String]) throws {
        let cli = try store(); defer { cli.cleanUp() }
        let result = try cli.run(command + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "not JSON: \(result.stdout)")
    }

    @Test("every data command's help offers --format json, import and sync included",
          arguments: dataCommands.map { $0[0] } + ["import", "sync", "export"])
    func helpOffersJSON(_ command: String) throws {
        let help = try CLIRunner().run(command, "--help")
        #expect(help.stdout.contains("--format"), "\(command) --help: \(help.stdout)")
    }

    @Test("import --format json reports the plan and the events written")
    func importJSON() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let csv = cli.store + "/../edit.csv"
        #expect(try cli.run("export", "--format", "csv", "--state", "XA", "--output", csv).status == 0)
        #expect(try Spawn.run(["python3", "-c", ExportCLITests.editor, csv, "XA", "AP03-IV-1-a", "status_id", "implemented"],
                              environment: Spawn.environment()).status == 0)
        let result = try cli.run("import", csv, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["state"]!) \($0["action"]!) \($0["from"]!) → \($0["to"]!) row \($0["row"]!)" }
            == ["XA AP03-IV-1-a not-assessed → implemented row 2"])
        #expect((report["written"] as? [String])?.count == 1)
        #expect(report["unchanged"] as? Int == 104)
    }
}

private extension String {
    /// `history --format json` prints an array; wrapped so the tests can read it as an object.
    var wrappedAsObject: String { "{\"list\": \(self)}" }
}
