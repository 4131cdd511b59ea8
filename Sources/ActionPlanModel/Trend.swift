/// A date to mark on a trend chart (a reporting round's opening or deadline, for example).
///
/// The chart only draws what it is given: the caller decides which dates matter.
public struct ChartMark: Sendable, Equatable, Hashable {
    /// The instant marked (a calendar day is its start, 00:00 UTC).
    public var date: Timestamp
    public var label: String

    public init(date: Timestamp, label: String) {
        self.date = date
        self.label = label
    }
}

/// Implementation and coverage per pillar at each month end, folded from the history.
///
/// Every figure comes from recorded events only: a State × action counts as "not assessed" until its
/// first event, and keeps its status through months without events. Each point is what
/// `Journal.assessments(asOf:)` gives at that instant (the same causal fold, so undo events and
/// conflicts count exactly as they do in an export `--as-of` that day), but the series is computed in one
/// sweep rather than one as-of fold per month: each action's events are walked once, the months in
/// which its status changes become tallies of deltas, and the month ends are summed in time order.
public struct TrendSeries: Sendable, Equatable {
    /// One month: its figures at the month end (the last point is at `end`, the month not being over).
    public struct Point: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        /// The instant the figures are for: the last millisecond of the month, or the series' end.
        public var instant: Timestamp
        /// Figures per pillar id.
        public var pillars: [String: Progress]
        public var overall: Progress

        public init(month: String, instant: Timestamp, pillars: [String: Progress], overall: Progress) {
            self.month = month
            self.instant = instant
            self.pillars = pillars
            self.overall = overall
        }
    }

    /// The pillar ids, in catalog order.
    public var pillarIDs: [String]
    /// Oldest first; empty when the States in scope have no event up to `end`.
    public var points: [Point]

    public init(pillarIDs: [String], points: [Point]) {
        self.pillarIDs = pillarIDs
        self.points = points
    }

    /// The series of `states` over the trackable actions of `pillars`, from the month of the first event
    /// up to `end` (inclusive). `months` keeps only the newest months (the figures do not change: the
    /// earlier events are still folded). Every journal must hold its whole history (`Journal.isComplete`).
    public init(tracker: Tracker, states: [String], pillars: [Pillar], through end: Timestamp, months: Int? = nil) {
        pillarIDs = pillars.map(\.id)
        var pillarOf: [String: Int] = [:]
        var trackable = [Int](repeating: 0, count: pillars.count)
        for (p, pillar) in pillars.enumerated() {
            for action in pillar.actions where action.isTrackable {
                pillarOf[action.id] = p
                trackable[p] += 1
            }
        }
        let journals = states.compactMap { tracker.journals[$0] }
        // The first month: that of the earliest event in scope (each journal is in time order).
        var first: Timestamp?
        for journal in journals {
            precondition(journal.isComplete, "a trend needs the whole history; load the store with history: .complete")
            if let event = journal.events.first(where: { pillarOf[$0.action] != nil }), event.time <= end {
                first = min(first ?? event.time, event.time)
            }
        }
        guard let first else { points = []; return }
        let ends = Self.monthEnds(from: first, through: end)
        let statusCount = Status.allCases.count
        // delta[month][pillar * statusCount + status rank]: how the tallies move at that month end.
        var delta = [[Int]](repeating: [Int](repeating: 0, count: pillars.count * statusCount), count: ends.count)
        for journal in journals {
            for (action, pair) in journal.pairs {
                guard let p = pillarOf[action] else { continue }
                Self.statusChanges(pair, in: journal.events, ends: ends) { month, from, to in
                    delta[month][p * statusCount + from.rank] -= 1
                    delta[month][p * statusCount + to.rank] += 1
                }
            }
        }
        // The sweep: every pair starts not assessed; add each month's deltas in time order.
        var tally = [Int](repeating: 0, count: pillars.count * statusCount)
        // Every State in scope counts, those without a journal as not assessed throughout.
        for p in pillars.indices { tally[p * statusCount + Status.notAssessed.rank] = trackable[p] * states.count }
        var result: [Point] = []
        result.reserveCapacity(ends.count)
        for (m, instant) in ends.enumerated() {
            for k in tally.indices { tally[k] += delta[m][k] }
            result.append(Self.point(at: instant, tally: tally, pillars: pillars, statusCount: statusCount))
        }
        if let months, result.count > months { result.removeFirst(result.count - months) }
        points = result
    }

    /// One month end's figures from the running tally (per pillar, one count per status, `statusCount`
    /// apart), per pillar and over all pillars.
    static func point(at instant: Timestamp, tally: [Int], pillars: [Pillar], statusCount: Int) -> Point {
        var byPillar: [String: Progress] = [:]
        var overall = Progress()
        for (p, pillar) in pillars.enumerated() {
            var figures = Progress()
            for status in Status.allCases { figures.add(status, count: tally[p * statusCount + status.rank]) }
            byPillar[pillar.id] = figures
            overall.merge(figures)
        }
        return Point(month: String(instant.day.prefix(7)), instant: instant, pillars: byPillar, overall: overall)
    }

    /// The last millisecond of each month from `first`'s month to `end`'s, the last one being `end`.
    static func monthEnds(from first: Timestamp, through end: Timestamp) -> [Timestamp] {
        let start = first.components, stop = end.components
        var (y, m) = (start.year, start.month)
        var result: [Timestamp] = []
        while (y, m) < (stop.year, stop.month) {
            let (ny, nm) = m == 12 ? (y + 1, Int64(1)) : (y, m + 1)
            let next = Timestamp(milliseconds: Timestamp.days(fromCivil: Int(ny), Int(nm), 1) * 86_400_000)
            result.append(next.adding(milliseconds: -1))
            (y, m) = (ny, nm)
        }
        result.append(end)
        return result
    }

    /// Calls `report(month, from, to)` for each month end at which the pair's status differs from the
    /// previous month end, as the as-of fold gives it at those instants.
    ///
    /// A pair whose causal order is also in time order (the usual chain) is walked once; otherwise (clock
    /// skew, concurrent branches, conflicts) each month with an event of the pair folds the events recorded
    /// by that month end in causal order, as `Journal.assessments(asOf:)` does.
    static func statusChanges(_ pair: PairOrder, in events: [ChangeEvent], ends: [Timestamp],
                              report: (Int, Status, Status) -> Void) {
        let order = pair.order
        guard !order.isEmpty else { return }
        func month(of time: Timestamp) -> Int? {
            // The first month end at or after `time` (binary search); nil after the series' end.
            var low = 0, high = ends.count
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] < time { low = mid + 1 } else { high = mid }
            }
            return low < ends.count ? low : nil
        }
        let inTimeOrder = zip(order, order.dropFirst()).allSatisfy { events[Int($0)].time <= events[Int($1)].time }
        var shown = Status.notAssessed
        if inTimeOrder {
            var running = pair.start
            var i = 0
            while i < order.count {
                guard let m = month(of: events[Int(order[i])].time) else { break }
                // Every event of the pair in month m, then compare with the last month end.
                while i < order.count, events[Int(order[i])].time <= ends[m] {
                    running.apply(events[Int(order[i])])
                    i += 1
                }
                if running.status != shown { report(m, shown, running.status); shown = running.status }
            }
        } else {
            let months = Set(order.compactMap { month(of: events[Int($0)].time) }).sorted()
            for m in months {
                var running = pair.start
                for i in order where events[Int(i)].time <= ends[m] { running.apply(events[Int(i)]) }
                if running.status != shown { report(m, shown, running.status); shown = running.status }
            }
        }
    }

    /// The latest point, if any.
    public var last: Point? { points.last }
}
