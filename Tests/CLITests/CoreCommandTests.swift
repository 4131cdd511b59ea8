import Testing
import Foundation

/// The core commands, run as a user runs them: stdout, stderr and exit codes.
@Suite("CLI: init, catalog, states, show, set, history, summary, validate")
struct CoreCommandTests {
    @Test("--help lists every subcommand and the exit codes")
    func help() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        let r = try cli.run("--help")
        #expect(r.status == 0)
        for name in ["init", "catalog", "states", "show", "set", "history", "summary", "validate"] {
            #expect(r.stdout.contains("  \(name)"), "missing \(name)")
        }
        #expect(r.stdout.contains("64 usage error"))
    }

    @Test("init creates the store with the embedded catalog; a second init says it exists")
    func initStore() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        let first = try cli.run("init")
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Created store at \(cli.store)"))
        #expect(first.stdout.contains("States: 57 tracked"))
        #expect(try cli.file(".gitattributes") == "*.jsonl merge=union eol=lf\n")
        let second = try cli.run("init")
        #expect(second.stdout.hasPrefix("Store already exists at"))
    }

    @Test("catalog --format json has the documented shape")
    func catalogJSON() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        let r = try cli.run("catalog", "--format", "json")
        #expect(r.status == 0)
        let root = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let pillars = root["pillars"] as! [[String: Any]]
        #expect(pillars.map { $0["id"] as! String } == ["prevention", "prosecution", "protection", "partnerships"])
        let area = (pillars[0]["areas"] as! [[String: Any]])[0]
        let action = (area["actions"] as! [[String: Any]])[0]
        for key in ["id", "title", "summary", "source", "tags"] { #expect(action[key] != nil, "missing \(key)") }
        #expect((action["source"] as! [String: Any])["verified"] is Bool)
        let count = pillars.flatMap { ($0["areas"] as! [[String: Any]]).flatMap { $0["actions"] as! [[String: Any]] } }
            .filter { $0["addressee"] as? String == "participating-states" }.count
        #expect(count >= 90)
    }

    @Test("states: 57 by default, 68 with --partners, JSON with the documented keys")
    func states() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        let plain = try JSONSerialization.jsonObject(with: Data(try cli.run("states", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(plain.count == 57)
        #expect(Set(plain[0].keys) == ["code", "iso3", "name", "kind", "group"])
        let all = try JSONSerialization.jsonObject(with: Data(try cli.run("states", "--partners", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(all.count == 68)
        #expect(try cli.run("states").stdout.contains("AT    AUT   Austria"))
    }

    @Test("set records one event; show and history see it; an unchanged set writes nothing")
    func setShowHistory() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        let set = try cli.run("set", "AUT", "ap03-iii-1-a", "partial", "--note", "Draft law, §3", "--evidence", "BGBl 12/2024", "--by", "alice")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.hasPrefix("AT AP03-III-1-a: not-assessed → partially-implemented, note edited, +1 evidence (by alice"))
        let again = try cli.run("set", "austria", "AP03-III-1-a", "partially-implemented")
        #expect(again.stdout.contains("unchanged"))
        #expect(try cli.file("states/AT.jsonl").split(separator: "\n").count == 1)

        let show = try JSONSerialization.jsonObject(with: Data(try cli.run("show", "at", "--format", "json").stdout.utf8)) as! [String: Any]
        let row = (show["actions"] as! [[String: Any]]).first { $0["action"] as? String == "AP03-III-1-a" }!
        #expect(row["status"] as? String == "partially-implemented")
        #expect(row["note"] as? String == "Draft law, §3")
        #expect(row["evidence"] as? [String] == ["BGBl 12/2024"])
        #expect(row["updatedBy"] as? String == "alice")

        let table = try cli.run("show", "at", "--pillar", "prosecution")
        #expect(table.stdout.contains("◑  AP03-III-1-a  partially-implemented"))
        #expect(table.stdout.contains("Prosecution"))

        let history = try JSONSerialization.jsonObject(with: Data(try cli.run("history", "AT", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(history.count == 1)
        #expect(history[0]["from"] as? String == "not-assessed")
        #expect(history[0]["to"] as? String == "partially-implemented")
        #expect(try cli.run("history", "--since", "2999-01-01").stdout.contains("0 changes"))
    }

    @Test("summary shows coverage/implementation per State and pillar")
    func summary() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        try cli.run("set", "AT", "AP03-III-1-a", "implemented")
        let rows = try JSONSerialization.jsonObject(with: Data(try cli.run("summary", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 57)
        let austria = rows.first { $0["state"] as? String == "AT" }!
        let total = austria["total"] as! [String: Any]
        #expect(total["assessed"] as? Int == 1)
        #expect(total["implementation"] as? Double == 1)
        #expect(try cli.run("summary").stdout.contains("AT     Austria"))
    }

    @Test("bad input: a clear message on stderr, exit 64, did-you-mean, nothing written", arguments: [
        (["set", "Austira", "AP03-III-1-a", "implemented"], "unknown State 'Austira'; did you mean 'Austria'"),
        (["set", "AT", "AP03-III-1-z", "implemented"], "unknown action 'AP03-III-1-z'; did you mean 'AP03-III-1-a'"),
        (["set", "AT", "AP03-III-1-a", "done"], "unknown status 'done'"),
        (["show", "AT", "--pillar", "preventon"], "unknown pillar 'preventon'; did you mean 'prevention'"),
        (["history", "--since", "yesterday"], "--since: 'yesterday' is not a date; use YYYY-MM-DD"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        let r = try cli.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/states/AT.jsonl"))
    }

    @Test("an unknown option is a usage error with the command's usage")
    func unknownOption() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        let r = try cli.run("show", "AT", "--colour")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("actionplan: error: unknown option '--colour' (run `actionplan show --help`)"))
    }

    @Test("a damaged store.json: exit 65 with file:line:column, nothing written")
    func damagedStore() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        try cli.run("init")
        try cli.write("store.json", "{\n  \"format\": 1,\n  \"catalog\": {\"id\": \"x\", \"version\": 1}\n}\n")
        let r = try cli.run("set", "AT", "AP03-III-1-a", "implemented")
        #expect(r.status == 65)
        #expect(r.stderr.contains("store.json:3:37: \"catalog.version\" must be a string, found a number"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/states/AT.jsonl"))
    }

    @Test("a newer store format is refused with exit 65")
    func newerFormat() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        try cli.run("init")
        try cli.write("store.json", try cli.file("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 4"))
        let r = try cli.run("show", "AT")
        #expect(r.status == 65)
        #expect(r.stderr.contains("uses format 4, written by a newer version of actionplan"))
    }

    @Test("validate: clean store exits 0; a torn line and an orphan are listed with file:line:column, exit 1")
    func validate() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        try cli.run("set", "AT", "AP03-III-1-a", "implemented")
        let clean = try cli.run("validate")
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("no problems"))
        let journal = try cli.file("states/AT.jsonl")
        let orphan = journal.replacingOccurrences(of: "AP03-III-1-a", with: "OLD-9")
        try cli.write("states/AT.jsonl", journal + orphan + "{\"id\":\"x\",\"ti")
        let r = try cli.run("validate")
        #expect(r.status == 1)
        #expect(r.stdout.contains("states/AT.jsonl:3:"))
        #expect(r.stdout.contains("torn last line"))
        #expect(r.stdout.contains("'OLD-9'"))
        // Other commands still work and warn.
        let show = try cli.run("show", "AT")
        #expect(show.status == 0)
        #expect(show.stderr.contains("warning"))
    }
}
