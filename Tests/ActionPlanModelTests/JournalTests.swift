import Testing
import ActionPlanModel

@Suite("Journal: the fold of events into assessments")
struct JournalTests {
    let events = [
        Fixture.event("b", "2026-03-01T10:00:00.000Z", action: "PV-1", status: .inProgress, note: "drafting", add: ["doc-1"]),
        Fixture.event("a", "2026-02-01T10:00:00.000Z", action: "PV-1", status: .notStarted),
        Fixture.event("c", "2026-04-01T10:00:00.000Z", action: "PV-1", status: .implemented, add: ["doc-2"], remove: ["doc-1"], by: "bob"),
    ]

    @Test("the current assessment is the fold in time order, whatever the file order")
    func foldInTimeOrder() {
        let journal = Journal(state: "XA", events: events)
        #expect(journal.events.map(\.id) == ["a", "b", "c"])
        let now = journal.assessment(of: "PV-1")
        #expect(now.status == .implemented)
        #expect(now.note == "drafting")               // absent field = unchanged
        #expect(now.evidence == ["doc-2"])
        #expect(now.updatedBy == "bob")
        #expect(now.updatedAt == Fixture.t("2026-04-01T10:00:00Z"))
    }

    @Test("equal times are ordered by id, the same on every machine")
    func tieBreak() {
        let x = Fixture.event("x", "2026-01-01T00:00:00Z", action: "PV-1", status: .notStarted)
        let y = Fixture.event("y", "2026-01-01T00:00:00Z", action: "PV-1", status: .implemented)
        #expect(Journal(state: "XA", events: [y, x]).assessment(of: "PV-1").status == .implemented)
        #expect(Journal(state: "XA", events: [x, y]).assessment(of: "PV-1").status == .implemented)
    }

    @Test("as of a past date: the state at the end of that instant", arguments: [
        ("2026-01-15T00:00:00Z", Status.notAssessed),
        ("2026-02-01T10:00:00Z", Status.notStarted),
        ("2026-03-15T00:00:00Z", Status.inProgress),
        ("2026-12-31T00:00:00Z", Status.implemented),
    ])
    func asOf(instant: String, expected: Status) {
        let journal = Journal(state: "XA", events: events)
        #expect((journal.assessments(asOf: Fixture.t(instant))["PV-1"] ?? .unassessed).status == expected)
    }

    @Test("end of day includes everything on that day")
    func endOfDay() {
        let journal = Journal(state: "XA", events: events)
        #expect(journal.assessments(asOf: Timestamp.endOfDay("2026-03-01"))["PV-1"]?.status == .inProgress)
        #expect(journal.assessments(asOf: Timestamp.endOfDay("2026-02-28"))["PV-1"]?.status == .notStarted)
    }

    @Test("appending an older event re-folds; a newer one updates in place")
    func appendOutOfOrder() {
        var journal = Journal(state: "XA", events: [events[2]])
        journal.append(events[0])
        #expect(journal.events.map(\.id) == ["b", "c"])
        #expect(journal.assessment(of: "PV-1").status == .implemented)
        journal.append(Fixture.event("d", "2026-05-01T00:00:00Z", action: "PV-1", status: .partiallyImplemented))
        #expect(journal.assessment(of: "PV-1").status == .partiallyImplemented)
    }

    @Test("the timeline shows each change with the values before and after, and its direction")
    func timeline() {
        let entries = Journal(state: "XA", events: events).timeline()
        #expect(entries.map { "\($0.before.status.rawValue)>\($0.after.status.rawValue)" } ==
                ["not-assessed>not-started", "not-started>in-progress", "in-progress>implemented"])
        #expect(entries.map(\.direction) == [0, 1, 1])
    }

    @Test("an undo is a compensating event that restores the earlier values")
    func undoRestores() {
        var journal = Journal(state: "XA", events: Array(events.prefix(2)))
        let before = journal.assessment(of: "PV-1")
        journal.append(events[2])
        let diff = journal.assessment(of: "PV-1").change(to: before)
        journal.append(ChangeEvent(id: "u", time: Fixture.t("2026-04-02T00:00:00Z"), author: "bob", state: "XA", action: "PV-1",
                                   base: nil, change: diff, undoes: "c"))
        let after = journal.assessment(of: "PV-1")
        #expect(after.status == before.status)
        #expect(after.note == before.note)
        #expect(after.evidence == before.evidence)
        #expect(journal.events.count == 4)           // history stays honest
    }
}
