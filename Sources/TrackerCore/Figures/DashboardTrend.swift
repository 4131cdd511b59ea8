import ActionPlanModel

/// The Dashboard's monthly trend over the visible States: implementation and coverage per pillar at the
/// last twelve month ends.
///
/// It folds the whole history, so it is computed only while the Dashboard is shown (and again after a
/// save or a reload there), never per frame. A tracker holding every event folds it here; a store read
/// through checkpoints holds only recent events, so the Dashboard asks the runner for the trend instead
/// (`.loadTrend`): the store folds it journal by journal from its per-journal cache, and the rest of
/// the TUI keeps its recent history.
public struct DashboardTrend: Equatable, Sendable {
    /// How many month ends the Dashboard shows.
    public static let months = 12

    /// The series; nil until it is first computed or read.
    public private(set) var series: TrendSeries?
    /// Set when the tracker changed since the series was computed.
    public internal(set) var stale = true
    /// The trend asked of the runner and not answered yet (the series shown meanwhile is the last one).
    public private(set) var pending: TrendRequest?
    private var generation = 0

    public init() {}

    /// Recomputes the series up to `now` (else the newest event): here when the whole history is in
    /// memory, otherwise by asking the runner (`pending`).
    mutating func refresh(tracker: Tracker, states: [Participant], now: Timestamp?) {
        let codes = states.map(\.code)
        let newest = codes.compactMap { tracker.journals[$0]?.events.last?.time }.max()
        pending = nil
        guard let end = now ?? newest else {
            series = TrendSeries(pillarIDs: tracker.catalog.pillars.map(\.id), points: [])
            stale = false
            return
        }
        guard tracker.isHistoryComplete else {
            generation += 1
            pending = TrendRequest(states: codes, pillars: tracker.catalog.pillars, through: end, months: Self.months,
                                   generation: generation)
            return
        }
        series = TrendSeries(tracker: tracker, states: codes, pillars: tracker.catalog.pillars, through: end, months: Self.months)
        stale = false
    }

    /// The runner's answer; an answer to an older request (the tracker changed since) is dropped.
    mutating func loaded(_ request: TrendRequest, _ answer: TrendSeries) {
        guard request == pending else { return }
        series = answer
        pending = nil
        stale = false
    }

    /// The runner could not read the trend: nothing more is asked until the next visit or change.
    mutating func failed(_ request: TrendRequest) {
        guard request == pending else { return }
        pending = nil
    }

    /// What the Dashboard asks of the runner now.
    var effects: [Effect] { pending.map { [.loadTrend($0)] } ?? [] }
}

/// The trend the Dashboard asks the runner for: the store folds it without the whole history in memory.
public struct TrendRequest: Equatable, Sendable {
    /// The visible States' codes.
    public var states: [String]
    /// The catalog's pillars (the trend's layout and scope).
    public var pillars: [Pillar]
    /// The series' end: the present.
    public var through: Timestamp
    /// How many month ends to keep.
    public var months: Int
    /// Which refresh asked (an answer to an older one is dropped).
    public var generation: Int

    public init(states: [String], pillars: [Pillar], through: Timestamp, months: Int, generation: Int) {
        self.states = states
        self.pillars = pillars
        self.through = through
        self.months = months
        self.generation = generation
    }
}
