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
    public func newestChanges(states: [String]? = nil, limit: Int, since: Timestamp? = nil,
                              where keep: (PagedChange) -> Bool = { _ in true }) throws(StoreError) -> [PagedChange] {
        guard limit > 0 else { return [] }
        try completeInterruptedBatches()
        return try withLock(.shared) { () throws(StoreError) -> [PagedChange] in
            let codes = states ?? FileIO.list(statesFolder).filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
            let pending = !committedBatches().isEmpty
            var depth = limit
            while true {
                // Each journal gives its newest `depth` changes; the page is the newest `limit` of all that pass.
                var all: [PagedChange] = []
                var exhausted = true
                for code in codes {
                    let (changes, complete) = pending ? (try wholeChanges(code, since: since), true)
                        : try newestChanges(code, count: depth, since: since)
                    all += changes
                    if !complete { exhausted = false }
                }
                all.sort { ChangeEvent.foldOrder($1.event, $0.event) }
                let page = all.lazy.filter(keep).prefix(limit)
                // Enough when `limit` pass among what every journal surely holds at the top (each journal
                // gave its newest `depth`, so the newest `depth` overall are all here), or nothing is left.
                let sure = all.prefix(depth)
                if exhausted || sure.lazy.filter(keep).count >= limit { return exhausted ? Array(page) : Array(sure.lazy.filter(keep).prefix(limit)) }
                depth = depth > Int.max / 4 ? Int.max : depth * 4
            }
        }
    }

    /// The newest `count` changes of one journal not older than `since`, newest first, and whether that
    /// is every such change.
    func newestChanges(_ code: String, count: Int, since: Timestamp?) throws(StoreError) -> ([PagedChange], Bool) {
        try SafePath.requireCode(code, file: statesFolder)
        let read = try readJournal(code, depth: .recent)
        guard read.ordered == true else { return (try wholeChanges(code, since: since), true) }
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
            if let index = journal.events.lastIndex(where: { $0.id == event.id }) {
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
        if reader.atStart { complete = true }
        // Changes still waiting reached the start of the journal: nothing was set before them.
        for indices in waiting.values { settle(&result, indices, from: .notAssessed) }
        // Undo and redo: follow each chain through what was read, the journal in memory and its known kinds.
        for i in result.indices where result[i].event.undoes != nil && result[i].compensation == nil {
            guard let kind = Self.compensation(of: result[i].event, read: seen, journal: journal) else {
                // The chain runs into an event older than anything read: fold the journal whole for an exact label.
                return (try wholeChanges(code, since: since).prefix(count).map { $0 }, complete)
            }
            result[i].compensation = kind
        }
        return (Array(result.prefix(count)), complete && result.count <= count)
    }

    /// Undo or redo for an event that is not in memory, following its `undoes` chain through the events
    /// `read` from disk into the journal in memory (whose kinds are exact); nil when the chain leaves both.
    static func compensation(of event: ChangeEvent, read: [String: ChangeEvent], journal: Journal) -> Compensation? {
        var flips = 0
        var target = event.undoes
        var seen: Set<String> = [event.id]
        while let id = target, seen.insert(id).inserted {
            if let kept = journal.events.last(where: { $0.id == id }) {
                let kind = journal.compensation(of: kept)
                return kind == .undo ? (flips % 2 == 0 ? .redo : .undo) : (flips % 2 == 0 ? .undo : .redo)
            }
            guard let earlier = read[id] else { return nil }
            guard earlier.undoes != nil else { return flips % 2 == 0 ? .undo : .redo }
            flips += 1
            target = earlier.undoes
        }
        return flips % 2 == 0 ? .undo : .redo
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
    private var block = 16 * 1024

    init(path: String, end: Int64, meter: ReadMeter) {
        self.path = path
        self.end = end
        self.meter = meter
    }

    /// Whether every line has been given.
    var atStart: Bool { end == 0 && lines.isEmpty && carry.isEmpty }

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
