import Testing
import TestSupport
import ActionPlanModel

/// Follow-up dates: a field of the change like status and note, folded, undone and conflicted the same way.
@Suite("Follow-up dates in the fold")
struct FollowUpTests {
    let march = FollowUp(date: ReviewDate(parsing: "2027-03-31")!, owner: "alice")
    let april = FollowUp(date: ReviewDate(parsing: "2027-04-15")!, owner: nil)

    func e(_ id: String, _ time: String, base: [String]?, _ change: Change, by author: String = "alice",
           undoes: String? = nil) -> ChangeEvent {
        ChangeEvent(id: id, time: Fixture.t(time), author: author, state: "XA", action: "PV-1", base: base, change: change, undoes: undoes)
    }

    @Test("calendar dates: only real YYYY-MM-DD days parse; days count from 1970; today is the UTC day")
    func dates() {
        for bad in ["2027-02-30", "2027-13-01", "27-03-31", "2027-3-31", "2027-03-31T00:00:00Z", "", "tomorrow", "2027-03-31 "] {
            #expect(ReviewDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(ReviewDate(parsing: "1970-01-02")!.days == 1)
        #expect(ReviewDate(parsing: "2028-02-29")!.description == "2028-02-29")
        #expect(ReviewDate(Fixture.t("2027-03-31T23:59:59.999Z")) == ReviewDate(parsing: "2027-03-31"))
        #expect(ReviewDate(Fixture.t("1969-12-31T12:00:00Z")).description == "1969-12-31")
        #expect(march.daysLeft(from: ReviewDate(parsing: "2027-04-02")!) == -2)
    }

    @Test("a follow-up is set, replaced and cleared by events; the fold keeps the last")
    func setAndClear() {
        let set = e("1", "2026-01-01T00:00:00Z", base: [], Change(followUp: .set(march)))
        let moved = e("2", "2026-01-02T00:00:00Z", base: ["1"], Change(followUp: .set(april)))
        let cleared = e("3", "2026-01-03T00:00:00Z", base: ["2"], Change(followUp: .cleared))
        #expect(Journal(state: "XA", events: [set]).assessment(of: "PV-1").followUp == march)
        #expect(Journal(state: "XA", events: [set, moved]).assessment(of: "PV-1").followUp == april)
        #expect(Journal(state: "XA", events: [set, moved, cleared]).assessment(of: "PV-1").followUp == nil)
        // A status change leaves the follow-up alone.
        let status = e("4", "2026-01-04T00:00:00Z", base: ["2"], Change(status: .implemented))
        #expect(Journal(state: "XA", events: [set, moved, status]).assessment(of: "PV-1").followUp == april)
    }

    @Test("undo is the change back to the earlier assessment: it restores the earlier follow-up, and redo sets it again")
    func undoRedo() {
        var before = Assessment.unassessed
        before.followUp = march
        var after = before
        after.followUp = april
        let undo = after.change(to: before)
        #expect(undo == Change(followUp: .set(march)))
        var cleared = after
        cleared.followUp = nil
        #expect(cleared.change(to: after) == Change(followUp: .set(april)))
        #expect(after.change(to: cleared) == Change(followUp: .cleared))
        let events = [e("1", "2026-01-01T00:00:00Z", base: [], Change(followUp: .set(march))),
                      e("2", "2026-01-02T00:00:00Z", base: ["1"], Change(followUp: .set(april))),
                      e("3", "2026-01-03T00:00:00Z", base: ["2"], undo, undoes: "2")]
        let journal = Journal(state: "XA", events: events)
        #expect(journal.assessment(of: "PV-1").followUp == march)
        #expect(journal.compensation(of: events[2]) == .undo)
    }

    @Test("concurrent edits that set different follow-ups are a conflict; the same follow-up is not")
    func conflicts() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], Change(status: .inProgress))
        let a = e("a", "2026-01-02T00:00:00Z", base: ["r"], Change(followUp: .set(march)))
        let b = e("b", "2026-01-02T00:00:00Z", base: ["r"], Change(followUp: .set(april)), by: "bob")
        let conflict = Journal(state: "XA", events: [root, a, b]).conflict(of: "PV-1")
        #expect(conflict?.sides.map(\.assessment.followUp) == [march, april])
        let same = e("b", "2026-01-02T00:00:00Z", base: ["r"], Change(followUp: .set(march)), by: "bob")
        #expect(Journal(state: "XA", events: [root, a, same]).conflict(of: "PV-1") == nil)
    }

    @Test("descriptions name the follow-up; a follow-up-only change is not a status change")
    func describe() {
        #expect(Change(followUp: .set(march)).describe(from: .inProgress) == "follow-up 2027-03-31 (alice)")
        #expect(Change(followUp: .cleared).describe(from: .inProgress) == "follow-up cleared")
        #expect(Change(status: .implemented, followUp: .set(april)).describe(from: .inProgress)
                == "in-progress → implemented, follow-up 2027-04-15")
        #expect(Change(followUp: .cleared).isFollowUpOnly)
        #expect(!Change(followUp: .cleared).isEmpty)
        let events = [e("1", "2026-01-01T00:00:00Z", base: [], Change(status: .inProgress)),
                      e("2", "2026-01-02T00:00:00Z", base: ["1"], Change(followUp: .set(march)))]
        let timeline = Journal(state: "XA", events: events).timeline()
        #expect(timeline.map(\.changesStatus) == [true, false])
        #expect(Journal(state: "XA", events: events).statusesBefore() == [.notAssessed, .inProgress])
    }

    @Test("names: trimmed, 1–64 characters, no control characters")
    func names() throws {
        #expect(try PersonName.validate("  alice ").get() == "alice")
        #expect(try PersonName.validate("Ana María Ñúñez").get() == "Ana María Ñúñez")
        for bad in ["", "   ", "a\u{7}b", "tab\there", "x\u{202E}y", "a\u{2028}b", String(repeating: "x", count: 65)] {
            #expect(throws: PersonName.NameError.self) { try PersonName.validate(bad).get() }
        }
    }

    @Test("the agenda lists overdue and due-soon items by date, with an owner filter and --within spans")
    func agenda() {
        var tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        let early = FollowUp(date: ReviewDate(parsing: "2027-03-01")!, owner: "Bob")
        let far = FollowUp(date: ReviewDate(parsing: "2027-12-01")!, owner: "alice")
        tracker.record(ChangeEvent(id: "1", time: Fixture.t("2026-01-01T00:00:00Z"), author: "a", state: "XA", action: "PV-1",
                                   base: [], change: Change(followUp: .set(march))))
        tracker.record(ChangeEvent(id: "2", time: Fixture.t("2026-01-01T00:00:00Z"), author: "a", state: "XB", action: "PV-1",
                                   base: [], change: Change(followUp: .set(early))))
        tracker.record(ChangeEvent(id: "3", time: Fixture.t("2026-01-01T00:00:00Z"), author: "a", state: "XB", action: "PV-2",
                                   base: [], change: Change(followUp: .set(far))))
        let today = ReviewDate(parsing: "2027-03-10")!
        let agenda = FollowUpAgenda(tracker: tracker, states: ["XA", "XB"], today: today, within: 30)
        #expect(agenda.items.map { "\($0.state) \($0.action) \($0.timing)" } == ["XB PV-1 9 days overdue", "XA PV-1 21 days left"])
        #expect(agenda.overdue.count == 1)
        #expect(FollowUpAgenda(tracker: tracker, states: ["XA", "XB"], today: today, within: 30, owner: "bob").items.map(\.state) == ["XB"])
        #expect(FollowUpAgenda(tracker: tracker, states: ["XA"], today: today, within: 30).items.count == 1)
        #expect(FollowUpAgenda.parseSpan("30d") == 30)
        #expect(FollowUpAgenda.parseSpan("2w") == 14)
        #expect(FollowUpAgenda.parseSpan("7") == 7)
        for bad in ["", "d", "-3d", "3m", "thirty", "1.5d", "999999d"] { #expect(FollowUpAgenda.parseSpan(bad) == nil, "\(bad)") }
    }
}
