import Testing
import TestSupport
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// The trend folded by the store journal by journal, and its per-journal cache `.checkpoints/XX.trend`:
/// whatever happened to a journal or its cache, the store's trend is the one a whole read gives.
@Suite("Store: the trend, journal by journal, and its cache")
struct TrendCacheTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"},
         {"code": "XC", "iso3": "XCA", "name": "Carpania", "kind": "participating", "group": "fiction"}]
        """
    static let codes = ["XA", "XB", "XC"]
    /// Actions of three pillars of the embedded catalog, and one the catalog does not have.
    static let actions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-2", "AP03-III-1-a", "AP03-V-1", "NOT-IN-CATALOG"]
    static let start: Int64 = 1_756_684_800_000   // 2025-09-01
    static let day: Int64 = 86_400_000

    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        return temp
    }

    /// Random journals written line by line: chains, concurrent branches, events without a base, clocks
    /// behind (times drawn at random, so the causal order is often not the time order), undo events.
    func writeRandom(_ temp: TempStore, _ random: inout SeededRandom, count: Int, codes: [String] = codes) throws {
        var lines: [String: String] = [:]
        var heads: [String: [String]] = [:]
        for n in 0..<count {
            let code = codes[Int(random.next() % UInt64(codes.count))]
            let action = Self.actions[Int(random.next() % UInt64(Self.actions.count))]
            let key = code + action
            let time = Timestamp(milliseconds: Self.start + Int64(random.next() % 420) * Self.day + Int64(random.next() % UInt64(Self.day)))
            let choice = random.next() % 10
            let base: [String]? = choice < 7 ? (heads[key] ?? []) : choice < 9 ? [] : nil
            let id = "r\(random.next() % 1_000_000)-\(n)"
            let event = ChangeEvent(id: id, time: time, author: "a", state: code, action: action, base: base,
                                    status: random.next() % 5 == 0 ? nil : Status.allCases[Int(random.next() % UInt64(Status.allCases.count))],
                                    note: "n\(n)", undoes: random.next() % 6 == 0 ? heads[key]?.first : nil)
            heads[key] = [id]
            lines[code, default: ""] += EventCodec.encode(event) + "\n"
        }
        for (code, text) in lines {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: try prepared(temp, code)))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    func prepared(_ temp: TempStore, _ code: String) throws -> String {
        let file = temp.path + "/states/\(code).jsonl"
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        return file
    }

    /// The trend a whole read gives (the model's fold over every event in memory).
    func whole(_ temp: TempStore, through end: Timestamp, scope: [Pillar]? = nil, months: Int? = nil) throws -> TrendSeries {
        let tracker = try temp.store.load(history: .complete).tracker
        return TrendSeries(tracker: tracker, states: Self.codes, pillars: scope ?? tracker.catalog.pillars, through: end, months: months)
    }

    func stored(_ temp: TempStore, through end: Timestamp, scope: [Pillar]? = nil, months: Int? = nil) throws -> TrendSeries {
        let catalog = try temp.store.load(states: [], history: .recent).tracker.catalog
        return try temp.store.trend(states: Self.codes, pillars: catalog.pillars, scope: scope, through: end, months: months)
    }

    /// Dates the journals an hour back, so that the caches written next are strictly newer (the stat
    /// shortcut then holds, as on any store not written in the same clock tick).
    func settle(_ temp: TempStore) throws {
        for code in Self.codes where FileManager.default.fileExists(atPath: temp.path + "/states/\(code).jsonl") {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: temp.path + "/states/\(code).jsonl")
        }
    }

    func size(_ temp: TempStore, _ code: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: temp.path + "/states/\(code).jsonl")[.size] as! NSNumber).intValue
    }

    // MARK: - Property

    @Test("the store's trend equals the whole-read trend on random stores, cold and from the cache, at any end (seeded property test)",
          arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func property(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let temp = try fictional()
        let catalog = try temp.store.load(history: .recent).tracker.catalog
        var drawn = 0
        for step in 0..<6 {
            try writeRandom(temp, &random, count: Int(random.next() % 120) + 1)
            // Now (after every event), mid-history, and before the first event.
            let ends = [Timestamp(milliseconds: Self.start + 430 * Self.day),
                        Timestamp(milliseconds: Self.start + Int64(random.next() % 420) * Self.day + 3_600_000),
                        Timestamp(milliseconds: Self.start - Self.day)]
            for end in ends {
                let scope = step % 2 == 0 ? nil : [catalog.pillars[1], catalog.pillars[2]]
                let months: Int? = step % 3 == 0 ? 4 : nil
                let expected = try whole(temp, through: end, scope: scope, months: months)
                #expect(try stored(temp, through: end, scope: scope, months: months) == expected, "seed \(seed) step \(step) cold")
                #expect(try stored(temp, through: end, scope: scope, months: months) == expected, "seed \(seed) step \(step) cached")
                if expected.points.count > 1 { drawn += 1 }
            }
        }
        #expect(drawn >= 6)
    }

    // MARK: - The cache

    @Test("a warm call reads no journal byte; after an append only the grown journal is read, once")
    func warmReadsNothingThenOnlyTheGrownJournal() throws {
        var random = SeededRandom(seed: 40)
        let temp = try fictional()
        try writeRandom(temp, &random, count: 300)
        try settle(temp)
        let end = Timestamp(milliseconds: Self.start + 500 * Self.day)
        temp.store.meter.reset()
        let cold = try stored(temp, through: end)
        #expect(temp.store.meter.bytes == (try Self.codes.map { try size(temp, $0) }.reduce(0, +)))
        #expect(FileManager.default.fileExists(atPath: temp.path + "/.checkpoints/XA.trend"))
        #expect(try temp.read(".checkpoints/.gitignore") == "*\n")
        temp.store.meter.reset()
        #expect(try stored(temp, through: end) == cold)
        #expect(temp.store.meter.bytes == 0)
        // The day moves on: the same cached tallies give the later end.
        let later = Timestamp(milliseconds: Self.start + 530 * Self.day)
        temp.store.meter.reset()
        #expect(try stored(temp, through: later) == whole(temp, through: later))
        temp.store.meter.reset()
        _ = try stored(temp, through: later)
        #expect(temp.store.meter.bytes == 0)

        try writeRandom(temp, &random, count: 5, codes: ["XB"])
        temp.store.meter.reset()
        #expect(try stored(temp, through: end) == whole(temp, through: end))
        // (whole() read everything; count the store's call alone.)
        temp.store.meter.reset()
        try writeRandom(temp, &random, count: 1, codes: ["XB"])
        _ = try stored(temp, through: end)
        #expect(temp.store.meter.bytes == (try size(temp, "XB")))
    }

    @Test("a truncated journal, an edit in the middle and a torn cache file are folded again and agree with a whole read")
    func invalidated() throws {
        var random = SeededRandom(seed: 41)
        let temp = try fictional()
        try writeRandom(temp, &random, count: 400)
        let end = Timestamp(milliseconds: Self.start + 500 * Self.day)
        _ = try stored(temp, through: end)

        // Truncation: the last half of XA's lines gone.
        let xa = URL(fileURLWithPath: temp.path + "/states/XA.jsonl")
        let bytes = try Data(contentsOf: xa)
        try bytes.prefix(bytes.prefix(bytes.count / 2).lastIndex(of: 0x0A)! + 1).write(to: xa)
        let afterTruncation = try whole(temp, through: end)
        #expect(try stored(temp, through: end) == afterTruncation)

        // An edit in the middle, same length: in the middle third, "implemented" and "not-started" swapped.
        let xb = URL(fileURLWithPath: temp.path + "/states/XB.jsonl")
        let original = try Data(contentsOf: xb)
        let third = original.count / 3
        let edited = String(decoding: original[third..<2 * third], as: UTF8.self)
            .replacingOccurrences(of: "\"implemented\"", with: "\"~\"")
            .replacingOccurrences(of: "\"not-started\"", with: "\"implemented\"")
            .replacingOccurrences(of: "\"~\"", with: "\"not-started\"")
        let handle = try FileHandle(forWritingTo: xb)
        try handle.seek(toOffset: UInt64(third))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        #expect(try Data(contentsOf: xb).count == original.count)
        let afterEdit = try whole(temp, through: end)
        #expect(afterEdit != afterTruncation, "the edit changes the trend")
        #expect(try stored(temp, through: end) == afterEdit)

        // A cache torn by a crash (half its bytes), and one replaced by garbage: ignored, rebuilt.
        let cache = URL(fileURLWithPath: temp.path + "/.checkpoints/XC.trend")
        let cached = try Data(contentsOf: cache)
        try cached.prefix(cached.count / 2).write(to: cache)
        #expect(try stored(temp, through: end) == afterEdit)
        #expect(TrendCache.decode([UInt8](try Data(contentsOf: cache)), state: "XC") != nil)
        try Data("actionplan-trend 1 XC\nend 0000000000000000\n".utf8).write(to: cache)
        #expect(try stored(temp, through: end) == afterEdit)

        // Deleting every cache changes nothing but speed.
        temp.store.removeCheckpoints()
        #expect(try stored(temp, through: end) == afterEdit)
    }

    @Test("a cache is trusted only for the catalog layout it was folded with, and only for the whole file")
    func trustedOnlyForItsLayoutAndWholeFile() throws {
        var random = SeededRandom(seed: 42)
        let temp = try fictional()
        try writeRandom(temp, &random, count: 200)
        try settle(temp)
        let catalog = try temp.store.load(states: [], history: .recent).tracker.catalog
        let end = Timestamp(milliseconds: Self.start + 500 * Self.day)
        _ = try temp.store.trendTallies(states: Self.codes, pillars: catalog.pillars, through: end)
        temp.store.meter.reset()
        let fewer = Array(catalog.pillars.dropLast())
        let tallies = try temp.store.trendTallies(states: Self.codes, pillars: fewer, through: end)
        #expect(temp.store.meter.bytes > 0)
        #expect(tallies["XA"]?.pillarIDs == fewer.map(\.id))
        // A torn last line (a writer killed mid-line): no cache is trusted for a file that does not end a line.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp.path + "/states/XA.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"torn".utf8))
        try handle.close()
        _ = try temp.store.trendTallies(states: ["XA"], pillars: catalog.pillars, through: end)
        temp.store.meter.reset()
        _ = try temp.store.trendTallies(states: ["XA"], pillars: catalog.pillars, through: end)
        #expect(temp.store.meter.bytes == (try size(temp, "XA")))
    }

    @Test("a catalog installation that maps an orphan onto an action (same layout) is not answered from the old cache")
    func cacheFollowsTheIdMapping() throws {
        let temp = try fictional()
        let orphan = ChangeEvent(id: "o1", time: Timestamp(milliseconds: Self.start + 5 * Self.day), author: "a", state: "XA",
                                 action: "NOT-IN-CATALOG", base: [], status: .implemented)
        try Data((EventCodec.encode(orphan) + "\n").utf8).write(to: URL(fileURLWithPath: try prepared(temp, "XA")))
        try settle(temp)
        let end = Timestamp(milliseconds: Self.start + 40 * Self.day)
        let before = try stored(temp, through: end)
        #expect(before == (try whole(temp, through: end)))
        #expect(before.last?.overall.assessed ?? 0 == 0, "an orphan counts nowhere")
        try temp.store.appendOffice { _ in
            OfficeRecord(id: "install-1", time: Timestamp(milliseconds: Self.start + 30 * Self.day), author: "a", kind: "catalog.install",
                         fields: ["version": .text("v+00000001"), "from": .text("v"), "catalog": .text("osce-thb-action-plan"),
                                  "renames": .list(["NOT-IN-CATALOG>AP03-IV-1-a"])])
        }
        let after = try stored(temp, through: end)
        #expect(after == (try whole(temp, through: end)))
        #expect(after != before, "the mapped event now counts for AP03-IV-1-a")
    }

    @Test("the process remembers settled journals' tallies: a second call opens no file at all; another process reads the cache or the journals")
    func rememberedInTheProcess() throws {
        var random = SeededRandom(seed: 41)
        let temp = try fictional()
        try writeRandom(temp, &random, count: 200)
        try settle(temp)
        let end = Timestamp(milliseconds: Self.start + 500 * Self.day)
        let first = try stored(temp, through: end)
        // Without the cache files, this process still answers from memory, reading nothing.
        for code in Self.codes { try? FileManager.default.removeItem(atPath: temp.path + "/.checkpoints/\(code).trend") }
        temp.store.meter.reset()
        #expect(try stored(temp, through: end) == first)
        #expect(temp.store.meter.bytes == 0)
        // Another process (a new Store) has neither: it reads the journals.
        let other = try Store.open(path: temp.path, create: false)
        let catalog = try other.load(states: [], history: .recent).tracker.catalog
        other.meter.reset()
        #expect(try other.trend(states: Self.codes, pillars: catalog.pillars, scope: nil, through: end, months: nil) == first)
        #expect(other.meter.bytes > 0)
        // A journal that grew is folded again (its stat changed), and the answer is a whole read's.
        try writeRandom(temp, &random, count: 3, codes: ["XA"])
        #expect(try stored(temp, through: end) == whole(temp, through: end))
    }

    @Test("a cold start (checkpoints rebuilt from whole reads) writes the trend caches too: the first trend after it reads no journal")
    func coldStartWritesTheTrendCaches() throws {
        var random = SeededRandom(seed: 42)
        let temp = try fictional()
        try writeRandom(temp, &random, count: 200)
        try settle(temp)
        let end = Timestamp(milliseconds: Self.start + 500 * Self.day)
        _ = try temp.store.load(history: .recent)
        for code in Self.codes { #expect(FileManager.default.fileExists(atPath: temp.path + "/.checkpoints/\(code).trend"), "\(code)") }
        let next = try Store.open(path: temp.path, create: false)
        let catalog = try next.load(states: [], history: .recent).tracker.catalog
        next.meter.reset()
        #expect(try next.trend(states: Self.codes, pillars: catalog.pillars, scope: nil, through: end, months: nil) == whole(temp, through: end))
        // (whole() reads every journal through `temp.store`, not `next`.)
        #expect(next.meter.bytes == 0)
    }
}
