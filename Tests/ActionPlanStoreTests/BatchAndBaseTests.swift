import Testing
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// Compare-and-append and atomic batches, on real files: the store decides under its lock, and a
/// write of many events is visible whole or not at all.
@Suite("Store: compare-and-append, batches, recovery, migration")
struct BatchAndBaseTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"}]
        """

    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        return temp
    }

    func event(_ state: String, _ status: Status, action: String = "AP03-IV-1-a", base: [String]?, by author: String = "alice") -> ChangeEvent {
        ChangeEvent(id: EventID.make(), time: Timestamp(parsing: "2026-05-01T12:00:00.000Z")!, author: author,
                    state: state, action: action, base: base, status: status)
    }

    @Test("a write based on a head that moved is refused with who changed what, and nothing is written; --force writes a conflict")
    func headMoved() throws {
        let temp = try fictional()
        let first = event("XA", .inProgress, base: [], by: "bob")
        try temp.store.append([first])
        let before = try temp.read("states/XA.jsonl")
        let stale = event("XA", .implemented, base: [])
        #expect {
            try temp.store.append([stale])
        } throws: { error in
            let e = error as! StoreError
            return e.kind == .headMoved && e.moved.first?.current.map(\.id) == [first.id]
                && e.moved.first?.description.contains("was changed by bob at 2026-05-01 12:00 UTC") == true
        }
        #expect(try temp.read("states/XA.jsonl") == before)
        try temp.store.append([stale], force: true)
        let journal = try temp.store.readJournal("XA").0
        #expect(journal.conflict(of: "AP03-IV-1-a")?.sides.count == 2)
    }

    @Test("an import planned before a colleague's write is refused whole under the lock: nothing of it is written")
    func importRace() throws {
        let temp = try fictional()
        try temp.store.append([event("XB", .notStarted, base: [])])
        // The import reads the store and plans two rows...
        let tracker = try temp.store.load().tracker
        let planned = ["XA", "XB"].map { code in
            event(code, .implemented, base: tracker.headIDs(state: code, action: "AP03-IV-1-a"), by: "importer")
        }
        // ...a `set` lands between the check and the append...
        try temp.store.append([event("XB", .inProgress, base: tracker.headIDs(state: "XB", action: "AP03-IV-1-a"), by: "carol")])
        let xb = try temp.read("states/XB.jsonl")
        #expect {
            try temp.store.append(planned)
        } throws: { error in
            (error as! StoreError).moved.map { "\($0.state) \($0.action)" } == ["XB AP03-IV-1-a"]
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/states/XA.jsonl"), "not even the good row")
        #expect(try temp.read("states/XB.jsonl") == xb)
        #expect(FileIO.list(temp.path + "/.pending").isEmpty)
    }

    @Test("a batch that was never committed (.tmp) is discarded: none of it becomes visible")
    func uncommittedBatchDiscarded() throws {
        let temp = try fictional()
        try FileManager.default.createDirectory(atPath: temp.path + "/.pending", withIntermediateDirectories: true)
        let line = EventCodec.encode(event("XA", .implemented, base: [])) + "\n"
        try temp.write(".pending/half.tmp", line)
        let loaded = try temp.store.load()
        #expect(loaded.tracker.journals.isEmpty)
        #expect(FileIO.list(temp.path + "/.pending").isEmpty)
    }

    @Test("a committed batch whose appends were cut (a torn line) is completed whole before anyone reads it")
    func committedBatchRolledForward() throws {
        let temp = try fictional()
        try temp.store.append([event("XA", .notStarted, action: "AP03-IV-1-b", base: [])])
        let events = [event("XA", .implemented, base: []), event("XB", .implemented, base: []),
                      event("XA", .inProgress, action: "AP03-IV-1-c", base: [])]
        let offsets = ["XA": FileIO.size(temp.path + "/states/XA.jsonl"), "XB": Int64(0)]
        let batch = PendingBatch(id: "b1", lines: events.map { ($0.state, EventCodec.encode($0) + "\n") }, offsets: offsets)
        try FileManager.default.createDirectory(atPath: temp.path + "/.pending", withIntermediateDirectories: true)
        try batch.encoded().write(to: URL(fileURLWithPath: temp.path + "/.pending/b1.jsonl"))
        // The writer died after 20 bytes of XA's lines: a torn last line, and XB untouched.
        let handle = try #require(FileHandle(forWritingAtPath: temp.path + "/states/XA.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data(batch.bytes(for: "XA").prefix(20)))
        handle.closeFile()
        let loaded = try temp.store.load()
        #expect(loaded.problems.map(\.message) == ["completed an interrupted batch of 3 event(s) (XA, XB)"])
        #expect(loaded.tracker.journal("XA").events.count == 3)
        #expect(loaded.tracker.journal("XB").events.count == 1)
        #expect(temp.store.validate().isEmpty)
        // Completing it again changes nothing (idempotent).
        #expect(try temp.store.repair().isEmpty)
    }

    @Test("a damaged committed batch is quarantined and reported, never half-applied")
    func damagedBatchQuarantined() throws {
        let temp = try fictional()
        try FileManager.default.createDirectory(atPath: temp.path + "/.pending", withIntermediateDirectories: true)
        var bytes = [UInt8](PendingBatch(id: "b2", lines: [("XA", EventCodec.encode(event("XA", .implemented, base: [])) + "\n")],
                                         offsets: ["XA": 0]).encoded())
        bytes[10] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: temp.path + "/.pending/b2.jsonl"))
        let done = try temp.store.repair()
        #expect(done.first?.message.contains("damaged batch (checksum mismatch) moved to .quarantine/b2.jsonl") == true)
        #expect(FileIO.list(temp.path + "/.quarantine") == ["b2.jsonl"])
        #expect(try temp.store.load().tracker.journals.isEmpty)
    }

    @Test("a format-1 store is read as it is and upgraded to format 3 by the first write")
    func migration() throws {
        let temp = try fictional()
        try temp.write("store.json", try temp.read("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 1"))
        try temp.write(".gitattributes", "*.jsonl merge=union\n")
        try temp.write("states/XA.jsonl", """
            {"id":"old","time":"2026-01-01T00:00:00.000Z","author":"alice","state":"XA","action":"AP03-IV-1-a","status":"in-progress"}

            """)
        let loaded = try temp.store.load()
        #expect(loaded.manifest.format == 1)
        #expect(try temp.read("store.json").contains("\"format\": 1"), "reading does not migrate")
        try temp.store.append([event("XA", .implemented, base: loaded.tracker.headIDs(state: "XA", action: "AP03-IV-1-a"))])
        #expect(try temp.read("store.json").contains("\"format\": 3"))
        #expect(try temp.read(".gitattributes") == "*.jsonl merge=union eol=lf\n")
        #expect(try temp.store.load().tracker.assessment(state: "XA", action: "AP03-IV-1-a").status == .implemented)
    }

    @Test("a fresh git clone has no states/ folder (git keeps no empty folders): the first write creates it")
    func freshCloneIsWritable() throws {
        let temp = try fictional()
        try FileManager.default.removeItem(atPath: temp.path + "/states")
        #expect(temp.store.isWritable)
        try temp.store.append([event("XA", .implemented, base: [])])
        #expect(try temp.store.load().tracker.journal("XA").events.count == 1)
    }
}
