/// One journal's contribution to a `TrendSeries`: how the number of State × action pairs per pillar and
/// status moves at each month end, keyed by calendar month.
///
/// A series is the sum of its States' tallies, so the store can fold journal after journal, keep these few
/// numbers and drop the events before the next journal (peak memory: one journal), and keep them on disk
/// per journal (`.checkpoints/XX.trend`). Tallies folded without an end (`through == nil`) are
/// independent of the series' end: every month up to that of the newest event, each at its last
/// millisecond; they give any series ending at or after the newest event (`covers`). A series ending
/// before it needs tallies folded up to that end.
public struct TrendTallies: Sendable, Equatable {
    static let statusCount = Status.allCases.count

    /// The pillar ids the tallies are laid out by (every pillar of the catalog, in catalog order).
    public var pillarIDs: [String]
    /// Per pillar: the time of the journal's earliest event of one of its trackable actions.
    public var first: [Timestamp?]
    /// The newest event of a trackable action.
    public var latest: Timestamp?
    /// The end the tallies were folded up to (its month's last point is at this instant); nil: every
    /// event, month ends only.
    public var through: Timestamp?
    /// Month number (`year * 12 + month - 1`) → the moves of that month end, indexed
    /// `pillar * Status.allCases.count + status rank`; months without a move are left out.
    public var changes: [Int: [Int]]

    public init(pillarIDs: [String], first: [Timestamp?], latest: Timestamp?, through: Timestamp?, changes: [Int: [Int]]) {
        self.pillarIDs = pillarIDs
        self.first = first
        self.latest = latest
        self.through = through
        self.changes = changes
    }

    /// The tallies of one journal holding its whole history (`Journal.isComplete`) over the trackable
    /// actions of `pillars`: every month (`through == nil`), or up to `end`.
    public init(journal: Journal, pillars: [Pillar], through end: Timestamp? = nil) {
        precondition(journal.isComplete, "a trend needs the whole history of each journal it folds")
        let pillarOf = Self.pillarOf(pillars)
        pillarIDs = pillars.map(\.id)
        first = [Timestamp?](repeating: nil, count: pillars.count)
        through = end
        changes = [:]
        var earliest: Timestamp?
        var newest: Timestamp?
        // Events are in (time, id) order: the first seen per pillar is its earliest.
        for event in journal.events {
            guard let p = pillarOf[event.action] else { continue }
            if first[p] == nil { first[p] = event.time }
            if earliest == nil { earliest = event.time }
            newest = event.time
        }
        latest = newest
        guard let earliest, let newest else { return }
        let ends = TrendSeries.monthEnds(from: earliest, through: end ?? Self.monthEnd(of: newest))
        let months = ends.map(Self.monthNumber)
        let width = pillars.count * Self.statusCount
        var changes: [Int: [Int]] = [:]
        for (action, pair) in journal.pairs {
            guard let p = pillarOf[action] else { continue }
            TrendSeries.statusChanges(pair, in: journal.events, ends: ends) { m, from, to in
                changes[months[m], default: [Int](repeating: 0, count: width)][p * Self.statusCount + from.rank] -= 1
                changes[months[m]]![p * Self.statusCount + to.rank] += 1
            }
        }
        self.changes = changes.filter { $0.value.contains { $0 != 0 } }
    }

    /// Whether these tallies give the series ending at `end` exactly.
    public func covers(_ end: Timestamp) -> Bool {
        if let through { return through == end }
        return latest.map { $0 <= end } ?? true
    }

    /// The trackable actions of each pillar, as the trend counts them: `pillar:action,action;…`. Tallies
    /// are only valid for the layout they were folded with (a cache keeps this to check it).
    public static func layout(_ pillars: [Pillar]) -> String {
        layout(ids: pillars.map(\.id), actions: trackableActions(pillars))
    }

    /// The same from pillar ids and each pillar's trackable action ids (what a cache keeps).
    public static func layout(ids: [String], actions: [[String]]) -> String {
        zip(ids, actions).map { id, actions in id + ":" + actions.joined(separator: ",") }.joined(separator: ";")
    }

    /// Each pillar's trackable action ids, in catalog order.
    public static func trackableActions(_ pillars: [Pillar]) -> [[String]] {
        pillars.map { $0.actions.filter(\.isTrackable).map(\.id) }
    }

    /// Moves tallies folded without an end over one more event of their journal: the journal's newest,
    /// extending its action's single head (`Journal.extendsHead`, with its compensation known), so that
    /// the as-of fold at every month end before the event's is unchanged, and from the event's month end
    /// on the action stands where the journal's present puts it. `before` and `after`: the action's
    /// status in the journal's present just before and after the event; `pillar`: the action's pillar in
    /// the layout (nil when it is not counted). Equal to the tallies of the journal with the event
    /// folded whole. Returns false, and changes nothing, when the tallies cannot follow (folded up to an
    /// end, or an event older than their newest): they must then be folded again.
    public mutating func follow(_ event: ChangeEvent, pillar: Int?, from before: Status, to after: Status) -> Bool {
        guard through == nil else { return false }
        guard let p = pillar else { return true }
        guard first.indices.contains(p) else { return false }
        if let latest, event.time < latest { return false }
        if first[p] == nil { first[p] = event.time }
        latest = event.time
        guard before != after else { return true }
        let month = Self.monthNumber(event.time)
        var row = changes[month] ?? [Int](repeating: 0, count: pillarIDs.count * Self.statusCount)
        row[p * Self.statusCount + before.rank] -= 1
        row[p * Self.statusCount + after.rank] += 1
        changes[month] = row.contains { $0 != 0 } ? row : nil
        return true
    }

    static func pillarOf(_ pillars: [Pillar]) -> [String: Int] {
        var pillarOf: [String: Int] = [:]
        for (p, pillar) in pillars.enumerated() {
            for action in pillar.actions where action.isTrackable { pillarOf[action.id] = p }
        }
        return pillarOf
    }

    /// `year * 12 + month - 1` of an instant (UTC).
    public static func monthNumber(_ time: Timestamp) -> Int {
        let c = time.components
        return Int(c.year) * 12 + Int(c.month) - 1
    }

    /// The last millisecond of `time`'s month.
    static func monthEnd(of time: Timestamp) -> Timestamp {
        let c = time.components
        let (ny, nm) = c.month == 12 ? (c.year + 1, Int64(1)) : (c.year, c.month + 1)
        return Timestamp(milliseconds: Timestamp.days(fromCivil: Int(ny), Int(nm), 1) * 86_400_000 - 1)
    }
}

extension TrendSeries {
    /// The series of `states` States summed from their journals' tallies (States without a journal
    /// count as not assessed throughout, as in `init(tracker:…)`), over `pillars` (a subset of the
    /// tallies' layout, by id), up to `end`. Equal to `init(tracker:…)` on the same journals; every
    /// tallies value must cover `end` (`TrendTallies.covers`).
    public init(tallies: [TrendTallies], states: Int, pillars: [Pillar], through end: Timestamp, months: Int? = nil) {
        pillarIDs = pillars.map(\.id)
        let statusCount = TrendTallies.statusCount
        let trackable = pillars.map { $0.actions.filter(\.isTrackable).count }
        // The first month: that of the earliest event in scope, if it is not after the end.
        var first: Timestamp?
        var indexes: [[Int?]] = []
        for t in tallies {
            precondition(t.covers(end), "tallies folded up to \(t.through.map(\.description) ?? "the newest event") do not give a series ending at \(end)")
            let position = Dictionary(t.pillarIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let map = pillars.map { position[$0.id] }
            indexes.append(map)
            if let earliest = map.compactMap({ $0.flatMap { t.first[$0] } }).min(), earliest <= end {
                first = min(first ?? earliest, earliest)
            }
        }
        guard let first else { points = []; return }
        let ends = Self.monthEnds(from: first, through: end)
        // The moves of the pillars in scope, summed over the journals, month by month.
        var merged: [Int: [Int]] = [:]
        for (t, map) in zip(tallies, indexes) {
            for (month, moves) in t.changes {
                var row = merged[month] ?? [Int](repeating: 0, count: pillars.count * statusCount)
                for (p, q) in map.enumerated() {
                    guard let q else { continue }
                    for s in 0..<statusCount { row[p * statusCount + s] += moves[q * statusCount + s] }
                }
                merged[month] = row
            }
        }
        let order = merged.keys.sorted()
        var next = 0
        var tally = [Int](repeating: 0, count: pillars.count * statusCount)
        for p in pillars.indices { tally[p * statusCount + Status.notAssessed.rank] = trackable[p] * states }
        var result: [Point] = []
        // Only the kept month ends become points (the tally runs through every month all the same).
        let kept = months.map { max(0, ends.count - $0) } ?? 0
        result.reserveCapacity(ends.count - kept)
        for (n, instant) in ends.enumerated() {
            let month = TrendTallies.monthNumber(instant)
            while next < order.count, order[next] <= month {
                let moves = merged[order[next]]!
                for k in tally.indices { tally[k] += moves[k] }
                next += 1
            }
            if n >= kept { result.append(Self.point(at: instant, tally: tally, pillars: pillars, statusCount: statusCount)) }
        }
        points = result
    }
}
