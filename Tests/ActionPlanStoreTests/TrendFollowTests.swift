import Testing
import TestSupport
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// The trend tallies move with the journals instead of being folded again: a session holds them from
/// its start and moves them with every reload, and a `.trend` cache moves with its journal's checkpoint.
/// Whatever is appended, the trend is the one a whole read gives.
@Suite("Store: trend tallies that follow appended events")
struct TrendFollowTests {
    let base = TrendCacheTests()
    static let end = Timestamp(milliseconds: TrendCacheTests.start + 900 * TrendCacheTests.day)

    /// A fictional store with random histories (messy: branches, clocks behind, undo events), settled.
    func store(seed: UInt64) throws -> TempStore {
        var random = SeededRandom(seed: seed)
        let temp = try base.fictional()
        try base.writeRandom(temp, &random, count: 240)
        try base.settle(temp)
        return temp
    }

    /// An event that extends the single head of one of `code`'s actions (the random histories' own
    /// actions are mostly in conflict; others start a chain), later than every event.
    func extending(_ store: Store, _ code: String, at day: Int64, status: Status) throws -> ChangeEvent {
        let journal = try store.readJournal(code, history: .complete).0
        let candidates = TrendCacheTests.actions + ["AP03-IV-1-c", "AP03-IV-3-a", "AP03-III-1-b", "AP03-IV-4-a"]
        let events = candidates.map { action in
            ChangeEvent(id: "x-\(code)-\(day)-\(journal.eventCount)", time: Timestamp(milliseconds: TrendCacheTests.start + day * TrendCacheTests.day),
                        author: "colleague", state: code, action: action, base: journal.headIDs(of: action), status: status)
        }
        return try #require(events.first { journal.extendsHead($0) && journal.eventCount(of: $0.action) > 0 } ?? events.first { journal.extendsHead($0) })
    }

    /// A store, a session's `Store` on it and a colleague's (another process).
    func twoOffices(seed: UInt64) throws -> (TempStore, session: Store, colleague: Store) {
        let temp = try store(seed: seed)
        return (temp, try Store.open(path: temp.path, create: false), try Store.open(path: temp.path, create: false))
    }

    func catalog(_ temp: TempStore) throws -> Catalog {
        try temp.store.load(states: [], history: .recent).tracker.catalog
    }

    @Test("a session's start holds every journal's tallies: its trend opens no file (even with .checkpoints/ gone) and equals a whole read")
    func heldFromTheStart() throws {
        let temp = try store(seed: 50)
        _ = try temp.store.load(history: .recent)   // a first session writes checkpoints and trend caches
        let session = try Store.open(path: temp.path, create: false)
        let loaded = try session.load(history: .recent)
        #expect(Set(loaded.trends.keys) == Set(TrendCacheTests.codes))
        session.removeCheckpoints()
        session.meter.reset()
        let series = try session.trend(in: loaded, states: TrendCacheTests.codes, pillars: loaded.tracker.catalog.pillars, through: Self.end)
        #expect(session.meter.bytes == 0)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.checkpoints"), "nothing was read or written")
        #expect(series == (try base.whole(temp, through: Self.end)))
    }

    @Test("a colleague's events move the session's tallies in its reload: the trend after it reads no journal byte and equals a whole read")
    func movedByTheReload() throws {
        let (temp, session, colleague) = try twoOffices(seed: 51)
        var loaded = try session.load(history: .recent)
        let pillars = loaded.tracker.catalog.pillars
        // Later days, one a month ahead (a new month end), two in the same instant's day.
        for (k, day) in [450, 451, 451, 500].enumerated() {
            let code = TrendCacheTests.codes[k % 3]
            try colleague.append([try extending(colleague, code, at: Int64(day), status: Status.allCases[k % Status.allCases.count])])
            loaded = try session.reload(loaded)
            #expect(loaded.trends[code]?.length == loaded.positions[code]?.length, "step \(k): the tallies moved with the journal")
            session.meter.reset()
            let series = try session.trend(in: loaded, states: TrendCacheTests.codes, pillars: pillars, through: Self.end)
            #expect(session.meter.bytes == 0, "step \(k)")
            #expect(series == (try base.whole(temp, through: Self.end)), "step \(k)")
        }
    }

    @Test("an appended event the tallies cannot follow (a concurrent edit, a clock behind) has its journal read again; the trend is still a whole read's")
    func droppedWhenTheyCannotFollow() throws {
        let (temp, session, colleague) = try twoOffices(seed: 52)
        var loaded = try session.load(history: .recent)
        let pillars = loaded.tracker.catalog.pillars
        var concurrent = try extending(colleague, "XB", at: 460, status: .implemented)
        concurrent.base = []   // not based on the head: a conflict
        try colleague.append([concurrent], force: true)
        var behind = try extending(colleague, "XC", at: 470, status: .inProgress)   // then dated before the newest event
        behind.id = "behind"
        behind.time = Timestamp(milliseconds: TrendCacheTests.start + 10 * TrendCacheTests.day)
        try colleague.append([behind])
        loaded = try session.reload(loaded)
        // The reload read those journals again (whole): whatever tallies it holds for them are a whole fold's.
        for code in ["XB", "XC"] {
            let journal = try temp.store.readJournal(code, history: .complete).0
            if let held = loaded.trends[code] {
                #expect(held.tallies == TrendTallies(journal: journal, pillars: pillars), "\(code)")
                #expect(held.length == loaded.positions[code]?.length)
            }
        }
        #expect(loaded.trends["XA"] != nil)
        let series = try session.trend(in: loaded, states: TrendCacheTests.codes, pillars: pillars, through: Self.end)
        #expect(series == (try base.whole(temp, through: Self.end)))
    }

    @Test("a write based on the heads moves the .trend cache with the checkpoint; the next process's trend equals a whole read")
    func movedWithTheCheckpoint() throws {
        let temp = try store(seed: 53)
        _ = try temp.store.load(history: .recent)
        let writer = try Store.open(path: temp.path, create: false)
        let event = try extending(writer, "XA", at: 470, status: .implemented)
        try writer.append([event])
        let size = try base.size(temp, "XA")
        let bytes = try FileIO.readBytes(temp.path + "/.checkpoints/XA.trend")
        let cache = try #require(TrendCache.decode(bytes, state: "XA"))
        #expect(cache.length == Int64(size), "the cache covers the appended line")
        let checkpoint = try #require(Checkpoint.decode(try FileIO.readBytes(temp.path + "/.checkpoints/XA.fold"), state: "XA"))
        #expect(cache.length == checkpoint.length && cache.hash == checkpoint.hash)
        let next = try Store.open(path: temp.path, create: false)
        let pillars = try catalog(temp).pillars
        #expect(try next.trend(states: TrendCacheTests.codes, pillars: pillars, through: Self.end) == base.whole(temp, through: Self.end))
    }

    @Test("a journal that grew behind its cache (another process appended without base) is moved through its checkpoint, reading the journal once")
    func grownJournalMovedThroughItsCheckpoint() throws {
        let temp = try store(seed: 54)
        let pillars = try catalog(temp).pillars
        _ = try temp.store.load(history: .recent)
        // Appended as a plain line (no store write moves the cache), then settled.
        let event = try extending(temp.store, "XC", at: 480, status: .inProgress)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp.path + "/states/XC.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((EventCodec.encode(event) + "\n").utf8))
        try handle.close()
        try base.settle(temp)
        let other = try Store.open(path: temp.path, create: false)
        other.meter.reset()
        let tallies = try other.trendTallies(states: ["XC"], pillars: pillars, through: Self.end)
        #expect(other.meter.bytes == (try base.size(temp, "XC")), "read once, to hash the prefix the cache and checkpoint cover")
        let cache = try #require(TrendCache.decode(try FileIO.readBytes(temp.path + "/.checkpoints/XC.trend"), state: "XC"))
        #expect(cache.length == Int64(try base.size(temp, "XC")))
        #expect(tallies["XC"] == cache.tallies)
        #expect(try other.trend(states: TrendCacheTests.codes, pillars: pillars, through: Self.end) == base.whole(temp, through: Self.end))
    }

    @Test("a cache reads back what was written (version 2, its layout included); cut or changed anywhere it is ignored, never misread")
    func cacheText() throws {
        let temp = try store(seed: 55)
        _ = try temp.store.load(history: .recent)
        let bytes = try FileIO.readBytes(temp.path + "/.checkpoints/XA.trend")
        let cache = try #require(TrendCache.decode(bytes, state: "XA"))
        #expect(cache.encoded() == bytes)
        #expect(String(decoding: bytes.prefix(21), as: UTF8.self) == "actionplan-trend 2 XA")
        let pillars = try catalog(temp).pillars
        #expect(cache.layout == TrendCache.layoutHash(pillars), "its own layout is the catalog's")
        #expect(cache.actions == TrendTallies.trackableActions(pillars))
        #expect(TrendCache.decode(bytes, state: "XB") == nil, "another State's name")
        for cut in stride(from: 0, to: bytes.count, by: 7) { #expect(TrendCache.decode(Array(bytes.prefix(cut)), state: "XA") == nil) }
        for at in stride(from: 0, to: bytes.count, by: 5) {
            var changed = bytes
            changed[at] = changed[at] == 0x31 ? 0x32 : 0x31
            #expect(TrendCache.decode(changed, state: "XA") == nil, "byte \(at)")
        }
        // A version-1 cache (before caches kept their layout) is ignored: rebuilt on the next trend.
        var old = Array("actionplan-trend 1 XA\ncovers 1 0 -\nlayout 0\npillars a\n".utf8)
        old += Array("end \(PrefixHash.hex(PrefixHash.check(old[...])))\n".utf8)
        #expect(TrendCache.decode(old, state: "XA") == nil)
    }
}
