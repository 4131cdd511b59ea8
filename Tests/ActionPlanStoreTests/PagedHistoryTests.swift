import Testing
import TestSupport
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// `Store.newestChanges` reads history page by page from the end of the journals; whatever the
/// journals hold, a page is exactly the top of the full history (same events, same order, same statuses
/// before and after, same undo and redo labels), and it reads a bounded number of bytes.
@Suite("Store: history page by page, newest first")
struct PagedHistoryTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"},
         {"code": "XC", "iso3": "XCV", "name": "Carpania", "kind": "participating", "group": "fiction"}]
        """
    static let actions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-2", "AP03-III-1-a", "AP03-III-1-b"]

    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        return temp
    }

    /// What a page must agree on, from the whole history.
    struct Row: Equatable, CustomStringConvertible {
        var id: String
        var before: Status
        var after: Status
        var compensation: Compensation?
        var description: String { "\(id) \(before.rawValue)→\(after.rawValue) \(compensation?.rawValue ?? "")" }
    }

    func fullRows(_ temp: TempStore, since: Timestamp? = nil, keep: (Row, ChangeEvent) -> Bool = { _, _ in true }) throws -> [Row] {
        let tracker = try temp.store.load(history: .complete).tracker
        return tracker.timeline().filter { since == nil || $0.event.time >= since! }.compactMap { entry in
            let row = Row(id: entry.event.id, before: entry.before.status, after: entry.after.status,
                          compensation: tracker.journal(entry.event.state).compensation(of: entry.event))
            return keep(row, entry.event) ? row : nil
        }
    }

    func pagedRows(_ temp: TempStore, limit: Int, since: Timestamp? = nil, keep: @escaping (Row, ChangeEvent) -> Bool = { _, _ in true }) throws -> [Row] {
        func row(_ change: PagedChange) -> Row {
            Row(id: change.event.id, before: change.statusBefore, after: change.statusAfter, compensation: change.compensation)
        }
        return try temp.store.newestChanges(limit: limit, since: since, where: { keep(row($0), $0.event) }).map(row)
    }

    /// Random events for three States: chains on the head, undos and redos, and (when `disorder`)
    /// concurrent edits, format-1 events and clocks that go back, which put a journal out of order.
    func randomStore(_ temp: TempStore, seed: UInt64, count: Int, disorder: Bool) throws -> [ChangeEvent] {
        var random = SeededRandom(seed: seed)
        var written: [ChangeEvent] = []
        var heads: [String: [String]] = [:]
        var batch: [ChangeEvent] = []
        for step in 0..<count {
            let code = ["XA", "XB", "XC"][Int.random(in: 0..<3, using: &random)]
            let action = Self.actions[Int.random(in: 0..<Self.actions.count, using: &random)]
            let key = code + action
            let mine = written.filter { $0.state == code && $0.action == action }
            var base: [String]? = heads[key] ?? []
            var skew: Int64 = 0
            if disorder {
                switch Int.random(in: 0..<12, using: &random) {
                case 0 where !mine.isEmpty: base = [mine.randomElement(using: &random)!.id]
                case 1: base = nil
                case 2: skew = -Int64.random(in: 1...50, using: &random) * 1000
                default: break
                }
            }
            let undoes = Int.random(in: 0..<5, using: &random) == 0 ? mine.randomElement(using: &random)?.id : nil
            let event = ChangeEvent(id: String(format: "e%05d", step), time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(step) * 10_000 + skew),
                                    author: "w\(step % 4)", state: code, action: action, base: base,
                                    status: Int.random(in: 0..<4, using: &random) == 0 ? nil : Status.allCases.randomElement(using: &random)!,
                                    note: Bool.random(using: &random) ? "n\(step)" : nil, undoes: undoes)
            if base != nil { heads[key] = [event.id] }
            written.append(event)
            batch.append(event)
            if batch.count == 40 || step == count - 1 {
                try temp.store.append(batch, force: true)
                batch = []
                if Bool.random(using: &random) { _ = try temp.store.load(history: .recent) }    // checkpoints here
            }
        }
        return written
    }

    @Test("random stores: every page (limit, since, filters) equals the top of the full history",
          arguments: [(21, false), (22, false), (23, false), (24, true), (25, true), (26, true)] as [(UInt64, Bool)])
    func property(seed: UInt64, disorder: Bool) throws {
        let temp = try fictional()
        let written = try randomStore(temp, seed: seed, count: 600, disorder: disorder)
        var random = SeededRandom(seed: seed * 7)
        for _ in 0..<6 {
            let limit = [1, 5, 20, 70, 400, 1000].randomElement(using: &random)!
            #expect(try pagedRows(temp, limit: limit) == Array(fullRows(temp).prefix(limit)), "seed \(seed), limit \(limit)")
            let since = written.randomElement(using: &random)!.time
            #expect(try pagedRows(temp, limit: Int.max, since: since) == fullRows(temp, since: since), "seed \(seed), since")
            let action = Self.actions.randomElement(using: &random)!
            let keep: (Row, ChangeEvent) -> Bool = { row, event in event.action == action && row.before != row.after }
            let pagedFiltered = try pagedRows(temp, limit: limit, keep: keep), fullFiltered = Array(try fullRows(temp, keep: keep).prefix(limit))
            #expect(pagedFiltered == fullFiltered,
                    "seed \(seed), filter, limit \(limit): \(pagedFiltered.count) vs \(fullFiltered.count), first difference \(zip(pagedFiltered, fullFiltered).first { $0 != $1 }.map { "\($0) vs \($1)" } ?? "-")")
        }
        // The filter on the event alone, applied while reading, gives the same pages.
        let author = "w\(seed % 4)"
        let byAuthor = try temp.store.newestChanges(limit: 40, matching: { $0.author == author })
            .map { Row(id: $0.event.id, before: $0.statusBefore, after: $0.statusAfter, compensation: $0.compensation) }
        #expect(try byAuthor == Array(fullRows(temp, keep: { _, event in event.author == author }).prefix(40)), "seed \(seed), matching")
        // More events after the checkpoints (the tail) change nothing; nor does reading from a store held
        // open and reloaded (the TUI's way), which reads only the older lines.
        var loaded = try temp.store.load(history: .recent)
        _ = try randomStore(temp, seed: seed + 100, count: 30, disorder: false)
        #expect(try pagedRows(temp, limit: 50) == Array(fullRows(temp).prefix(50)), "seed \(seed), after a tail")
        loaded = try temp.store.reload(loaded)
        let held = try temp.store.newestChanges(in: loaded, limit: 120)
            .map { Row(id: $0.event.id, before: $0.statusBefore, after: $0.statusAfter, compensation: $0.compensation) }
        #expect(try held == Array(fullRows(temp).prefix(120)), "seed \(seed), held open")
    }

    @Test("under a catalog id mapping (a rename, then a split), pages still equal the top of the full history, actions included",
          arguments: [["AP03-IV-1-a>AP03-V-1"], ["AP03-IV-1-a>AP03-IV-1-b", "AP03-IV-1-a>AP03-V-1"]])
    func underAnIdMapping(renames: [String]) throws {
        let temp = try fictional()
        let written = try randomStore(temp, seed: 31, count: 300, disorder: false)
        try temp.store.appendOffice { _ in
            OfficeRecord(id: "install-1", time: Timestamp(milliseconds: written.last!.time.milliseconds + 1000), author: "a",
                         kind: "catalog.install", fields: ["version": .text("v+00000002"), "from": .text("v"),
                                                           "catalog": .text("osce-thb-action-plan"), "renames": .list(renames)])
        }
        let tracker = try temp.store.load(history: .complete).tracker
        let full = tracker.timeline().map { "\($0.event.id) \($0.event.action) \($0.before.status.rawValue)→\($0.after.status.rawValue)" }
        #expect(!full.contains { $0.contains(" AP03-IV-1-a ") }, "the old id shows nowhere")
        for limit in [1, 10, 80, 1000] {
            let paged = try temp.store.newestChanges(limit: limit)
                .map { "\($0.event.id) \($0.event.action) \($0.statusBefore.rawValue)→\($0.statusAfter.rawValue)" }
            #expect(paged == Array(full.prefix(limit)), "limit \(limit)")
        }
    }

    @Test("a page for a store held open reads no checkpoint and only the journals' last blocks (undos of far older events aside)")
    func heldOpenReadsLittle() throws {
        let temp = try fictional()
        for code in ["XA", "XB", "XC"] {
            var heads: [String: [String]] = [:]
            var events: [ChangeEvent] = []
            for k in 0..<2_000 {
                let action = Self.actions[k % Self.actions.count]
                let event = ChangeEvent(id: "\(code)-\(100_000 + k)", time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(k) * 1000 + Int64(code.utf8.last!)),
                                        author: "tester", state: code, action: action, base: heads[action] ?? [],
                                        status: Status.allCases[k % Status.allCases.count], note: k % 2 == 0 ? "note \(k)" : nil)
                heads[action] = [event.id]
                events.append(event)
            }
            try temp.store.append(events)
        }
        let loaded = try temp.store.load(history: .recent)
        try FileManager.default.removeItem(atPath: temp.path + "/.checkpoints")     // a page must not need them
        temp.store.meter.reset()
        let page = try temp.store.newestChanges(in: loaded, limit: 30)
        let bytes = temp.store.meter.bytes
        #expect(bytes <= 3 * 16 * 1024, "read \(bytes) bytes")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.checkpoints"), "no journal was read through a checkpoint")
        #expect(try page.map(\.event.id) == Array(fullRows(temp).prefix(30)).map(\.id))
    }

    @Test("the newest page of a long journal reads a bounded number of bytes from its end, whatever its length")
    func boundedRead() throws {
        let temp = try fictional()
        var heads: [String: [String]] = [:]
        var events: [ChangeEvent] = []
        for k in 0..<6_000 {
            let action = Self.actions[k % Self.actions.count]
            let event = ChangeEvent(id: String(format: "e%06d", k), time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(k) * 1000),
                                    author: "tester", state: "XA", action: action, base: heads[action] ?? [],
                                    status: Status.allCases[k % Status.allCases.count], note: "a note of some length \(k)")
            heads[action] = [event.id]
            events.append(event)
        }
        try temp.store.append(events)
        _ = try temp.store.load(history: .recent)                        // writes the checkpoint
        let size = try FileManager.default.attributesOfItem(atPath: temp.path + "/states/XA.jsonl")[.size] as! Int
        #expect(size > 1_000_000)
        temp.store.meter.reset()
        let page = try temp.store.newestChanges(states: ["XA"], limit: 20)
        #expect(page.map(\.event.id) == events.suffix(20).reversed().map(\.id))
        #expect(temp.store.meter.bytes <= 16 * 1024, "read \(temp.store.meter.bytes) bytes of \(size)")
        temp.store.meter.reset()
        let older = try temp.store.newestChanges(states: ["XA"], limit: 500)
        #expect(older.count == 500)
        #expect(temp.store.meter.bytes <= 256 * 1024, "read \(temp.store.meter.bytes) bytes of \(size)")
    }
}
