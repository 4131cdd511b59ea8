import Foundation
import Testing

/// `followup`, `due` and `officers`, run as a user runs them: stdout, stderr and exit codes.
///
/// Every store here lists fictional States only. Dates are relative to today (UTC), as the commands'.
@Suite("CLI: follow-up dates and officers")
struct FollowUpCLITests {
    static let action = "AP03-IV-1-a"

    func fictionalStore() throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", CollaborationTests.states)
        return cli
    }

    /// The UTC day `offset` days from today, YYYY-MM-DD.
    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    // MARK: - followup

    @Test("followup sets a date and owner as an event, replaces it, clears it; setting the same again writes nothing")
    func setAndClear() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        let date = Self.day(40)
        let set = try cli.run("followup", "Avalonia", Self.action, date, "--owner", " alice ", "--by", "bob")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.hasPrefix("XA \(Self.action): follow-up \(date) (alice) (by bob, event "))
        #expect(try cli.file("states/XA.jsonl").contains("\"followUp\":{\"date\":\"\(date)\",\"owner\":\"alice\"}"))
        let again = try cli.run("followup", "XA", Self.action, date, "--owner", "alice")
        #expect(again.stdout == "XA \(Self.action): follow-up unchanged (\(date) (alice)); nothing written\n")
        let cleared = try cli.run("followup", "XA", Self.action, "--clear", "--format", "json")
        #expect(cleared.status == 0)
        #expect(cleared.stdout.contains("\"event\" : \""))
        #expect(!cleared.stdout.contains("\"date\""))
        #expect(try cli.file("states/XA.jsonl").hasSuffix("\"followUp\":null}\n"))
        let history = try cli.run("history", "XA", "--format", "json")
        #expect(history.status == 0)
        // A follow-up-only event is not a status change.
        let changes = try cli.run("changes", "--from", Self.day(-1))
        #expect(changes.status == 0)
        #expect(!changes.stdout.contains(Self.action), "\(changes.stdout)")
    }

    @Test("bad follow-up input exits 64 naming the value", arguments: [
        (["followup", "XA", "AP03-IV-1-a", "2020-01-15"], "the follow-up date 2020-01-15 is in the past (today is "),
        (["followup", "XA", "AP03-IV-1-a", "2030-02-30"], "invalid date '2030-02-30'; expected a calendar day YYYY-MM-DD"),
        (["followup", "XA", "AP03-IV-1-a", "next week"], "invalid date 'next week'"),
        (["followup", "XQ", "AP03-IV-1-a", "2099-01-15"], "unknown State 'XQ'; did you mean 'XA', 'XB'?"),
        (["followup", "XA", "AP03-IV-1-z", "2099-01-15"], "unknown action 'AP03-IV-1-z'; did you mean 'AP03-IV-1-a'"),
        (["followup", "XA", "AP03-IV-1-a"], "give the next-review DATE (YYYY-MM-DD), or --clear"),
        (["followup", "XA", "AP03-IV-1-a", "2099-01-15", "--clear"], "give a DATE or --clear, not both"),
        (["followup", "XA", "AP03-IV-1-a", "--clear", "--owner", "x"], "--owner goes with a DATE"),
        (["followup", "XA", "AP03-IV-1-a", "2099-01-15", "--owner", "  "], "invalid name '  ': a name cannot be empty"),
        (["followup", "XA", "AP03-IV-1-a", "2099-01-15", "--owner", "a\u{1B}[31mb"], "a name cannot contain control characters"),
    ])
    func badFollowUp(arguments: [String], message: String) throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        let r = try cli.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}"))
        #expect((try? cli.file("states/XA.jsonl")) == nil)
    }

    @Test("an owner who is not a listed officer is recorded with a warning naming the officers")
    func unlistedOwner() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        #expect(try cli.run("officers", "add", "alice").status == 0)
        let r = try cli.run("followup", "XA", Self.action, Self.day(3), "--owner", "ALICE")
        #expect(r.stdout.contains("(alice)"), "the listed spelling is used")
        let other = try cli.run("followup", "XB", Self.action, Self.day(3), "--owner", "carol")
        #expect(other.status == 0)
        #expect(other.stderr.contains("warning: 'carol' is not a listed officer (officers: alice); recorded as given"))
    }

    // MARK: - due

    @Test("due lists overdue and due-soon follow-ups by date, in table, csv and json, with --within and --by")
    func due() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        // An overdue follow-up can only come from the past: write it as an event dated then.
        try cli.write("states/XB.jsonl", """
            {"id":"old","time":"2026-01-01T00:00:00.000Z","author":"bob","state":"XB","action":"\(Self.action)","base":[],"followUp":{"date":"\(Self.day(-5))","owner":"bob"}}

            """)
        #expect(try cli.run("followup", "XA", Self.action, Self.day(10), "--owner", "alice").status == 0)
        #expect(try cli.run("followup", "XA", "AP03-IV-1-b", Self.day(60)).status == 0)
        let table = try cli.run("due")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("DATE        STATE  ACTION       OWNER  WHEN"))
        #expect(lines[2] == "\(Self.day(-5))  XB     \(Self.action)  bob    5 days overdue")
        #expect(lines[3] == "\(Self.day(10))  XA     \(Self.action)  alice  10 days left")
        #expect(lines[4].hasPrefix("1 overdue, 1 due within 30 days (today is \(Self.day(0)))"))
        #expect(try cli.run("due", "--within", "9w").stdout.contains("AP03-IV-1-b"))
        #expect(try cli.run("due", "--within", "70").stdout.contains("AP03-IV-1-b"))
        let mine = try cli.run("due", "--by", "ALICE", "--format", "csv")
        #expect(mine.stdout == "date,state,state_name,action,owner,days_left\r\n\(Self.day(10)),XA,Avalonia,\(Self.action),alice,10\r\n"
                || mine.stdout == "date,state,state_name,action,owner,days_left\n\(Self.day(10)),XA,Avalonia,\(Self.action),alice,10\n", "\(mine.stdout)")
        let json = try cli.run("due", "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["daysLeft"] as? Int } == [-5, 10])
        #expect(items.map { $0["overdue"] as? Bool } == [true, false])
        #expect(try cli.run("due", "--by", "nobody").stdout == "no follow-ups overdue or due within 30 days for nobody\n")
    }

    @Test("--within must be days or weeks", arguments: ["2y", "-3", "d", "thirty", "1.5w", " "])
    func badWithin(span: String) throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        let r = try cli.run("due", "--within=\(span)")
        #expect(r.status == 64)
        #expect(r.stderr.contains("invalid --within '\(span)'; give days or weeks, e.g. 30, 30d or 4w"), "\(r.stderr)")
    }

    // MARK: - officers

    @Test("officers add, assign, unassign, list and remove, recorded in office.jsonl")
    func officers() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        #expect(try cli.run("officers").stdout == "no officers listed (add one with `actionplan officers add NAME`)\n")
        #expect(try cli.run("officers", "add", "alice").stdout == "added officer alice\n")
        #expect(try cli.run("officers", "add", " bob ").stdout == "added officer bob\n")
        #expect(try cli.run("officers", "add", "bob").stdout == "bob is already listed; nothing written\n")
        #expect(try cli.run("officers", "assign", "Alice", "avalonia", "XB").stdout == "alice now follows XA, XB\n")
        #expect(try cli.run("officers", "unassign", "alice", "XB").stdout == "alice no longer follows XB\n")
        #expect(try cli.run("officers", "list").stdout == """
            OFFICER  STATES
            -------  ------
            alice    XA
            bob      —

            """)
        let json = try cli.run("officers", "list", "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["alice", "bob"])
        let refused = try cli.run("officers", "remove", "alice")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("alice follows 1 State (XA); unassign them first or give --force"))
        #expect(try cli.run("officers", "remove", "alice", "--force").stdout == "removed officer alice\n")
        #expect(try cli.run("officers", "remove", "bob").status == 0)
        let log = try cli.file("office.jsonl")
        #expect(log.components(separatedBy: "\"kind\":\"officer.").count - 1 == 6)
    }

    @Test("bad officer input exits 64 listing the valid choices", arguments: [
        (["officers", "assign", "dave", "XA"], "unknown officer 'dave'; valid: alice"),
        (["officers", "assign", "alice", "Xz"], "unknown State 'Xz'; did you mean 'XA', 'XB'?"),
        (["officers", "unassign", "dave", "XA"], "unknown officer 'dave'; valid: alice"),
        (["officers", "remove", "dave"], "unknown officer 'dave'; valid: alice"),
        (["officers", "add", "ALICE"], "an officer named 'alice' is already listed"),
        (["officers", "add", String(repeating: "n", count: 65)], "a name has at most 64 characters (this one has 65)"),
        (["officers", "add", "tab\there"], "a name cannot contain control characters"),
        (["officers", "assign", "alice"], "give the officer's name and at least one State"),
    ])
    func badOfficers(arguments: [String], message: String) throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        #expect(try cli.run("officers", "add", "alice").status == 0)
        let before = try cli.file("office.jsonl")
        let r = try cli.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(try cli.file("office.jsonl") == before)
    }
}

extension FollowUpCLITests {
    @Test("show, history and conflicts carry the follow-up; a conflict about the follow-up alone shows both dates")
    func showHistoryConflicts() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        try cli.write("states/XA.jsonl", """
            {"id":"r","time":"2026-01-01T00:00:00.000Z","author":"alice","state":"XA","action":"\(Self.action)","base":[],"status":"in-progress"}
            {"id":"a","time":"2026-01-02T00:00:00.000Z","author":"alice","state":"XA","action":"\(Self.action)","base":["r"],"followUp":{"date":"2099-03-31","owner":"alice"}}
            {"id":"b","time":"2026-01-02T00:00:00.000Z","author":"bob","state":"XA","action":"\(Self.action)","base":["r"],"followUp":{"date":"2099-04-15"}}

            """)
        let show = try cli.run("show", "XA")
        #expect(show.stdout.contains("FOLLOW-UP"))
        #expect(show.stdout.contains("2099-04-15"), "the provisional winner (larger id) is shown")
        let showJSON = try cli.run("show", "XA", "--format", "json")
        #expect(showJSON.stdout.contains("\"followUpDate\" : \"2099-04-15\""))
        let conflicts = try cli.run("conflicts")
        #expect(conflicts.stdout.contains("2099-03-31 (alice)"))
        #expect(conflicts.stdout.contains("2099-04-15"))
        let history = try cli.run("history", "XA")
        #expect(history.stdout.contains("follow-up 2099-03-31 (alice)"))
        // followup refuses to decide the conflict silently; set resolves it.
        let refused = try cli.run("followup", "XA", Self.action, "2099-05-01")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is in conflict between alice and bob; resolve it first"))
        #expect(try cli.run("set", "XA", Self.action, "in-progress").status == 0)
        #expect(try cli.run("followup", "XA", Self.action, "2099-05-01").status == 0)
        #expect(try cli.run("conflicts").stdout.contains("0 open conflicts"))
    }

    @Test("an export with follow-ups imports back as nothing to do; an edited follow-up cell is imported as a follow-up event")
    func exportImportRoundTrip() throws {
        let cli = try fictionalStore(); defer { cli.cleanUp() }
        #expect(try cli.run("followup", "XA", Self.action, Self.day(20), "--owner", "alice").status == 0)
        let file = URL(fileURLWithPath: cli.store).deletingLastPathComponent().appendingPathComponent("out.csv").path
        #expect(try cli.run("export", "--format", "csv", "--output", file).status == 0)
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.hasPrefix("state_code,state_name,pillar,area,action_id,action_title,status_id,status_label,note,evidence,updated_at,updated_by,base,follow_up_date,follow_up_owner\r\n"))
        #expect(exported.contains(",\(Self.day(20)),alice\r\n"))
        let untouched = try cli.run("import", file)
        #expect(untouched.status == 0, "\(untouched.stderr)")
        #expect(untouched.stdout.contains("0 row(s) changed"))
        try exported.replacingOccurrences(of: ",\(Self.day(20)),alice\r\n", with: ",\(Self.day(40)),bob\r\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let edited = try cli.run("import", file, "--by", "carol")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try cli.run("due", "--within", "60d").stdout.contains("\(Self.day(40))  XA     \(Self.action)  bob"))
        try exported.replacingOccurrences(of: ",\(Self.day(20)),alice\r\n", with: ",\(Self.day(-3)),bob\r\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let past = try cli.run("import", file)
        #expect(past.status == 64)
        #expect(past.stderr.contains("follow_up_date \(Self.day(-3)) is in the past"), "\(past.stderr)")
    }
}
