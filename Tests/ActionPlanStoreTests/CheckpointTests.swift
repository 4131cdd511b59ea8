import Testing
import TestSupport
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// Checkpoints are derived and disposable: whatever happened to a journal or its checkpoint, a read
/// through the checkpoint gives exactly what a read of the whole journal gives.
@Suite("Store: checkpoints and incremental reload")
struct CheckpointTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"},
         {"code": "XB", "iso3": "XBO", "name": "Borduria", "kind": "participating", "group": "fiction"}]
        """
    static let actions = ["AP03-IV-1-a", "AP03-IV-1-b", "AP03-IV-2", "AP03-III-1-a"]

    func fictional() throws -> TempStore {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        return temp
    }

    /// Everything a read must agree on, for every action: the present (assessment, heads, conflict),
    /// what the fold reported, how many events there are, and the newest events kept in memory.
    struct Present: Equatable {
        var assessments: [String: Assessment]
        var heads: [String: [String]]
        var conflicts: [Conflict]
        var missing: [String: [String]]
        var issues: [JournalIssue]
        var counts: [String: Int]
        var windows: [PairWindow]

        init(_ journal: Journal) {
            assessments = journal.current
            heads = journal.headIDs(asOf: nil)
            conflicts = journal.conflicts
            missing = journal.missingBases
            issues = journal.issues
            counts = Dictionary(uniqueKeysWithValues: journal.current.keys.map { ($0, journal.eventCount(of: $0)) })
            windows = journal.windows(keep: Store.keptPerAction, recent: Store.keptPerJournal)
        }
    }

    func throughCheckpoint(_ temp: TempStore, _ code: String = "XA") throws -> Present {
        Present(try temp.store.readJournal(code, history: .recent).0)
    }

    func full(_ temp: TempStore, _ code: String = "XA") throws -> Present {
        Present(try temp.store.readJournal(code, history: .complete).0)
    }

    /// `count` events on one chain per action, each based on its action's head, one second apart.
    func chain(_ temp: TempStore, _ count: Int, code: String = "XA", from second: Int = 0) throws {
        let tracker = try temp.store.load().tracker
        var heads: [String: [String]] = [:]
        for action in Self.actions { heads[action] = tracker.headIDs(state: code, action: action) }
        var events: [ChangeEvent] = []
        for k in 0..<count {
            let action = Self.actions[k % Self.actions.count]
            let event = ChangeEvent(id: EventID.make(), time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(second + k) * 1000),
                                    author: "tester", state: code, action: action, base: heads[action],
                                    status: Status.allCases[k % Status.allCases.count], note: k % 3 == 0 ? "note \(k)" : nil)
            heads[action] = [event.id]
            events.append(event)
        }
        try temp.store.append(events)
    }

    var checkpointFile: String { "/.checkpoints/XA.fold" }

    // MARK: - Trust

    @Test("the first read writes a checkpoint in .checkpoints/, which ignores itself in git; the next read agrees with a full read")
    func written() throws {
        let temp = try fictional()
        try chain(temp, 240)
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(FileManager.default.fileExists(atPath: temp.path + checkpointFile))
        #expect(try temp.read(".checkpoints/.gitignore") == "*\n")
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(try temp.store.readJournal("XA", history: .recent).0.isComplete == false)
    }

    @Test("after an append the checkpoint plus the new bytes equals a full read, concurrent edits included")
    func afterAppend() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        try chain(temp, 9, from: 1000)
        #expect(try throughCheckpoint(temp) == full(temp))
        // A forced concurrent edit on a cut action: its whole history is needed, and is read.
        let old = try temp.store.readJournal("XA").0.events(for: Self.actions[0])[3]
        let concurrent = ChangeEvent(id: EventID.make(), time: Timestamp(milliseconds: 1_790_000_000_000), author: "bob",
                                     state: "XA", action: Self.actions[0], base: [old.id], status: .notApplicable)
        try temp.store.append([concurrent], force: true)
        let present = try throughCheckpoint(temp)
        #expect(try present == full(temp))
        #expect(present.conflicts.count == 1)
    }

    @Test("a write based on the heads moves the journal's checkpoint over its own line, so the next command need not read the journal")
    func writerAdvances() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        try chain(temp, 1, from: 1000)
        let size = try FileManager.default.attributesOfItem(atPath: temp.path + "/states/XA.jsonl")[.size] as! NSNumber
        let checkpoint = Checkpoint.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: temp.path + checkpointFile))), state: "XA")
        #expect(checkpoint?.length == size.int64Value)
        #expect(try throughCheckpoint(temp) == full(temp))
    }

    @Test("a journal cut shorter (at a line end or mid-line) is read whole")
    func truncation() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        let file = temp.path + "/states/XA.jsonl"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let lineEnd = bytes.prefix(bytes.count / 2).lastIndex(of: 0x0A)! + 1
        try bytes.prefix(lineEnd).write(to: URL(fileURLWithPath: file))
        #expect(try throughCheckpoint(temp) == full(temp))
        _ = try throughCheckpoint(temp)
        try bytes.prefix(lineEnd - 7).write(to: URL(fileURLWithPath: file))
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(try temp.store.readJournal("XA", history: .recent).1.contains { $0.message.contains("torn last line") })
    }

    @Test("an edit in the middle of the journal (same length, in place, then appended to) is noticed by the hash")
    func middleEdit() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        let file = temp.path + "/states/XA.jsonl"
        // Move one event in the middle to another action (ids of equal length): heads and values change.
        var lines = try temp.read("states/XA.jsonl").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let middle = lines.indices.dropFirst(lines.count / 2).first { lines[$0].contains("\"AP03-IV-1-a\"") }!
        lines[middle] = lines[middle].replacingOccurrences(of: "\"AP03-IV-1-a\"", with: "\"AP03-IV-1-b\"")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))   // same file, same length
        try handle.write(contentsOf: Data(lines.joined(separator: "\n").utf8))
        try handle.close()
        let present = try throughCheckpoint(temp)
        #expect(try present == full(temp))
        #expect(!present.conflicts.isEmpty)
        try chain(temp, 2, from: 2000)
        #expect(try throughCheckpoint(temp) == full(temp))
    }

    @Test("a git checkout of an older journal (a new, shorter file) is read whole")
    func olderJournal() throws {
        let temp = try fictional()
        try chain(temp, 120)
        let older = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/states/XA.jsonl"))
        try chain(temp, 120, from: 1000)
        _ = try throughCheckpoint(temp)
        // git writes a new file and renames it over the old one.
        try older.write(to: URL(fileURLWithPath: temp.path + "/states/.XA.new"))
        #expect(rename(temp.path + "/states/.XA.new", temp.path + "/states/XA.jsonl") == 0)
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(try throughCheckpoint(temp).counts.values.reduce(0, +) == 120)
    }

    @Test("a checkpoint whose recorded hash does not match the journal's prefix is not trusted")
    func mismatchedHash() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        var checkpoint = Checkpoint.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: temp.path + checkpointFile))), state: "XA")!
        // A well-formed checkpoint that claims a different present, with a hash that is not the prefix's
        // (and no stamp: a stamp equal to the journal's stat is trusted without hashing, as git trusts its index).
        checkpoint.hash ^= 1
        checkpoint.stamp = nil
        checkpoint.windows = checkpoint.windows.map { var w = $0; w.start.status = .implemented; w.start.note = "forged"; w.omitted += 1; return w }
        try Data(checkpoint.encoded()).write(to: URL(fileURLWithPath: temp.path + checkpointFile))
        #expect(try throughCheckpoint(temp) == full(temp))
        // A journal replaced by another of exactly the same length, with a stale checkpoint.
        _ = try throughCheckpoint(temp)
        var text = try temp.read("states/XA.jsonl")
        text.replaceSubrange(text.range(of: "\"author\":\"tester\"")!, with: "\"author\":\"tesper\"")
        try temp.write("states/.XA.new", text)
        #expect(rename(temp.path + "/states/.XA.new", temp.path + "/states/XA.jsonl") == 0)
        #expect(try throughCheckpoint(temp) == full(temp))
    }

    @Test("a checkpoint torn by a kill -9 (cut anywhere) or full of garbage is ignored and rebuilt")
    func tornCheckpoint() throws {
        let temp = try fictional()
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        let url = URL(fileURLWithPath: temp.path + checkpointFile)
        let bytes = try Data(contentsOf: url)
        for cut in [0, 1, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            try bytes.prefix(cut).write(to: url)
            #expect(try throughCheckpoint(temp) == full(temp))
        }
        try Data("garbage\n".utf8).write(to: url)
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(Checkpoint.decode([UInt8](try Data(contentsOf: url)), state: "XA") != nil)
    }

    @Test("a journal with damaged lines: the checkpoint reports them again, with their line numbers")
    func damagedLines() throws {
        let temp = try fictional()
        try chain(temp, 10)
        let file = temp.path + "/states/XA.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"x\",\"status\":\"done\"}\n".utf8))
        try handle.close()
        try chain(temp, 3, from: 50)
        let whole = try temp.store.readJournal("XA").1.map(\.description)
        _ = try temp.store.readJournal("XA", history: .recent)
        #expect(try temp.store.readJournal("XA", history: .recent).1.map(\.description) == whole)
        #expect(whole.contains { $0.contains("XA.jsonl:11:") })
    }

    @Test("a checkpoint written after the journal\'s last change is trusted by its stat (no journal byte read); a racy one is hashed")
    func stampShortcut() throws {
        let temp = try fictional()
        try chain(temp, 240)
        let file = temp.path + "/states/XA.jsonl"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file)
        _ = try throughCheckpoint(temp)
        temp.store.meter.reset()
        #expect(try throughCheckpoint(temp) == full(temp))
        temp.store.meter.reset()
        _ = try throughCheckpoint(temp)
        #expect(temp.store.meter.bytes == 0)
        // The checkpoint dated in the journal's own clock tick: the stat proves nothing, the hash decides.
        let journalTime = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as! Date
        try FileManager.default.setAttributes([.modificationDate: journalTime], ofItemAtPath: temp.path + checkpointFile)
        temp.store.meter.reset()
        #expect(try throughCheckpoint(temp) == full(temp))
        #expect(temp.store.meter.bytes > 0)
    }

    @Test("git never sees a checkpoint: not even in a store whose .gitignore predates them")
    func ignoredByGit() throws {
        let temp = try fictional()
        try temp.write(".gitignore", ".lock\n")   // an old store's
        let executable = try #require(GitRunner.find(environment: ProcessInfo.processInfo.environment))
        let git = GitRunner(executable: executable, folder: temp.path)
        #expect(git.run("init", "-q").ok)
        try chain(temp, 240)
        _ = try throughCheckpoint(temp)
        #expect(FileManager.default.fileExists(atPath: temp.path + checkpointFile))
        let status = git.run("status", "--porcelain=v1", "--untracked-files=all", "--ignored=no").stdout
        #expect(status.contains("states/XA.jsonl"))
        #expect(!status.contains(".checkpoints"), "\(status)")
    }

    @Test("deleting every checkpoint changes nothing but speed")
    func disposable() throws {
        let temp = try fictional()
        try chain(temp, 240)
        let before = try temp.store.load(history: .recent).tracker
        temp.store.removeCheckpoints()
        #expect(try temp.store.load(history: .recent).tracker == before)
    }

    @Test("an event line of a checkpoint gives back any event: tabs, line breaks, backslashes, empty and absent fields")
    func eventLines() {
        let events = [
            ChangeEvent(id: "a\tb", time: Timestamp(milliseconds: 5), author: "x\\y", state: "XA", action: "A\nB", base: [],
                        status: nil, note: "", evidenceAdded: ["1\r2", "", "\\t"], evidenceRemoved: nil, undoes: "u\\"),
            ChangeEvent(id: "e", time: Timestamp(milliseconds: -1), author: "ß 中", state: "XA", action: "AP03-IV-1-a", base: nil,
                        status: .partiallyImplemented, note: "line\nbreak\ttab", evidenceAdded: nil, evidenceRemoved: ["r"], undoes: nil),
            ChangeEvent(id: "f", time: Timestamp(milliseconds: 9), author: "a", state: "XA", action: "A", base: ["e"],
                        change: Change(followUp: .set(FollowUp(date: ReviewDate(parsing: "2027-03-31")!, owner: "Ana\tMaría")))),
            ChangeEvent(id: "g", time: Timestamp(milliseconds: 9), author: "a", state: "XA", action: "A", base: ["f"],
                        change: Change(note: "n", followUp: .set(FollowUp(date: ReviewDate(parsing: "1969-12-31")!, owner: nil)))),
            ChangeEvent(id: "h", time: Timestamp(milliseconds: 9), author: "a", state: "XA", action: "A", base: ["g"],
                        change: Change(followUp: .cleared), undoes: "g"),
        ]
        for event in events {
            let line = CheckpointEventCodec.encode(event)
            #expect(!line.contains("\n"))
            #expect(CheckpointEventCodec.decode(ArraySlice(Array(line.utf8))) == event)
        }
        #expect(CheckpointEventCodec.decode(ArraySlice(Array("e\t1\tx".utf8))) == nil)
    }

    // MARK: - Incremental reload

    @Test("a reload after one appended event reads only the appended bytes")
    func reloadReadsOnlyTheAppend() throws {
        let temp = try fictional()
        try chain(temp, 240)
        try chain(temp, 10, code: "XB")
        let loaded = try temp.store.load(history: .recent)
        let head = loaded.tracker.headIDs(state: "XA", action: Self.actions[1])
        let event = ChangeEvent(id: EventID.make(), time: Timestamp(milliseconds: 1_790_000_000_000), author: "colleague",
                                state: "XA", action: Self.actions[1], base: head, status: .implemented)
        try temp.store.append([event])
        let appended = (EventCodec.encode(event) + "\n").utf8.count
        temp.store.meter.reset()
        let reloaded = try temp.store.reload(loaded)
        #expect(temp.store.meter.bytes == appended)
        #expect(reloaded.tracker.assessment(state: "XA", action: Self.actions[1]).status == .implemented)
        #expect(Present(reloaded.tracker.journal("XA")) == (try full(temp)))
        temp.store.meter.reset()
        _ = try temp.store.reload(reloaded)
        #expect(temp.store.meter.bytes == 0)
    }

    @Test("a reload after a shrink, a replaced file or a concurrent event reads again and agrees with a full read")
    func reloadFallsBack() throws {
        let temp = try fictional()
        try chain(temp, 240)
        var loaded = try temp.store.load(history: .recent)
        let old = try temp.store.readJournal("XA").0.events(for: Self.actions[2])[2]
        try temp.store.append([ChangeEvent(id: EventID.make(), time: Timestamp(milliseconds: 1_790_000_000_000), author: "bob",
                                           state: "XA", action: Self.actions[2], base: [old.id], status: .notStarted)], force: true)
        loaded = try temp.store.reload(loaded)
        #expect(Present(loaded.tracker.journal("XA")) == (try full(temp)))
        let file = URL(fileURLWithPath: temp.path + "/states/XA.jsonl")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.prefix(bytes.count / 2).lastIndex(of: 0x0A)! + 1).write(to: file)
        loaded = try temp.store.reload(loaded)
        #expect(Present(loaded.tracker.journal("XA")) == (try full(temp)))
        try FileManager.default.removeItem(at: file)
        loaded = try temp.store.reload(loaded)
        #expect(loaded.tracker.journals["XA"] == nil)
    }

    // MARK: - Property


    @Test("random histories (chains, concurrent edits, duplicates, format-1 events, clock skew, follow-ups) and random checkpoint and reload points agree with a full read",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func property(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let temp = try fictional()
        var written: [ChangeEvent] = []
        var loaded = try temp.store.load(history: .recent)
        for step in 0..<150 {
            let action = Self.actions[Int.random(in: 0..<3, using: &random)]
            let mine = written.filter { $0.action == action }
            let journal = try temp.store.readJournal("XA").0
            var base: [String]? = journal.headIDs(of: action)
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !mine.isEmpty: base = [mine.randomElement(using: &random)!.id]    // concurrent
            case 1: base = nil                                                              // format 1
            default: break
            }
            let skew = Int64.random(in: -5...30, using: &random) * 1000
            var event = ChangeEvent(id: EventID.make(), time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(step) * 10_000 + skew),
                                    author: "w\(step % 3)", state: "XA", action: action, base: base,
                                    status: Status.allCases.randomElement(using: &random)!,
                                    note: Bool.random(using: &random) ? "n\(step)" : nil)
            switch Int.random(in: 0..<6, using: &random) {                                                       // follow-up
            case 0: event.followUp = .cleared
            case 1: event.followUp = .set(FollowUp(date: ReviewDate(days: 20_000 + Int64(step)), owner: Bool.random(using: &random) ? "o\(step % 2)" : nil))
            default: break
            }
            if Int.random(in: 0..<12, using: &random) == 0, let copy = written.randomElement(using: &random) { event = copy }   // duplicate line
            try temp.store.append([event], force: true)
            written.append(event)
            if Int.random(in: 0..<4, using: &random) == 0 { _ = try throughCheckpoint(temp) }                    // checkpoint here
            if Int.random(in: 0..<3, using: &random) == 0 {
                loaded = try temp.store.reload(loaded)
                #expect(Present(loaded.tracker.journal("XA")) == (try full(temp)), "seed \(seed), step \(step)")
            }
        }
        #expect(try throughCheckpoint(temp) == full(temp), "seed \(seed)")
    }
}
