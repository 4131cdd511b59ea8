import ActionPlanModel

/// The Dashboard's monthly trend over the visible States: implementation and coverage per pillar at the
/// last twelve month ends.
///
/// It folds the whole history, so it is computed only while the Dashboard is shown (and again after a
/// save or a reload there), never per frame; a store read through checkpoints holds only recent events,
/// so the Dashboard first asks the runner for the whole history (`historyNeeded`).
public struct DashboardTrend: Equatable, Sendable {
    /// How many month ends the Dashboard shows.
    public static let months = 12

    /// The series; nil until the whole history is in memory.
    public private(set) var series: TrendSeries?
    /// Set when the tracker changed since the series was computed.
    public internal(set) var stale = true

    public init() {}

    /// Recomputes the series when the whole history is in memory, up to `now` (else the newest event).
    mutating func refresh(tracker: Tracker, states: [Participant], now: Timestamp?) {
        guard tracker.isHistoryComplete else {
            series = nil
            return
        }
        let codes = states.map(\.code)
        let newest = codes.compactMap { tracker.journals[$0]?.events.last?.time }.max()
        guard let end = now ?? newest else {
            series = TrendSeries(pillarIDs: tracker.catalog.pillars.map(\.id), points: [])
            stale = false
            return
        }
        series = TrendSeries(tracker: tracker, states: codes, pillars: tracker.catalog.pillars, through: end, months: Self.months)
        stale = false
    }

    /// Whether the Dashboard needs the runner to read the whole history first.
    func needsHistory(_ tracker: Tracker) -> Bool { series == nil && !tracker.isHistoryComplete }
}
