import Foundation
import ActionPlanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Store {
    /// The newest changes of `states` (all journals when nil), newest first by (time, id), that pass
    /// `keep`, at most `limit` of them, none older than `since`, read page by page from the end of each
    /// journal instead of folding every event.
    ///
    /// A journal is read backwards in blocks from its end when its checkpoint says its lines are in
    /// (time, id) order (what one office writing with a sane clock produces); then file order is history
    /// order, each cut action is a chain in that order, and a change's "before" is the nearest older
    /// status set for its action (actions with concurrent branches are kept whole in memory, and read
    /// there). A journal out of order (a union merge that interleaved two offices' lines, a clock that
    /// went back) is folded whole, so the page is always the one a full read gives.
    ///
    /// `matching` is a filter on the event alone (State, action, author: what the History screen filters
    /// by), applied while reading; `keep` is applied to the finished changes (it may look at the statuses).
    public func newestChanges(states: [String]? = nil, limit: Int, since: Timestamp? = nil,
                              matching: (ChangeEvent) -> Bool = { _ in true },
                              where keep: (PagedChange) -> Bool = { _ in true }) throws(StoreError) -> [PagedChange] {
        try newestChanges(in: nil, states: states, limit: limit, since: since, matching: matching, where: keep)
    }

    /// The same, for a process that holds the store open (the TUI): journals already read through their
    /// checkpoints and kept up to date by `reload` are not read again, only their older lines.
    public func newestChanges(in loaded: LoadedStore?, states: [String]? = nil, limit: Int, since: Timestamp? = nil,
                              matching: (ChangeEvent) -> Bool = { _ in true },
                              where keep: (PagedChange) -> Bool = { _ in true }) throws(StoreError) -> [PagedChange] {
        guard limit > 0 else { return [] }
        try completeInterruptedBatches()
        return try withLock(.shared) { () throws(StoreError) -> [PagedChange] in
            // A State without a journal has no changes (a named State that never had an event is no error).
            let codes = states.map { $0.filter { code in SafePath.codeProblem(code) != nil || FileIO.exists(journalPath(code)) } }
                ?? FileIO.list(statesFolder).filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
            let pending = !committedBatches().isEmpty
            // Each journal gives its newest `depth` changes that match; a journal gives more only while
            // its oldest change so far is newer than the page's last (then it may hide one of the page's).
            var depth: [String: Int] = [:]
            var fetched: [String: (changes: [PagedChange], complete: Bool)] = [:]
            var reads: [String: JournalRead] = [:]
            let first = max(8, 2 * min(limit, 1 << 20) / max(1, codes.count))
            var stale = Set(codes)
            while true {
                for code in stale {
                    if pending {
                        fetched[code] = (try wholeChanges(code, since: since).filter { matching($0.event) }, true)
                        continue
                    }
                    let count = depth[code] ?? first
                    depth[code] = count
                    if reads[code] == nil { reads[code] = try source(code, loaded: loaded) }
                    fetched[code] = try newestChanges(code, read: reads[code]!, count: count, since: since, matching: matching)
                }
                let all = fetched.values.flatMap(\.changes).sorted { ChangeEvent.foldOrder($1.event, $0.event) }
                let passing = all.filter(keep)
                let boundary = passing.count >= limit ? passing[limit - 1].event : nil
                stale = Set(codes.filter { code in
                    guard let (changes, complete) = fetched[code], !complete, let oldest = changes.last else { return false }
                    return boundary.map { ChangeEvent.foldOrder($0, oldest.event) } ?? true
                })
                if stale.isEmpty { return Array(passing.prefix(limit)) }
                for code in stale { depth[code] = depth[code]! > Int.max / 4 ? Int.max : depth[code]! * 4 }
            }
        }
    }

    /// Where one journal's newest changes are read from: what `loaded` holds when it is in order and
    /// up to date, else the journal through its checkpoint.
    private func source(_ code: String, loaded: LoadedStore?) throws(StoreError) -> JournalRead {
        try SafePath.requireCode(code, file: statesFolder)
        if let loaded, loaded.ordered.contains(code), let journal = loaded.tracker.journals[code], let position = loaded.positions[code],
           let stamp = FileIO.stamp(journalPath(code)), stamp.inode == position.inode, stamp.size >= position.length {
            return JournalRead(journal: journal, problems: [], position: position, ordered: true)
        }
        return try readJournal(code, depth: .recent)
    }

    /// The newest `count` changes of one journal that match, not older than `since`, newest first, and
    /// whether that is every such change.
    func newestChanges(_ code: String, read: JournalRead, count: Int, since: Timestamp?,
                       matching: (ChangeEvent) -> Bool) throws(StoreError) -> ([PagedChange], Bool) {
        // Backwards line by line is exact only for a journal in time order whose events are read as they
        // are written: a catalog id mapping (a split gives one line two events) folds the journal whole.
        guard read.ordered == true, renameBook().isEmpty else {
            return (try wholeChanges(code, since: since).filter { matching($0.event) }, true)
        }
        let journal = read.journal
        var reader = BackwardLines(path: journalPath(code), end: read.position.length, meter: meter)
        var result: [PagedChange] = []
        /// Changes whose status before is not known yet, by action: indices into `result`, newest first.
        var waiting: [String: [Int]] = [:]
        var seen: [String: ChangeEvent] = [:]
        var complete = true
        while let line = try reader.previous() {
            guard var event = try? EventCodec.decode(line[...]) else { continue }
            event.state = code
            if result.count >= count || (since.map { event.time < $0 } ?? false) {
                // Past the page: read on only while a change on it still waits for its "before".
                complete = since.map { event.time < $0 } ?? false
                if waiting.isEmpty { break }
                resolve(&result, &waiting, with: event)
                seen[event.id] = event
                continue
            }
            seen[event.id] = event
            guard matching(event) else {
                resolve(&result, &waiting, with: event)
                continue
            }
            // Memory holds each journal's newest events: anything older than its oldest is not there.
            if let oldest = journal.events.first?.time, event.time >= oldest, let index = journal.events.lastIndex(where: { $0.id == event.id }) {
                // In memory (a kept event, or an action kept whole): its before comes from the fold.
                resolve(&result, &waiting, with: event)
                let before = journal.assessment(before: index).status
                result.append(PagedChange(event: event, statusBefore: before, statusAfter: event.status ?? before,
                                          compensation: journal.compensation(of: event)))
            } else {
                resolve(&result, &waiting, with: event)
                waiting[event.action, default: []].append(result.count)
                result.append(PagedChange(event: event, statusBefore: .notAssessed, statusAfter: event.status ?? .notAssessed,
                                          compensation: nil))
            }
        }
        // Changes still waiting reached the start of the journal: nothing was set before them.
        for indices in waiting.values { settle(&result, indices, from: .notAssessed) }
        // Undo and redo: follow each chain through what was read, the journal in memory and its known kinds.
        for i in result.indices where result[i].event.undoes != nil && result[i].compensation == nil {
            var kind = Self.compensation(of: result[i].event, read: seen, journal: journal)
            // The chain runs into an event older than anything read: read on (it is older, so earlier in
            // the file) until it is found, or the start shows it is missing.
            while case .missing(let id) = kind {
                guard let line = try reader.previous() else {
                    kind = .found(Compensation.of(result[i].event) { id in seen[id] ?? journal.events.last { $0.id == id } })
                    break
                }
                guard var event = try? EventCodec.decode(line[...]) else { continue }
                event.state = code
                seen[event.id] = event
                if event.id == id { kind = Self.compensation(of: result[i].event, read: seen, journal: journal) }
            }
            if case .found(let found) = kind { result[i].compensation = found }
        }
        return (Array(result.prefix(count)), complete && result.count <= count)
    }

    /// Undo or redo for an event that is not in memory, following its `undoes` chain through the events
    /// `read` from disk into the journal in memory (whose kinds are exact), or the first event of the chain
    /// found in neither.
    static func compensation(of event: ChangeEvent, read: [String: ChangeEvent], journal: Journal) -> Label {
        var flips = 0
        var target = event.undoes
        var seen: Set<String> = [event.id]
        while let id = target, seen.insert(id).inserted {
            if let kept = journal.events.last(where: { $0.id == id }) {
                let kind = journal.compensation(of: kept)
                return .found(kind == .undo ? (flips % 2 == 0 ? .redo : .undo) : (flips % 2 == 0 ? .undo : .redo))
            }
            guard let earlier = read[id] else { return .missing(id) }
            guard earlier.undoes != nil else { return .found(flips % 2 == 0 ? .undo : .redo) }
            flips += 1
            target = earlier.undoes
        }
        return .found(flips % 2 == 0 ? .undo : .redo)
    }

    /// An undo-or-redo label, or the id of the event of its chain that has not been read yet.
    enum Label {
        case found(Compensation?)
        case missing(String)
    }

    /// An older `event` gives the status before the oldest waiting change of its action.
    private func resolve(_ result: inout [PagedChange], _ waiting: inout [String: [Int]], with event: ChangeEvent) {
        guard let indices = waiting[event.action] else { return }
        if let status = event.status {
            settle(&result, indices, from: status)
            waiting[event.action] = nil
        }
    }

    /// Sets the statuses of an action's waiting changes (newest first), given the status before the oldest.
    private func settle(_ result: inout [PagedChange], _ indices: [Int], from status: Status) {
        var current = status
        for index in indices.reversed() {
            result[index].statusBefore = current
            current = result[index].event.status ?? current
            result[index].statusAfter = current
        }
    }

    /// Every change of one journal, newest first (a journal not known to be in (time, id) order).
    private func wholeChanges(_ code: String, since: Timestamp?) throws(StoreError) -> [PagedChange] {
        var (journal, _) = try readJournalUnlocked(code)
        let pending = pendingEvents(for: code)
        if !pending.isEmpty { journal = Journal(state: code, events: journal.events + pending) }
        return journal.timeline().reversed().filter { since == nil || $0.event.time >= since! }.map {
            PagedChange(event: $0.event, statusBefore: $0.before.status, statusAfter: $0.after.status,
                        compensation: journal.compensation(of: $0.event))
        }
    }
}

/// A journal's whole lines, last first, read backwards in blocks from `end`.
struct BackwardLines {
    let path: String
    let meter: ReadMeter
    /// Where the part not read yet ends.
    private var end: Int64
    /// Lines of the last block read, first to last, and how many are still to be given.
    private var lines: [[UInt8]] = []
    /// The start of a line that began before the last block read.
    private var carry: [UInt8] = []
    private var block = 4 * 1024

    init(path: String, end: Int64, meter: ReadMeter) {
        self.path = path
        self.end = end
        self.meter = meter
    }

    /// The line before the last one given (without its newline), or nil at the start of the file.
    mutating func previous() throws(StoreError) -> [UInt8]? {
        while lines.isEmpty {
            if end == 0 {
                guard !carry.isEmpty else { return nil }
                lines = [carry]
                carry = []
                break
            }
            let start = max(0, end - Int64(block))
            var bytes = try JournalBytes.read(path, from: start, count: Int(end - start), meter: meter)
            bytes += carry
            end = start
            block = min(block * 2, 1 << 20)
            var from = 0
            if start > 0 {
                // The first line may have begun in the block before: keep it for the next read.
                guard let first = bytes.firstIndex(of: 0x0A) else { carry = bytes; continue }
                carry = Array(bytes[...first])
                from = first + 1
            } else {
                carry = []
            }
            var i = from
            while i < bytes.count {
                var j = i
                while j < bytes.count, bytes[j] != 0x0A { j += 1 }
                var line = Array(bytes[i..<j])
                if line.last == 0x0D { line.removeLast() }
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { lines.append(line) }
                i = j + 1
            }
        }
        var line = lines.removeLast()
        if line.last == 0x0A { line.removeLast() }
        if line.last == 0x0D { line.removeLast() }
        return line
    }
}
