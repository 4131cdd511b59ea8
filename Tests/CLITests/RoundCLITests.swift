import Testing
import Foundation

/// `actionplan round …` and `export --round` through the binary, on fictional States.
@Suite("CLI: reporting rounds")
struct RoundCLITests {
    @Test("a past round recorded with explicit dates, the current round opened, listed, compared; export --round shows each snapshot")
    func yearOfRounds() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let past = try cli.run("round", "open", "2021 survey", "--opens", "2021-01-01", "--due", "2021-06-30", "--allow-past")
        #expect(past.status == 0, "\(past.stderr)")
        #expect(past.stdout.hasPrefix("opened round '2021 survey': 2021-01-01 to 2021-06-30 (overdue by "))
        #expect(try cli.run("round", "close", "2021 survey", "--at", "2021-06-30").status == 0)

        #expect(try cli.run("round", "open", "Mid-term review", "--opens", "2022-01-01", "--due", "2099-06-30").status == 0)
        #expect(try cli.run("set", "XA", "AP03-III-1-b", "implemented").status == 0)
        let closed = try cli.run("round", "close")
        #expect(closed.stdout.hasPrefix("closed round 'Mid-term review' as of "), "\(closed.stdout)\(closed.stderr)")
        #expect(try cli.run("set", "XA", "AP03-III-1-b", "partially-implemented").status == 0)
        #expect(try cli.run("set", "XA", "AP03-III-1-c", "not-started", "--note", "checked").status == 0)
        let opened = try cli.run("round", "open", "2099 survey", "--due", "2099-12-31")
        #expect(opened.status == 0, "the next round may open the day the last one closed: \(opened.stderr)")

        let list = try JSONSerialization.jsonObject(with: Data(try cli.run("round", "list", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(list.map { $0["name"] as! String } == ["2021 survey", "Mid-term review", "2099 survey"])
        #expect(list.map { $0["current"] as! Bool } == [false, false, true])
        #expect(list[0]["closedAt"] as? String == "2021-06-30T23:59:59.999Z")
        let table = try cli.run("round", "list").stdout
        #expect(table.contains("2099 survey") && table.contains("current, "), "\(table)")

        let compare = try cli.run("round", "compare", "Mid-term review", "2099 survey", "--format", "csv", "--state", "XA")
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains(",Mid-term review,implemented,2099 survey,partially-implemented,regressed,true\r\n"),
                "a round counts events from 00:00 UTC of its opening day: \(compare.stdout)")
        #expect(compare.stdout.contains("XA,Avalonia,prosecution,AP03-III-1-c,Liability of legal persons,Mid-term review,not-assessed,2099 survey,not-started,other,true\r\n"))
        #expect(compare.stdout.contains("XA,Avalonia,prosecution,AP03-III-1-d,Proportionate and dissuasive sanctions,Mid-term review,not-assessed,2099 survey,not-assessed,stayed,false\r\n"), "not reviewed")
        let markdown = try cli.run("round", "compare", "Mid-term review", "2099 survey", "--format", "markdown").stdout
        #expect(markdown.hasPrefix("# Rounds compared\n"))

        let frozen = try JSONSerialization.jsonObject(with: Data(try cli.run("export", "--format", "json", "--round", "mid-term REVIEW", "--state", "XA").stdout.utf8)) as! [String: Any]
        #expect((frozen["round"] as? [String: Any])?["name"] as? String == "Mid-term review")
        let statuses = frozen["statuses"] as! [[String: Any]]
        #expect(statuses.first { $0["action"] as? String == "AP03-III-1-b" }?["status"] as? String == "implemented", "the snapshot at the close")
        let latest = try JSONSerialization.jsonObject(with: Data(try cli.run("export", "--format", "json", "--round", "2099 survey", "--state", "XA").stdout.utf8)) as! [String: Any]
        #expect(latest["asOf"] is NSNull)
        #expect((latest["statuses"] as! [[String: Any]]).first { $0["action"] as? String == "AP03-III-1-b" }?["status"] as? String == "partially-implemented")

        // The HTML report's trend chart marks every round: its opening, and its close or deadline.
        let html = try cli.run("export", "--format", "html", "--state", "XA").stdout
        for label in ["2021-01-01 2021 survey opened", "2021-06-30 2021 survey closed", "Mid-term review opened",
                      "2099-12-31 2099 survey due"] {
            #expect(html.contains(label), "mark \(label)")
        }
    }

    @Test("bad input: exit 64, the message names the value, nothing is written", arguments: [
        (["round", "open", "2030 survey", "--due", "2030-6-30"], "--due: '2030-6-30' is not a date; use YYYY-MM-DD"),
        (["round", "open", "2030 survey", "--due", "2030-06-30", "--opens", "30/01/2030"], "--opens: '30/01/2030' is not a date"),
        (["round", "open", "2030 survey", "--due", "2030-02-30"], "--due: '2030-02-30' is not a date"),
        (["round", "open", "2016 survey", "--opens", "2016-01-01", "--due", "2016-06-30"], "--due 2016-06-30 is in the past (today is "),
        (["round", "open", "Spring 2098", "--opens", "2098-03-01", "--due", "2098-05-31"], "round 'Open 2098' (2098-01-01 to 2098-12-31, open) is still open"),
        (["round", "open", "open 2098", "--due", "2099-01-01"], "a round named 'Open 2098' already exists"),
        (["round", "open", "2098 autumn", "--opens", "2099-02-01", "--due", "2099-01-01"], "--due 2099-01-01 is before the opening day 2099-02-01"),
        (["round", "open", "", "--due", "2099-01-01"], "round name '' must be 1 to 80 characters"),
        (["round", "close", "Open 2097"], "unknown round 'Open 2097'; did you mean 'Open 2098'?"),
        (["round", "close", "Closed 2020"], "round 'Closed 2020' is already closed"),
        (["round", "close", "--at", "2099-13-01"], "--at: '2099-13-01' is not a date"),
        (["round", "close", "--at", "2097-12-31"], "--at 2097-12-31 is in the future"),
        (["round", "compare", "Closed 2020", "nope"], "unknown round 'nope'"),
        (["round", "compare", "Closed 2020", "closed 2020"], "compare two different rounds"),
        (["export", "--format", "json", "--round", "nope"], "unknown round 'nope'"),
        (["export", "--format", "json", "--round", "Closed 2020", "--as-of", "2020-01-01"], "give --round or --as-of, not both"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        #expect(try cli.run("round", "open", "Closed 2020", "--opens", "2020-01-01", "--due", "2020-06-30", "--allow-past").status == 0)
        #expect(try cli.run("round", "close", "--at", "2020-06-30").status == 0)
        #expect(try cli.run("round", "open", "Open 2098", "--opens", "2098-01-01", "--due", "2098-12-31").status == 0)
        let before = try StoreSnapshot(cli.store)
        let r = try cli.run(arguments)
        #expect(r.status == 64, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(try StoreSnapshot(cli.store) == before)
    }

    @Test("a period that overlaps a closed round is refused, listing it; with no round, close says so")
    func overlapAndNothingOpen() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let none = try cli.run("round", "close")
        #expect(none.status == 64 && none.stderr.contains("no round is open"), "\(none.stderr)")
        #expect(try cli.run("round", "list").stdout.hasPrefix("no rounds yet"))
        #expect(try cli.run("round", "open", "2021 survey", "--opens", "2021-01-01", "--due", "2021-06-30", "--allow-past").status == 0)
        #expect(try cli.run("round", "close", "--at", "2021-06-30").status == 0)
        let overlap = try cli.run("round", "open", "Early 2021", "--opens", "2020-11-01", "--due", "2021-02-28", "--allow-past")
        #expect(overlap.status == 64)
        #expect(overlap.stderr.contains("the period 2020-11-01 to 2021-02-28 overlaps round '2021 survey' (2021-01-01 to 2021-06-30, closed 2021-06-30 23:59 UTC)"), "\(overlap.stderr)")
    }
}
