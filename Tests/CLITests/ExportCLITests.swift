import Foundation
import TestSupport
import Testing

/// `export`, `changes` and `import`, run as a user runs them: stdout, stderr, exit codes and files.
///
/// Every store here has its own `states.json` of fictional States, and journals written by hand with
/// past times, so `--as-of` and the periods have history to work on.
@Suite("CLI: export, changes, import")
struct ExportCLITests {
    static let action = "AP03-III-1-a"
    static let other = "AP03-III-1-b"

    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"},
         {"code": "XP", "iso3": "XPA", "name": "Partneria", "kind": "partner", "group": "fiction"}]
        """

    /// A fictional store; with `history`, XA's journal says: in progress on Jan 10, implemented on Feb 15 (2026).
    func store(history: Bool = true) throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", Self.states)
        guard history else { return cli }
        try cli.write("states/XA.jsonl", """
            {"id":"t1","time":"2026-01-10T09:00:00.000Z","author":"alice","state":"XA","action":"\(Self.action)","status":"in-progress","note":"Draft, \\"v1\\"\\nline two"}
            {"id":"t2","time":"2026-02-15T10:00:00.000Z","author":"bob","state":"XA","action":"\(Self.action)","status":"implemented"}
            {"id":"t3","time":"2026-02-20T10:00:00.000Z","author":"bob","state":"XA","action":"\(Self.other)","status":"not-started","note":"=HYPERLINK(\\"http://evil.example\\",\\"x\\")"}

            """)
        return cli
    }

    func statuses(_ json: String) throws -> [String: [String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(root["statuses"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0["state"]!) \($0["action"]!)", $0) })
    }

    /// Runs a Python snippet over a file (an independent CSV reader/writer, as a spreadsheet would be).
    func python(_ script: String, _ arguments: String...) throws -> (status: Int32, output: String) {
        let result = try Spawn.run(["python3", "-c", script] + arguments, environment: Spawn.environment())
        return (result.status, result.stdout)
    }

    /// Edits cells of an exported CSV like a spreadsheet: (state, action, column, value) quadruples.
    static let editor = """
        import csv, sys
        path, edits = sys.argv[1], sys.argv[2:]
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for i in range(0, len(edits), 4):
            state, action, column, value = edits[i:i + 4]
            for row in rows[1:]:
                if row[0] == state and row[4] == action:
                    row[header.index(column)] = value
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)
        """

    @Test("--as-of gives the earlier status after a later change")
    func asOf() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let before = try cli.run("export", "--format", "json", "--state", "XA", "--as-of", "2026-01-31")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(try statuses(before.stdout)["XA \(Self.action)"]?["status"] as? String == "in-progress")
        #expect(try statuses(before.stdout)["XA \(Self.other)"]?["status"] as? String == "not-assessed")
        let latest = try cli.run("export", "--format", "json", "--state", "XA")
        #expect(try statuses(latest.stdout)["XA \(Self.action)"]?["status"] as? String == "implemented")
        let onTheDay = try cli.run("export", "--format", "json", "--state", "XA", "--as-of", "2026-02-15")
        #expect(try statuses(onTheDay.stdout)["XA \(Self.action)"]?["status"] as? String == "implemented")
    }

    @Test("export → edit in a spreadsheet → import round trip")
    func roundTrip() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let csv = cli.store + "/../edit.csv"
        let export = try cli.run("export", "--format", "csv", "--state", "XA", "--excel", "--output", csv)
        #expect(export.status == 0)
        #expect(export.stdout.isEmpty)
        #expect(export.stderr.contains("wrote csv export of 1 State "))
        let edit = try python(Self.editor, csv, "XA", Self.other, "status_id", "partially-implemented",
                              "XA", Self.other, "note", "Bill tabled, \"second reading\"\nnext: Senate; Ü")
        #expect(edit.status == 0)
        let journal = try cli.file("states/XA.jsonl")

        let dry = try cli.run("import", csv, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("XA \(Self.other): not-started → partially-implemented, note"))
        #expect(dry.stdout.contains("1 row(s) changed, 104 unchanged, 0 skipped (blank); dry run, nothing written"))
        #expect(try cli.file("states/XA.jsonl") == journal)

        let journalLines = journal.split(separator: "\n").count
        let real = try cli.run("import", csv, "--by", "dana")
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("1 event(s) written by dana"))
        let after = try statuses(try cli.run("export", "--format", "json", "--state", "XA").stdout)
        #expect(after["XA \(Self.other)"]?["status"] as? String == "partially-implemented")
        #expect(after["XA \(Self.other)"]?["note"] as? String == "Bill tabled, \"second reading\"\nnext: Senate; Ü")
        #expect(after["XA \(Self.other)"]?["updatedBy"] as? String == "dana")
        // The untouched rows, hostile formula and multi-line note included, came back unchanged.
        #expect(after["XA \(Self.action)"]?["note"] as? String == "Draft, \"v1\"\nline two")

        // Importing the applied file again: the store already holds every row, so nothing changes.
        let again = try cli.run("import", csv)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 row(s) changed, 105 unchanged"))
        #expect(try cli.file("states/XA.jsonl").split(separator: "\n").count == journalLines + 1)
    }

    @Test("an export of one State reads that State's journal only (a damaged journal elsewhere is not even opened)")
    func exportReadsOnlyTheJournalsInScope() throws {
        let cli = try store(); defer { cli.cleanUp() }
        try cli.write("states/XB.jsonl", "{not an event\n")
        let one = try cli.run("export", "--format", "csv", "--state", "XA")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stderr.contains("XB.jsonl"), "XB's journal was read: \(one.stderr)")
        #expect(one.stdout.contains("XA,Avalonia,") && !one.stdout.contains("XB,Borduria,"))
        let all = try cli.run("export", "--format", "csv")
        #expect(all.stderr.contains("XB.jsonl"), "the whole export reads every journal and reports the damaged line")
    }

    @Test("an import with one bad row writes nothing and lists the problem with row and column")
    func oneBadRow() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let csv = cli.store + "/../bad.csv"
        #expect(try cli.run("export", "--format", "csv", "--state", "XA", "--output", csv).status == 0)
        #expect(try python(Self.editor, csv, "XA", Self.other, "status_id", "implemented",
                           "XA", "AP03-III-1-c", "status_id", "implemnted").status == 0)
        let journal = try cli.file("states/XA.jsonl")
        let r = try cli.run("import", csv)
        #expect(r.status == 64)
        #expect(r.stderr.contains("column G (status_id): unknown status 'implemnted'; did you mean 'implemented'?"))
        #expect(r.stderr.contains("1 problem(s); nothing was written"))
        #expect(r.stdout.isEmpty)
        #expect(try cli.file("states/XA.jsonl") == journal)
    }

    @Test("every format goes to stdout, or atomically to --output")
    func formats() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let markdown = try cli.run("export", "--format", "markdown", "--state", "XA", "--state", "avalonia")
        #expect(markdown.stdout.hasPrefix("# Action Plan implementation: status report\n"))
        #expect(markdown.stdout.components(separatedBy: "## Avalonia (XA)").count == 2, "a State named twice is exported once")
        let html = cli.store + "/../report.html"
        let r = try cli.run("export", "--format", "html", "--since", "2026-02-01", "--output", html)
        #expect(r.status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"))
        #expect(text.contains("Changes from 2026-02-01 (UTC)"))
        let csv = try cli.run("export", "--format", "csv", "--pillar", "prosecution", "--state", "XA")
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""))
        let records = csv.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(!records.isEmpty && records.allSatisfy { $0.hasPrefix("XA,Avalonia,Prosecution,") })
    }

    @Test("changes: transitions in the period with improvements and regressions")
    func changes() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let table = try cli.run("changes", "--from", "2026-02-01", "--to", "2026-02-28")
        #expect(table.status == 0)
        #expect(table.stdout.contains("2 status changes: 1 improvement, 0 regressions, 1 other"))
        let json = try cli.run("changes", "--from", "2026-01-01", "--state", "XA", "--format", "json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let transitions = try #require(root["transitions"] as? [[String: Any]])
        #expect(transitions.map { $0["event"] as? String } == ["t1", "t2", "t3"])
        let csv = try cli.run("changes", "--from", "2026-02-16", "--format", "csv")
        #expect(csv.stdout.hasPrefix("time,state_code,state_name,action_id,action_title,from_status,to_status,direction,author,event_id,compensation,counted\r\n"))
        #expect(csv.stdout.contains(",not-assessed,not-started,other,bob,t3,,true\r\n"))
        let markdown = try cli.run("changes", "--from", "2026-01-01", "--format", "markdown")
        #expect(markdown.stdout.hasPrefix("# Status changes from 2026-01-01 (UTC)"))
    }

    @Test("usage errors exit 64 with a message", arguments: [
        (["export", "--format", "csv", "--as-of", "2026-13-01"], "--as-of: '2026-13-01' is not a date"),
        (["export", "--format", "csv", "--state", "Avalonai"], "did you mean 'Avalonia'?"),
        (["export", "--format", "json", "--excel"], "--excel only applies to --format csv"),
        (["export", "--format", "pdf"], "pdf"),
        (["changes", "--from", "2026-03-01", "--to", "2026-02-01"], "is before --from"),
        (["changes"], "--from"),
        (["import", "/nonexistent/file.csv"], "cannot read /nonexistent/file.csv"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let cli = try store(history: false); defer { cli.cleanUp() }
        let r = try cli.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
