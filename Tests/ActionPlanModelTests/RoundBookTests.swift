import Testing
import ActionPlanModel

@Suite("RoundBook: reporting rounds folded from the office log")
struct RoundBookTests {
    static func open(_ id: String, _ time: String, _ name: String, opens: String, due: String, by author: String = "alice") -> OfficeRecord {
        RoundBook.openRecord(id: id, time: Fixture.t(time), author: author, name: name, opens: opens, due: due)
    }

    static func close(_ id: String, _ time: String, _ round: Round, at: String? = nil, by author: String = "alice") -> OfficeRecord {
        RoundBook.closeRecord(id: id, time: Fixture.t(time), author: author, round: round, at: Fixture.t(at ?? time))
    }

    /// 2021 survey (closed 2021-06-30) ── 2027 survey (open, due 2027-06-30)
    var twoRounds: RoundBook {
        let first = Self.open("r1", "2027-01-02T09:00:00Z", "2021 survey", opens: "2021-01-01", due: "2021-06-30")
        let past = RoundBook(records: [first]).rounds[0]
        return RoundBook(records: [
            first,
            Self.close("c1", "2027-01-02T09:05:00Z", past, at: "2021-06-30T23:59:59.999Z"),
            Self.open("r2", "2027-01-10T08:00:00Z", "2027 survey", opens: "2027-01-10", due: "2027-06-30"),
        ])
    }

    @Test("rounds in opening order; the open one is current; the snapshot is the close instant, stored in the record")
    func fold() {
        let book = twoRounds
        #expect(book.rounds.map(\.name) == ["2021 survey", "2027 survey"])
        #expect(book.rounds[0].closedAt == Fixture.t("2021-06-30T23:59:59.999Z"))
        #expect(book.rounds[0].closedAt != Fixture.t("2027-01-02T09:05:00Z"), "the snapshot is 'at', not the record's time")
        #expect(book.current?.name == "2027 survey")
        #expect(book.current?.snapshotInstant == nil)
        #expect(book.problems.isEmpty)
        #expect(book.marks == [RoundMark(name: "2021 survey", opens: "2021-01-01", due: "2021-06-30", closed: Fixture.t("2021-06-30T23:59:59.999Z")),
                               RoundMark(name: "2027 survey", opens: "2027-01-10", due: "2027-06-30", closed: nil)])
    }

    @Test("opening is refused with a reason naming the values", arguments: [
        ("2027 Survey", "2027-07-01", "2027-12-31", "2026-12-01", false, "already exists"),
        ("2028 survey", "2027-07-01", "2027-12-31", "2027-02-01", false, "round '2027 survey' (2027-01-10 to 2027-06-30, open) is still open"),
        ("2028 survey", "2027-07-01", "2027-06-01", "2027-02-01", false, "--due 2027-06-01 is before the opening day 2027-07-01"),
        ("2016 survey", "2016-01-01", "2016-06-30", "2027-02-01", false, "--due 2016-06-30 is in the past (today is 2027-02-01)"),
    ])
    func refusals(name: String, opens: String, due: String, today: String, allowPast: Bool, reason: String) throws {
        let refusal = try #require(twoRounds.refusalToOpen(name: name, opens: opens, due: due, today: today, allowPast: allowPast))
        #expect(refusal.description.contains(reason), "\(refusal)")
    }

    @Test("a past round may be recorded with allowPast, unless it overlaps a closed one; the next round may open the day the last closed")
    func pastAndOverlap() {
        let closedOnly = RoundBook(records: [
            Self.open("r1", "2027-01-02T09:00:00Z", "2021 survey", opens: "2021-01-01", due: "2021-06-30"),
            Self.close("c1", "2027-01-02T09:05:00Z", twoRounds.rounds[0], at: "2021-06-30T23:59:59.999Z"),
        ])
        #expect(closedOnly.refusalToOpen(name: "2016 survey", opens: "2016-01-01", due: "2016-06-30", today: "2027-01-05", allowPast: true) == nil)
        let overlap = closedOnly.refusalToOpen(name: "early 2021", opens: "2020-10-01", due: "2021-03-31", today: "2027-01-05", allowPast: true)
        #expect(overlap?.description.contains("overlaps round '2021 survey'") == true)
        #expect(closedOnly.refusalToOpen(name: "late 2021", opens: "2021-06-30", due: "2021-12-31", today: "2027-01-05", allowPast: true) == nil)
    }

    @Test("closing: the open round by default; unknown and closed rounds are refused")
    func closing() {
        let book = twoRounds
        let now = Fixture.t("2027-03-01T12:00:00Z")
        #expect((try? book.roundToClose(name: nil, at: now).get())?.name == "2027 survey")
        guard case .failure(let closed) = book.roundToClose(name: "2021 SURVEY", at: now) else { Issue.record("closed twice"); return }
        #expect(closed.description.contains("round '2021 survey' is already closed"))
        guard case .failure(let unknown) = book.roundToClose(name: "2027 survy", at: now) else { Issue.record("unknown"); return }
        #expect(unknown.description == "unknown round '2027 survy'; did you mean '2027 survey'? (rounds: '2021 survey', '2027 survey')")
        guard case .failure(let early) = book.roundToClose(name: nil, at: Fixture.t("2026-12-31T00:00:00Z")) else { Issue.record("early"); return }
        #expect(early.description.contains("the close (2026-12-31) would come before round '2027 survey' opens (2027-01-10)"))
        guard case .failure(let none) = RoundBook(records: []).roundToClose(name: nil, at: now) else { Issue.record("none"); return }
        #expect(none.description == "no round is open")
    }

    @Test("concurrent opens of one name: the first in (time, id) order is the round; the other is reported, whatever the line order")
    func concurrentSameName() {
        let mine = Self.open("a-1", "2027-01-10T08:00:00Z", "2027 survey", opens: "2027-01-10", due: "2027-06-30", by: "alice")
        let theirs = Self.open("b-1", "2027-01-10T08:00:00Z", "2027 Survey", opens: "2027-01-15", due: "2027-07-31", by: "bob")
        for records in [[mine, theirs], [theirs, mine]] {
            let book = RoundBook(records: records)
            #expect(book.rounds.map(\.openID) == ["a-1"])
            #expect(book.problems.map(\.recordID) == ["b-1"])
            #expect(book.problems[0].message.contains("was opened twice"))
        }
    }

    @Test("concurrent opens of two rounds: both kept and reported; the current round is the one that opens last")
    func concurrentTwoRounds() {
        let book = RoundBook(records: [
            Self.open("b-1", "2027-01-10T08:00:00Z", "Spring review", opens: "2027-03-01", due: "2027-05-31", by: "bob"),
            Self.open("a-1", "2027-01-10T08:00:01Z", "2027 survey", opens: "2027-01-10", due: "2027-06-30", by: "alice"),
        ])
        #expect(book.rounds.map(\.name) == ["2027 survey", "Spring review"])
        #expect(book.current?.name == "Spring review")
        #expect(book.problems.map(\.message) == ["2 rounds are open at once ('2027 survey', 'Spring review'), probably opened concurrently by two offices; close all but one with `actionplan round close NAME`"])
        guard case .failure(let which) = book.roundToClose(name: nil, at: Fixture.t("2027-04-01T00:00:00Z")) else { Issue.record("ambiguous"); return }
        #expect(which.description.contains("2 rounds are open"))
    }

    @Test("concurrent closes: the first close in fold order sets the snapshot; a close that sorts before its open (a clock behind) still applies")
    func concurrentCloses() {
        let opened = Self.open("r", "2027-01-10T08:00:00Z", "2027 survey", opens: "2027-01-10", due: "2027-06-30")
        let round = RoundBook(records: [opened]).rounds[0]
        let early = Self.close("c-2", "2027-01-09T00:00:00Z", round, at: "2027-06-30T10:00:00Z", by: "bob")
        let late = Self.close("c-1", "2027-06-30T12:00:00Z", round, by: "alice")
        let book = RoundBook(records: [late, opened, early])
        #expect(book.rounds[0].closedAt == Fixture.t("2027-06-30T10:00:00Z"))
        #expect(book.rounds[0].closedBy == "bob")
        #expect(book.problems.map(\.recordID) == ["c-1"])
    }

    @Test("malformed records are ignored and reported by id")
    func malformed() {
        let bad = OfficeRecord(id: "x", time: Fixture.t("2027-01-01T00:00:00Z"), author: "eve", kind: RoundBook.openKind,
                               fields: ["name": .text("R"), "opens": .text("2027-1-1"), "due": .text("2027-06-30")])
        let stray = OfficeRecord(id: "y", time: Fixture.t("2027-01-01T00:00:00Z"), author: "eve", kind: RoundBook.closeKind,
                                 fields: ["name": .text("nothing")])
        let other = OfficeRecord(id: "z", time: Fixture.t("2027-01-01T00:00:00Z"), author: "eve", kind: "officer.add")
        let book = RoundBook(records: [bad, stray, other])
        #expect(book.rounds.isEmpty)
        #expect(book.problems.map(\.recordID) == ["x", "y"])
    }

    @Test("the countdown for the header", arguments: [
        ("2027-05-18", "43 days left"), ("2027-06-29", "1 day left"), ("2027-06-30", "due today"),
        ("2027-07-03", "overdue by 3 days"), ("2027-01-05", "opens in 5 days"),
    ])
    func countdown(today: String, text: String) {
        #expect(twoRounds.current?.countdown(today: today) == text)
    }

    @Test("round days are exactly YYYY-MM-DD and real dates", arguments: [
        ("2027-06-30", true), ("2027-02-29", false), ("2027-6-30", false), ("30/06/2027", false), ("2027-06-30T00:00:00Z", false), ("", false),
    ])
    func days(text: String, valid: Bool) {
        #expect((RoundDay.parse(text) != nil) == valid)
    }
}
