import Testing
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// The follow-up field of an event on disk: `"followUp": {"date", "owner"?}` sets it, `null` clears it.
@Suite("Store: follow-up dates in the journal")
struct FollowUpStoreTests {
    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", CheckpointTests.states)
        return temp
    }

    func event(_ change: Change, base: [String]) -> ChangeEvent {
        ChangeEvent(id: EventID.make(), time: Timestamp(parsing: "2026-05-01T12:00:00.000Z")!, author: "tester", state: "XA",
                    action: "AP03-IV-1-a", base: base, change: change)
    }

    @Test("set with and without owner, and cleared, round-trip through the journal in a fixed key order")
    func roundTrip() throws {
        let temp = try fictional()
        let set = event(Change(status: .inProgress, followUp: .set(FollowUp(date: ReviewDate(parsing: "2027-03-31")!, owner: "Ana \"A\" María"))), base: [])
        let moved = event(Change(followUp: .set(FollowUp(date: ReviewDate(parsing: "2027-04-15")!))), base: [set.id])
        let cleared = event(Change(followUp: .cleared), base: [moved.id])
        try temp.store.append([set])
        try temp.store.append([moved])
        try temp.store.append([cleared])
        let lines = try temp.read("states/XA.jsonl").split(separator: "\n")
        #expect(lines[0].hasSuffix(",\"status\":\"in-progress\",\"followUp\":{\"date\":\"2027-03-31\",\"owner\":\"Ana \\\"A\\\" María\"}}"))
        #expect(lines[1].hasSuffix(",\"followUp\":{\"date\":\"2027-04-15\"}}"))
        #expect(lines[2].hasSuffix(",\"followUp\":null}"))
        let loaded = try temp.store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.tracker.journal("XA").events(for: "AP03-IV-1-a") == [set, moved, cleared])
        #expect(loaded.tracker.assessment(state: "XA", action: "AP03-IV-1-a").followUp == nil)
        #expect(loaded.tracker.assessment(state: "XA", action: "AP03-IV-1-a").status == .inProgress)
    }

    @Test("a follow-up event is compare-and-append like a status: based on a head that moved, nothing is written")
    func staleBaseRefused() throws {
        let temp = try fictional()
        let first = event(Change(status: .inProgress), base: [])
        try temp.store.append([first])
        try temp.store.append([event(Change(status: .implemented), base: [first.id])])
        let late = event(Change(followUp: .set(FollowUp(date: ReviewDate(parsing: "2027-03-31")!))), base: [first.id])
        #expect { try temp.store.append([late]) } throws: { error in (error as? StoreError)?.kind == .headMoved }
        #expect(try temp.store.load().tracker.assessment(state: "XA", action: "AP03-IV-1-a").followUp == nil)
    }

    @Test("bad follow-up fields are located by line and column and say what was expected", arguments: [
        (#""followUp":"2027-03-31""#, "\"followUp\" must be null (cleared) or an object"),
        (#""followUp":{"date":"2027-02-30"}"#, "\"followUp.date\" must be a calendar date like 2027-03-31, found '2027-02-30'"),
        (#""followUp":{"date":20270331}"#, "\"followUp.date\" must be a calendar date like 2027-03-31, found a number"),
        (#""followUp":{"owner":"bob"}"#, "\"followUp\" is missing \"date\""),
        (#""followUp":{"date":"2027-03-31","owner":7}"#, "\"followUp.owner\" must be a string"),
        (#""followUp":{"date":"2027-03-31","owner":" bob"}"#, "\"followUp.owner\" must be a name of 1–64 characters"),
    ])
    func badFields(field: String, message: String) throws {
        let temp = try fictional()
        let prefix = #"{"id":"1","time":"2026-05-01T00:00:00.000Z","author":"a","state":"XA","action":"AP03-IV-1-a","#
        try temp.write("states/XA.jsonl", prefix + field + "}\n")
        let problem = try #require(temp.store.validate().first)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.location?.line == 1)
        #expect((problem.location?.column ?? 0) > prefix.count, "\(String(describing: problem.location))")
    }
}
