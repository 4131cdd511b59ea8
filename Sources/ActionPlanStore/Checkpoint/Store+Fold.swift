import Foundation
import Synchronization
import ActionPlanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of each journal's history a read keeps in memory.
public enum HistoryDepth: Sendable, Equatable {
    /// Every event (history, change reports, `--as-of`, validation, sync).
    case complete
    /// The present (assessments, heads, conflicts) and each action's newest events, read through
    /// checkpoints: start-up and memory that do not grow with the history.
    case recent
}

/// One journal as read: the journal, the problems of its lines and fold, and how far it was read.
struct JournalRead {
    var journal: Journal
    var problems: [StoreProblem]
    var position: JournalPosition
    /// `PrefixHash` of the bytes up to `position.length`, when known (to move a checkpoint forward).
    var hash: UInt64? = nil
    /// Whether the lines up to `position.length` are in strictly increasing (time, id) order, when known.
    var ordered: Bool? = nil
    /// For a read of appended bytes only: whether they continue the (time, id) order of what was read before.
    var appendedInOrder = false
    /// The journal's trend tallies up to `position.length`, when its `.trend` cache moved with the
    /// checkpoint (or was written with it): a session holds them, so its Dashboard reads no file.
    var trend: TrendCache? = nil
}

/// Whether `events` (in file order) are in strictly increasing (time, id) order, after `last`.
func inOrder(_ events: [ChangeEvent], after last: ChangeEvent?) -> Bool {
    var previous = last
    for event in events {
        if let previous, !ChangeEvent.foldOrder(previous, event) { return false }
        previous = event
    }
    return true
}

extension Store {
    /// How many of each action's newest events a `.recent` read keeps (the details pane shows three).
    static let keptPerAction = 3
    /// How many of each journal's newest events a `.recent` read keeps (the dashboard's recent changes).
    static let keptPerJournal = 60

    var checkpointFolder: String { path + "/.checkpoints" }
    /// `XA.fold`; with a catalog id mapping, `XA.<digest>.fold`, because a checkpoint holds the events
    /// as the fold saw them (mapped): another mapping must not reuse it.
    func checkpointPath(_ code: String) -> String {
        let digest = renameBook().digest
        return checkpointFolder + (digest.isEmpty ? "/\(code).fold" : "/\(code).\(digest).fold")
    }

    // MARK: - Reading journals

    /// Reads several journals on every core: each is its own file and checkpoint, so they are independent.
    func readJournals(_ codes: [String], depth: HistoryDepth) -> [String: Result<JournalRead, StoreError>] {
        readJournals(codes, depth: depth, alongside: { () throws(StoreError) in }).1
    }

    /// Reads several journals on every core, and runs `other` as one more task among them (start-up
    /// parses the catalog meanwhile).
    func readJournals<Other: Sendable>(_ codes: [String], depth: HistoryDepth, alongside other: @Sendable () throws(StoreError) -> Other)
        -> (Result<Other, StoreError>, [String: Result<JournalRead, StoreError>]) {
        let results = Mutex<[String: Result<JournalRead, StoreError>]>([:])
        let extra = Mutex<Result<Other, StoreError>?>(nil)
        DispatchQueue.concurrentPerform(iterations: codes.count + 1) { i in
            guard i > 0 else {
                let result: Result<Other, StoreError>
                do throws(StoreError) { result = .success(try other()) } catch { result = .failure(error) }
                extra.withLock { $0 = result }
                return
            }
            let code = codes[i - 1]
            let result: Result<JournalRead, StoreError>
            do throws(StoreError) { result = .success(try readJournal(code, depth: depth)) } catch { result = .failure(error) }
            results.withLock { $0[code] = result }
        }
        return (extra.withLock { $0! }, results.withLock { $0 })
    }

    // MARK: - Reading one journal

    /// Reads one journal; the caller holds the lock. With `.recent`, a trusted checkpoint plus the bytes
    /// after it; otherwise (or when the checkpoint does not match) the whole file, after which a fresh
    /// checkpoint is written when the store is writable.
    /// `settle: false` for a read before this process appends to the journal (its checkpoint is moved
    /// over the new lines then): a checkpoint that had to be hashed is not rewritten only to record the
    /// journal's settled `stat`.
    func readJournal(_ code: String, depth: HistoryDepth, settle: Bool = true) throws(StoreError) -> JournalRead {
        let file = journalPath(code)
        guard let stamp = FileIO.stamp(file) else {
            return JournalRead(journal: Journal(state: code), problems: [], position: JournalPosition(inode: 0, length: 0, lines: 0))
        }
        return try readJournalThroughCheckpoint(code, stamp: stamp, depth: depth, settle: settle)
    }

    /// One journal through its checkpoint, remembered: `set` reads its State to plan the change, then
    /// again under the lock to check the bases, and a journal whose file and checkpoint have the same
    /// `stat` as at the first read is not decoded twice.
    func readJournalRemembered(_ code: String, settle: Bool = true) throws(StoreError) -> JournalRead {
        let file = journalPath(code)
        let stamps = [FileIO.stamp(file), FileIO.stamp(checkpointPath(code))]
        if stamps[0] != nil, let memo = lastRecentRead.withLock({ $0 }), memo.file == file, memo.stamps == stamps { return memo.read }
        let read = try readJournal(code, depth: .recent, settle: settle)
        let after = [FileIO.stamp(file), FileIO.stamp(checkpointPath(code))]
        lastRecentRead.withLock { $0 = (file, after, read) }
        return read
    }

    /// `whole`: the journal's bytes when the caller has just read them all (none is read again).
    func readJournalThroughCheckpoint(_ code: String, stamp: FileStamp, depth: HistoryDepth,
                                      whole given: [UInt8]? = nil, settle: Bool = true) throws(StoreError) -> JournalRead {
        let file = journalPath(code)
        var hashed = given.map { PrefixRead(from: 0, bytes: $0) }
        if depth == .recent, let (checkpoint, byStamp) = trustedCheckpoint(code, stamp: stamp, read: &hashed) {
            // The bytes after the checkpoint: from the file, unless they were read with its prefix to hash it.
            let tail: [UInt8]
            if let hashed { tail = Array(hashed.suffix(from: checkpoint.length)) } else { tail = try JournalBytes.read(file, from: checkpoint.length, meter: meter) }
            let (events, tailProblems) = JournalReader.read(tail, file: file, state: code, firstLine: checkpoint.lines + 1, renames: renameBook())
            var journal = Journal(state: code, windows: checkpoint.windows, newest: Self.keptPerJournal)
            let ordered = checkpoint.ordered && inOrder(events, after: journal.events.last)
            // The trend cache written beside this checkpoint moves with it over the appended events.
            var trend = trendBeside(code, length: checkpoint.length, hash: checkpoint.hash)
            if events.allSatisfy({ event in
                let cheap = journal.extendsHead(event) && journal.knowsCompensation(of: event)
                TrendCache.append(event, to: &journal, moving: &trend)
                return cheap
            }) {
                let whole = JournalBytes.wholeLines(tail)
                let position = JournalPosition(inode: stamp.inode, length: checkpoint.length + Int64(whole.length),
                                               lines: checkpoint.lines + whole.lines)
                var lineProblems = checkpoint.problems
                for problem in tailProblems where (problem.location?.line ?? 0) <= position.lines {
                    lineProblems.append(Checkpoint.LineProblem(problem))
                }
                let settled = Self.settled(stamp, length: Int(position.length))
                // The hash continues over the tail from the prefix's last bytes, in the file just read
                // whole to check it (a checkpoint trusted by its stat has no tail; nil: a writer that does
                // not take the lock appended meanwhile, and nothing is moved).
                let hash: UInt64?
                if whole.length == 0 {
                    hash = checkpoint.hash
                } else if let hashed {
                    var next = PrefixHash(continuing: checkpoint.hash,
                                          last: hashed.slice(checkpoint.length - checkpoint.length % 8, checkpoint.length))
                    next.add(tail[..<whole.length])
                    hash = next.value
                } else {
                    hash = nil
                }
                // Move the checkpoint forward; not past a torn last line.
                if isWritable, let hash, whole.length == tail.count, whole.length > 0 || (settle && !byStamp && settled != nil) {
                    writeCheckpoint(Checkpoint(state: code, length: position.length, lines: position.lines, hash: hash,
                                               stamp: settled, problems: lineProblems,
                                               windows: journal.windows(keep: Self.keptPerAction, recent: Self.keptPerJournal),
                                               ordered: ordered))
                    trend = trend.map { writeTrend($0, length: position.length, hash: hash, stamp: settled) }
                }
                let problems = checkpoint.problems.map { $0.problem(file: file) } + tailProblems
                var read = JournalRead(journal: journal, problems: problems + Self.historyProblems(journal, file: file), position: position,
                                       hash: hash, ordered: whole.length == tail.count ? ordered : false)
                // Not past a torn last line: an event read from it is in the journal, not in `position`.
                if whole.length == tail.count, let hash, var moved = trend {
                    moved.length = position.length
                    moved.hash = hash
                    read.trend = moved
                }
                return read
            }
            // An appended event that does not extend its action's head: fold the whole file again.
        }
        return try readWhole(code, stamp: stamp, depth: depth, bytes: hashed.flatMap { $0.from == 0 ? $0.bytes : nil })
    }

    /// The whole journal, folded; with `.recent`, cut down to windows and checkpointed. `given`: the
    /// file's bytes, when they were just read (to hash a checkpoint's prefix).
    private func readWhole(_ code: String, stamp: FileStamp, depth: HistoryDepth, bytes given: [UInt8]? = nil) throws(StoreError) -> JournalRead {
        let file = journalPath(code)
        let bytes: [UInt8]
        if let given { bytes = given } else { bytes = try JournalBytes.read(file, meter: meter) }
        let (events, problems) = JournalReader.read(bytes, file: file, state: code, renames: renameBook())
        let full = Journal(state: code, events: events)
        let whole = JournalBytes.wholeLines(bytes)
        let position = JournalPosition(inode: stamp.inode, length: Int64(whole.length), lines: whole.lines)
        let history = Self.historyProblems(full, file: file)
        let ordered = inOrder(events, after: nil)
        guard depth == .recent else {
            return JournalRead(journal: full, problems: problems + history, position: position, ordered: whole.length == bytes.count ? ordered : false)
        }
        let windows = full.windows(keep: Self.keptPerAction, recent: Self.keptPerJournal)
        let hash = PrefixHash.of(bytes[..<whole.length])
        var trend: TrendCache?
        if isWritable {
            // Problems on the torn last line (not covered) are found again on every read; the rest are
            // kept in the checkpoint so that they are reported without reading the lines again.
            let covered = problems.filter { ($0.location?.line ?? 0) <= whole.lines }.map(Checkpoint.LineProblem.init)
            let prefixEvents = whole.length == bytes.count ? windows
                : Journal(state: code, events: JournalReader.read(Array(bytes[..<whole.length]), file: file, state: code, renames: renameBook()).0)
                    .windows(keep: Self.keptPerAction, recent: Self.keptPerJournal)
            let checkpoint = Checkpoint(state: code, length: Int64(whole.length), lines: whole.lines,
                                        hash: hash, stamp: Self.settled(stamp, length: whole.length),
                                        problems: covered, windows: prefixEvents,
                                        ordered: whole.length == bytes.count ? ordered
                                            : inOrder(JournalReader.read(Array(bytes[..<whole.length]), file: file, state: code, renames: renameBook()).0, after: nil))
            writeCheckpoint(checkpoint)
            if whole.length == bytes.count { trend = cacheTrend(code, journal: full, length: bytes.count, hash: hash, stamp: stamp) }
        }
        var read = JournalRead(journal: Journal(state: code, windows: windows, newest: Self.keptPerJournal), problems: problems + history,
                               position: position, hash: hash, ordered: whole.length == bytes.count ? ordered : false)
        read.trend = trend
        return read
    }

    /// After this process appended to a journal it had just read (under the same exclusive lock), moves
    /// that journal's checkpoint over the new lines without reading the older ones again.
    func advanceCheckpoint(_ read: JournalRead, code: String) {
        let file = journalPath(code)
        // Read from the start of the covered prefix's last word: its hash continues from those bytes.
        let end = read.position.length % 8
        guard isWritable, let hash = read.hash, let stamp = FileIO.stamp(file), stamp.inode == read.position.inode,
              let bytes = try? JournalBytes.read(file, from: read.position.length - end, meter: meter), bytes.count >= Int(end) else { return }
        let tail = Array(bytes[Int(end)...])
        let whole = JournalBytes.wholeLines(tail)
        guard whole.length == tail.count, whole.length > 0 else { return }
        var journal = read.journal
        var trend = read.trend
        let (events, tailProblems) = JournalReader.read(tail, file: file, state: code, firstLine: read.position.lines + 1, renames: renameBook())
        let ordered = (read.ordered ?? false) && inOrder(events, after: journal.events.last)
        for event in events {
            guard journal.extendsHead(event), journal.knowsCompensation(of: event) else { return }
            TrendCache.append(event, to: &journal, moving: &trend)
        }
        var next = PrefixHash(continuing: hash, last: bytes[..<Int(end)])
        next.add(tail[...])
        let covered = (read.problems + tailProblems).filter { $0.location != nil }.map(Checkpoint.LineProblem.init)
        let length = read.position.length + Int64(whole.length)
        let settled = Self.settled(stamp, length: Int(length))
        writeCheckpoint(Checkpoint(state: code, length: length, lines: read.position.lines + whole.lines,
                                   hash: next.value, stamp: settled,
                                   problems: covered, windows: journal.windows(keep: Self.keptPerAction, recent: Self.keptPerJournal),
                                   ordered: ordered))
        // The trend cache moves with its checkpoint (the next session's Dashboard reads it as it is).
        if let trend { _ = writeTrend(trend, length: length, hash: next.value, stamp: settled) }
    }

    /// The checkpoint of `code` if the journal still starts with what it covers (`trustsPrefix`: by its
    /// `stat` without reading a byte, else by hashing the covered prefix).
    private func trustedCheckpoint(_ code: String, stamp: FileStamp, read: inout PrefixRead?) -> (Checkpoint, byStamp: Bool)? {
        guard let bytes = try? FileIO.readBytes(checkpointPath(code)),
              let checkpoint = Checkpoint.decode(bytes, state: code),
              let byStamp = trustsPrefix(code, stamp: stamp, length: checkpoint.length, hash: checkpoint.hash,
                                         recorded: checkpoint.stamp, derived: checkpointPath(code), read: &read) else { return nil }
        return (checkpoint, byStamp)
    }

    /// The stamp to record: the journal's, when the checkpoint covers all of it.
    static func settled(_ stamp: FileStamp, length: Int) -> FileStamp? {
        stamp.size == Int64(length) ? stamp : nil
    }

    /// Writes a checkpoint atomically (`writeDerived`), then removes its checkpoints folded under another
    /// id mapping (a catalog installation since): they are never used again.
    func writeCheckpoint(_ checkpoint: Checkpoint) {
        let folder = checkpointFolder
        let name = String(checkpointPath(checkpoint.state).dropFirst(folder.count + 1))
        guard writeDerived(checkpoint.encoded(), name: name) else { return }
        for stale in FileIO.list(folder) where stale != name && Self.isCheckpointName(stale, of: checkpoint.state) {
            unlink(folder + "/" + stale)
        }
    }

    /// `XA.fold` or `XA.<16 hex digits>.fold`: a checkpoint of `state` under some id mapping.
    static func isCheckpointName(_ file: String, of state: String) -> Bool {
        if file == state + ".fold" { return true }
        guard file.hasPrefix(state + "."), file.hasSuffix(".fold") else { return false }
        let middle = file.dropFirst(state.count + 1).dropLast(5)
        return middle.count == 16 && middle.allSatisfy(\.isHexDigit)
    }

    /// Removes every checkpoint (they are rebuilt on the next read); for tests and the benchmark.
    public func removeCheckpoints() {
        try? FileManager.default.removeItem(atPath: checkpointFolder)
    }
}
