import Foundation
import ActionPlanModel

/// The monthly trend folded by the store, one journal at a time, without holding the whole history.
///
/// Each journal is read completely, folded into its `TrendTallies` and dropped before the next one, so
/// the peak memory is about one journal whatever the store's size. The tallies are kept per journal in
/// `.checkpoints/XX.trend` (`TrendCache`) and used again while the journal is unchanged, so a second
/// call reads no journal byte, and a journal that grew is the only one read again.
extension Store {
    func trendPath(_ code: String) -> String { checkpointFolder + "/\(code).trend" }

    /// The trend of the States `codes` (those without a journal count as not assessed throughout) over
    /// `scope` (default: every pillar of `pillars`, the catalog's), up to `end`, keeping the newest
    /// `months`: equal to `TrendSeries(tracker:…)` on a store read whole. With `known` (what an open
    /// session holds, `load` then `reload`), the tallies it carries are used without reading a file.
    public func trend(in known: LoadedStore? = nil, states codes: [String], pillars: [Pillar], scope: [Pillar]? = nil,
                      through end: Timestamp, months: Int? = nil) throws(StoreError) -> TrendSeries {
        let tallies = try trendTallies(in: known, states: codes, pillars: pillars, through: end)
        return TrendSeries(tallies: codes.compactMap { tallies[$0] }, states: codes.count, pillars: scope ?? pillars,
                           through: end, months: months)
    }

    /// Each journal's tallies over the catalog's `pillars`, valid for a series ending at `end`
    /// (`TrendTallies.covers`); States without a journal are left out. The tallies `known` carries
    /// (read with the checkpoints and moved with every reload) are used as they are; the other journals
    /// are read one after the other, each under the shared lock.
    public func trendTallies(in known: LoadedStore? = nil, states codes: [String], pillars: [Pillar],
                             through end: Timestamp) throws(StoreError) -> [String: TrendTallies] {
        let layoutText = TrendTallies.layout(pillars)
        if let known, !known.trends.isEmpty {
            // Held by the session: no lock, no file, as long as every journal it shows has its tallies.
            let layout = TrendCache.layoutHash(layoutText, renames: RenameBook(records: known.tracker.office).digest)
            var result: [String: TrendTallies] = [:]
            var missing: [String] = []
            for code in codes {
                if let cache = known.trends[code], cache.layout == layout, cache.length == known.positions[code]?.length,
                   cache.tallies.covers(end) {
                    result[code] = cache.tallies
                } else if known.tracker.journals[code] != nil {
                    missing.append(code)
                }
            }
            guard !missing.isEmpty else { return result }
            return result.merging(try trendTallies(states: missing, pillars: pillars, through: end)) { held, _ in held }
        }
        try completeInterruptedBatches()
        let renames = renameBook()
        let layout = TrendCache.layoutHash(layoutText, renames: renames.digest)
        let pending = !committedBatches().isEmpty
        var result: [String: TrendTallies] = [:]
        for code in codes {
            try SafePath.requireCode(code, file: statesFolder)
            let tallies = try withLock(.shared) { () throws(StoreError) -> TrendTallies? in
                try journalTrend(code, pillars: pillars, layout: layout, renames: renames, through: end, pending: pending)
            }
            if let tallies { result[code] = tallies }
        }
        return result
    }

    /// One journal's tallies; the caller holds the lock. From the cache when it is trusted and covers
    /// `end`; otherwise the journal is read and folded, and the cache rewritten (when the store is
    /// writable and the journal ends with a whole line).
    private func journalTrend(_ code: String, pillars: [Pillar], layout: UInt64, renames: RenameBook, through end: Timestamp,
                              pending batches: Bool) throws(StoreError) -> TrendTallies? {
        let file = journalPath(code)
        guard let stamp = FileIO.stamp(file) else { return nil }
        // A batch that this user cannot complete is folded in memory (rare; no cache).
        let pending = batches ? pendingEvents(for: code) : []
        // Folded before by this process (the TUI's Dashboard asks again after every save): no file is read.
        if pending.isEmpty, let tallies = trendMemo.get(code, stamp: stamp, layout: layout), tallies.covers(end) { return tallies }
        if pending.isEmpty, let (cache, byStamp) = trustedTrend(code, stamp: stamp, layout: layout), cache.tallies.covers(end) {
            if !byStamp, isWritable, let settled = Self.settled(stamp, length: Int(cache.length)) {
                // Hashed because the stat was racy: record the settled stat, so the next call reads nothing.
                var next = cache
                next.stamp = settled
                writeDerived(next.encoded(), name: "\(code).trend")
            }
            trendMemo.set(code, stamp: stamp, layout: layout, cache.tallies)
            return cache.tallies
        }
        let bytes = try JournalBytes.read(file, meter: meter)
        if pending.isEmpty, bytes.last == 0x0A, let stored = try? FileIO.readBytes(trendPath(code)),
           let cache = TrendCache.decode(stored, state: code), cache.layout == layout, cache.length < bytes.count {
            // A journal that grew since its cache: read through its checkpoint (from the bytes just read),
            // the cache moves with the checkpoint over the appended events, with no fold of the history.
            let read = try readJournalThroughCheckpoint(code, stamp: stamp, depth: .recent, whole: bytes)
            if let moved = read.trend, moved.layout == layout, moved.length == bytes.count, moved.tallies.covers(end) {
                if bytes.count == stamp.size { trendMemo.set(code, stamp: stamp, layout: layout, moved.tallies) }
                return moved.tallies
            }
        }
        // Through the catalog's id mapping, as every journal read (events are never rewritten).
        let (events, _) = JournalReader.read(bytes, file: file, state: code, renames: renames)
        let journal = Journal(state: code, events: events + pending)
        let open = TrendTallies(journal: journal, pillars: pillars)
        if pending.isEmpty, isWritable, bytes.last == 0x0A || bytes.isEmpty {
            let cache = TrendCache(state: code, length: Int64(bytes.count), hash: PrefixHash.of(bytes[...]),
                                   stamp: Self.settled(stamp, length: bytes.count), renames: renames.digest,
                                   actions: TrendTallies.trackableActions(pillars), tallies: open)
            writeDerived(cache.encoded(), name: "\(code).trend")
        }
        if pending.isEmpty, bytes.count == stamp.size { trendMemo.set(code, stamp: stamp, layout: layout, open) }
        return open.covers(end) ? open : TrendTallies(journal: journal, pillars: pillars, through: end)
    }

    /// A journal just read whole to rebuild its checkpoint gives its trend tallies for a small fold more:
    /// its `.trend` cache is written too (unless one already matches), when this process knows the
    /// catalog's pillars, so the first Dashboard visit after a cold start reads no journal again.
    /// Returns the cache, which then moves forward with the checkpoint.
    func cacheTrend(_ code: String, journal: Journal, length: Int, hash: UInt64, stamp: FileStamp) -> TrendCache? {
        guard isWritable, length == stamp.size, let pillars = pillarsForTrend() else { return nil }
        let digest = renameBook().digest
        let layout = TrendCache.layoutHash(pillars, renames: digest)
        if let (cache, _) = trustedTrend(code, stamp: stamp, layout: layout) { return cache }
        let tallies = TrendTallies(journal: journal, pillars: pillars)
        let cache = TrendCache(state: code, length: Int64(length), hash: hash, stamp: Self.settled(stamp, length: length),
                               renames: digest, actions: TrendTallies.trackableActions(pillars), tallies: tallies)
        writeDerived(cache.encoded(), name: "\(code).trend")
        trendMemo.set(code, stamp: stamp, layout: layout, tallies)
        return cache
    }

    /// The pillars of the catalog this process loaded; during a load, once the catalog parsed beside the
    /// journals is known. (`readJournals` hands out the catalog's task first, so it is running or done
    /// when a journal's task waits; the wait is bounded all the same.)
    private func pillarsForTrend() -> [Pillar]? {
        if let pillars = catalogPillars.withLock({ $0 }) { return pillars }
        guard let parse = catalogParse.withLock({ $0 }), parse.wait(timeout: .now() + 5) == .success else { return nil }
        return catalogPillars.withLock { $0 }
    }

    /// The `.trend` cache of `code` if it covers exactly the journal prefix a trusted checkpoint covers
    /// (`length`, `hash`) under the current id mapping: trusted with the checkpoint, whatever the catalog.
    func trendBeside(_ code: String, length: Int64, hash: UInt64) -> TrendCache? {
        guard let bytes = try? FileIO.readBytes(trendPath(code)), let cache = TrendCache.decode(bytes, state: code),
              cache.length == length, cache.hash == hash, cache.renames == renameBook().digest else { return nil }
        return cache
    }

    /// Writes `cache` moved to the journal prefix `length`/`hash` (the checkpoint written beside it).
    func writeTrend(_ cache: TrendCache, length: Int64, hash: UInt64, stamp: FileStamp?) -> TrendCache {
        var moved = cache
        moved.length = length
        moved.hash = hash
        moved.stamp = stamp
        if moved != cache { writeDerived(moved.encoded(), name: "\(cache.state).trend") }
        return moved
    }

    /// The cached tallies of `code` if they were folded from exactly the journal as it is now (the whole
    /// file, by the checkpoints' rule) with the same catalog layout.
    private func trustedTrend(_ code: String, stamp: FileStamp, layout: UInt64) -> (TrendCache, byStamp: Bool)? {
        guard let bytes = try? FileIO.read(trendPath(code)),
              let cache = TrendCache.decode([UInt8](bytes), state: code),
              cache.layout == layout, cache.length == stamp.size,
              let byStamp = trustsPrefix(code, stamp: stamp, length: cache.length, hash: cache.hash, recorded: cache.stamp,
                                         derived: trendPath(code)) else { return nil }
        return (cache, byStamp)
    }
}

/// The tallies this process folded or read, per journal, given back while the journal's stat is the
/// same. Only a stat that was already settled (its time two seconds in the past) is remembered, as git
/// does with its index: an append changes the size, and a same-size rewrite in the same clock tick as
/// the fold cannot hide behind a stat that old.
final class TrendMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (stamp: FileStamp, layout: UInt64, tallies: TrendTallies)] = [:]

    func get(_ code: String, stamp: FileStamp, layout: UInt64) -> TrendTallies? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[code], entry.stamp == stamp, entry.layout == layout else { return nil }
        return entry.tallies
    }

    func set(_ code: String, stamp: FileStamp, layout: UInt64, _ tallies: TrendTallies) {
        guard Double(stamp.seconds) < Date().timeIntervalSince1970 - 2 else { return }
        lock.lock(); defer { lock.unlock() }
        entries[code] = (stamp, layout, tallies)
    }
}
