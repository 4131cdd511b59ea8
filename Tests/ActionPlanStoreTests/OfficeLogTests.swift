import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanStore

@Suite("Office log: rounds, officers and catalog decisions as appended records")
struct OfficeLogTests {
    func record(_ kind: String, at time: String = "2026-05-01T12:00:00.000Z", _ fields: [String: OfficeValue] = [:]) -> OfficeRecord {
        OfficeRecord(id: EventID.make(), time: Timestamp(parsing: time)!, author: "alice", kind: kind, fields: fields)
    }

    @Test("an appended record reads back equal, in a stable key order, and shows in the loaded tracker")
    func roundTrip() throws {
        let temp = try TempStore()
        let written = record("round.open", ["name": .text("2027 survey"), "due": .text("2027-06-30"), "states": .list(["XA", "XB"])])
        try temp.store.appendOffice { _ in written }
        let line = try temp.read("office.jsonl")
        #expect(line.hasPrefix("{\"id\":\"\(written.id)\",\"time\":\"2026-05-01T12:00:00.000Z\",\"author\":\"alice\",\"kind\":\"round.open\",\"due\":\"2027-06-30\",\"name\":\"2027 survey\",\"states\":[\"XA\",\"XB\"]}"))
        #expect(try temp.store.officeLog().records == [written])
        #expect(try temp.store.load().tracker.office == [written])
    }

    @Test("the decision sees the log under the lock; a refusal writes nothing")
    func decideUnderLock() throws {
        let temp = try TempStore()
        try temp.store.appendOffice { log in log.records.isEmpty ? record("round.close", ["name": .text("R")]) : nil }
        let second = try temp.store.appendOffice { log in log.records.isEmpty ? record("round.close", ["name": .text("R")]) : nil }
        #expect(second == nil)
        #expect(throws: StoreError.self) {
            try temp.store.appendOffice { _ throws(StoreError) in throw StoreError(.io, file: "x", message: "round R is closed") }
        }
        #expect(try temp.store.officeLog().records.count == 1)
    }

    @Test("a malformed record is refused before anything is written")
    func malformedRefused() throws {
        let temp = try TempStore()
        #expect(throws: StoreError.self) { try temp.store.appendOffice { _ in record("Round Open") } }
        #expect(throws: StoreError.self) { try temp.store.appendOffice { _ in record("round.open", ["kind": .text("x")]) } }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/office.jsonl"))
    }

    @Test("bad lines are reported with line and column and skipped; a duplicate id with other content is reported; git's union merge duplicates are dropped")
    func badLines() throws {
        let temp = try TempStore()
        let good = "{\"id\":\"a\",\"time\":\"2026-05-01T12:00:00.000Z\",\"author\":\"alice\",\"kind\":\"officer.add\",\"name\":\"bob\"}"
        try temp.write("office.jsonl", good + "\n" + good + "\n"
            + "{\"id\":\"b\",\"time\":\"2026-05-01T12:00:00.000Z\",\"author\":\"alice\",\"kind\":\"officer.add\",\"name\":7}\n"
            + "{\"id\":\"a\",\"time\":\"2026-05-02T12:00:00.000Z\",\"author\":\"eve\",\"kind\":\"officer.remove\",\"name\":\"bob\"}\n"
            + "{\"id\":\"c\",\"time\":\"2026-05-01T12:00:00.000Z\",\"author\":\"alice\",\"kind\":\"Officer\"}\n"
            + "{\"id\":\"d\",\"time\"")
        let log = try temp.store.officeLog()
        #expect(log.records.map(\.id) == ["a"])
        #expect(log.records[0].text("name") == "bob")
        let where_ = log.problems.map { "\($0.location!.line):\($0.location!.column)" }
        #expect(where_ == ["3:90", "4:1", "5:69", "6:17"], "\(log.problems)")
        #expect(log.problems[3].message.contains("torn last line"))
        let problems = temp.store.validate()
        #expect(problems.contains { $0.file.hasSuffix("office.jsonl") && $0.location?.line == 3 })
    }

    @Test("records fold in (time, id) order whatever the line order")
    func foldOrder() throws {
        let temp = try TempStore()
        let late = record("round.open", at: "2026-06-01T00:00:00.000Z")
        let early = record("round.open", at: "2026-01-01T00:00:00.000Z")
        try temp.store.appendOffice { _ in late }
        try temp.store.appendOffice { _ in early }
        #expect(try temp.store.officeLog().records == [early, late])
    }

    @Test("a reload picks up a record written by someone else")
    func reload() throws {
        let temp = try TempStore()
        let loaded = try temp.store.load(history: .recent)
        let other = try Store.open(path: temp.path, create: false)
        let written = record("officer.add", ["name": .text("bob")])
        try other.appendOffice { _ in written }
        #expect(try temp.store.reload(loaded).tracker.office == [written])
    }

    @Test("a format-2 store is read as it is and upgraded to format 3 by the first write, an office record included")
    func migrationFromFormat2() throws {
        let temp = try TempStore()
        try temp.write("store.json", try temp.read("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 2"))
        #expect(try temp.store.load().manifest.format == 2)
        #expect(try temp.read("store.json").contains("\"format\": 2"), "reading does not migrate")
        try temp.store.appendOffice { _ in record("officer.add", ["name": .text("bob")]) }
        #expect(try temp.read("store.json").contains("\"format\": 3"))
        #expect(try temp.read(".gitignore").contains(".checkpoints/"))
    }
}

@Suite("Rounds in the store: records decided under the lock, concurrent ones folded and reported")
struct RoundStoreTests {
    func opening(_ name: String, by author: String, at time: String) -> (RoundBook) -> OfficeRecord? {
        { book in
            book.refusalToOpen(name: name, opens: "2027-01-10", due: "2027-06-30", today: "2027-01-10", allowPast: false) == nil
                ? RoundBook.openRecord(id: EventID.make(), time: Timestamp(parsing: time)!, author: author, name: name, opens: "2027-01-10", due: "2027-06-30")
                : nil
        }
    }

    @Test("one store refuses a second open under its lock; two clones that each opened a round both keep their line after a union merge, and the fold decides the same whatever the line order")
    func concurrentOpens() throws {
        let alice = try TempStore(), bob = try TempStore()
        let decideAlice = opening("2027 survey", by: "alice", at: "2027-01-10T09:00:00.000Z")
        let decideBob = opening("Spring review", by: "bob", at: "2027-01-10T09:00:00.000Z")
        try alice.store.appendOffice { decideAlice(RoundBook(records: $0.records)) }
        #expect(try alice.store.appendOffice { decideBob(RoundBook(records: $0.records)) } == nil, "one office: refused while a round is open")
        try bob.store.appendOffice { decideBob(RoundBook(records: $0.records)) }
        // git's union merge: both lines, in either order, on each machine.
        let a = try alice.read("office.jsonl"), b = try bob.read("office.jsonl")
        try alice.write("office.jsonl", a + b)
        try bob.write("office.jsonl", b + a)
        let onAlice = RoundBook(records: try alice.store.load().tracker.office)
        let onBob = RoundBook(records: try bob.store.load().tracker.office)
        #expect(onAlice == onBob)
        #expect(onAlice.rounds.map(\.name).sorted() == ["2027 survey", "Spring review"])
        #expect(onAlice.current == onBob.current)
        let problems = alice.store.validate(now: Timestamp(parsing: "2027-01-11T00:00:00.000Z")!)
        #expect(problems.contains { $0.file.hasSuffix("office.jsonl") && $0.message.contains("2 rounds are open at once") }, "\(problems)")
    }

    @Test("the same round opened on two clones: one round, the other line reported by validate")
    func concurrentSameName() throws {
        let alice = try TempStore(), bob = try TempStore()
        try alice.store.appendOffice { opening("2027 survey", by: "alice", at: "2027-01-10T09:00:00.000Z")(RoundBook(records: $0.records)) }
        try bob.store.appendOffice { opening("2027 Survey", by: "bob", at: "2027-01-10T09:30:00.000Z")(RoundBook(records: $0.records)) }
        try alice.write("office.jsonl", try bob.read("office.jsonl") + alice.read("office.jsonl"))
        let book = RoundBook(records: try alice.store.officeLog().records)
        #expect(book.rounds.map(\.openedBy) == ["alice"])
        let problems = alice.store.validate(now: Timestamp(parsing: "2027-01-11T00:00:00.000Z")!)
        #expect(problems.contains { $0.message.contains("round '2027 Survey' was opened twice") }, "\(problems)")
    }
}
