import Testing
import TestSupport
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// Undo and redo are labelled by the parity of their `undoes` chain; a checkpoint keeps only each
/// action's newest events, so it records the kind of each kept compensating event. Whatever is in
/// memory, the label is the one a read of the whole journal gives.
@Suite("Store: undo and redo labels through checkpoints")
struct CompensationCheckpointTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"}]
        """
    static let actions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-2"]

    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        return temp
    }

    /// The label of every event in memory, by id.
    func labels(_ journal: Journal) -> [String: Compensation?] {
        Dictionary(uniqueKeysWithValues: journal.events.map { ($0.id, journal.compensation(of: $0)) })
    }

    /// Events are written one second apart, each based on its action's head.
    struct Writer {
        var heads: [String: [String]] = [:]
        var second = 0

        mutating func event(_ action: String, status: Status, undoes: String? = nil) -> ChangeEvent {
            second += 1
            let event = ChangeEvent(id: String(format: "e%05d", second), time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(second) * 1000),
                                    author: "tester", state: "XA", action: action, base: heads[action] ?? [], status: status,
                                    undoes: undoes)
            heads[action] = [event.id]
            return event
        }
    }

    @Test("a redo whose undo is older than the kept events is labelled redo, before and after the whole history is read")
    func redoOfAnUndoLeftOut() throws {
        let temp = try fictional()
        var writer = Writer()
        let action = Self.actions[0]
        let plain = writer.event(action, status: .implemented)
        let undo = writer.event(action, status: .notAssessed, undoes: plain.id)
        let redo = writer.event(action, status: .implemented, undoes: undo.id)
        var events = [plain, undo, redo]
        // The redo stays among the action's 3 newest; the undo does not; many newer events of another
        // action push all three out of the journal's 60 newest.
        events.append(writer.event(action, status: .inProgress))
        events.append(writer.event(action, status: .notStarted))
        for k in 0..<Store.keptPerJournal + 10 { events.append(writer.event(Self.actions[1], status: Status.allCases[k % 6])) }
        try temp.store.append(events)
        _ = try temp.store.readJournal("XA", history: .recent)          // writes the checkpoint
        let recent = try temp.store.readJournal("XA", history: .recent).0
        #expect(!recent.events.contains { $0.id == undo.id }, "the undo must be left out for this test to mean anything")
        #expect(recent.events.contains { $0.id == redo.id })
        #expect(recent.compensation(of: redo) == .redo)
        let full = try temp.store.readJournal("XA", history: .complete).0
        #expect(full.compensation(of: redo) == .redo)
    }

    @Test("an appended undo of an event left out by the checkpoint is labelled as a whole read labels it (reload and next read)")
    func appendedUndoOfAnOldEvent() throws {
        let temp = try fictional()
        var writer = Writer()
        let action = Self.actions[0]
        let plain = writer.event(action, status: .implemented)
        let undo = writer.event(action, status: .notAssessed, undoes: plain.id)
        var events = [plain, undo]
        for k in 0..<5 { events.append(writer.event(action, status: Status.allCases[k])) }
        for k in 0..<Store.keptPerJournal + 10 { events.append(writer.event(Self.actions[1], status: Status.allCases[k % 6])) }
        try temp.store.append(events)
        let loaded = try temp.store.load(history: .recent)
        #expect(!loaded.tracker.journal("XA").events.contains { $0.id == undo.id })
        // Redo the old undo: its target is not in memory.
        let redo = writer.event(action, status: .implemented, undoes: undo.id)
        try temp.store.append([redo])
        let reloaded = try temp.store.reload(loaded)
        #expect(reloaded.tracker.journal("XA").compensation(of: redo) == .redo)
        #expect(try temp.store.readJournal("XA", history: .recent).0.compensation(of: redo) == .redo)
    }

    @Test("random undo and redo chains: every label in memory equals the whole read's, through checkpoints and reloads",
          arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func property(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let temp = try fictional()
        var writer = Writer()
        var written: [ChangeEvent] = []
        var loaded = try temp.store.load(history: .recent)
        for step in 0..<220 {
            let action = Self.actions[Int.random(in: 0..<Self.actions.count, using: &random)]
            let mine = written.filter { $0.action == action }
            // A third of the events compensate an earlier event of their action, often a compensation itself.
            let undoes = Int.random(in: 0..<3, using: &random) == 0 ? mine.randomElement(using: &random)?.id : nil
            let event = writer.event(action, status: Status.allCases.randomElement(using: &random)!, undoes: undoes)
            try temp.store.append([event])
            written.append(event)
            if Int.random(in: 0..<5, using: &random) == 0 { _ = try temp.store.readJournal("XA", history: .recent) }
            if Int.random(in: 0..<4, using: &random) == 0 {
                loaded = try temp.store.reload(loaded)
                let full = labels(try temp.store.readJournal("XA", history: .complete).0)
                for (id, label) in labels(loaded.tracker.journal("XA")) { #expect(full[id] == label, "seed \(seed), step \(step), \(id)") }
            }
        }
        let full = labels(try temp.store.readJournal("XA", history: .complete).0)
        let recent = try temp.store.readJournal("XA", history: .recent).0
        #expect(recent.events.count < written.count, "seed \(seed): the checkpoint must leave events out")
        for (id, label) in labels(recent) { #expect(full[id] == label, "seed \(seed), \(id)") }
    }
}
