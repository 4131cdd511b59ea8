import ActionPlanModel

/// Everything an export shows, computed once from a `Tracker`: the writers only format it.
///
/// Building the snapshot is the only place that folds journals, applies the as-of date and picks the
/// period's changes, so CSV, JSON, Markdown and HTML always agree on every value.
public struct StatusSnapshot: Sendable, Equatable {
    public var metadata: SnapshotMetadata
    /// The pillars in scope, in catalog order.
    public var pillars: [Pillar]
    public var states: [StateSnapshot]
    /// The status transitions in the reporting period, for the HTML report.
    public var changes: ChangeReport
    /// Implementation and coverage per pillar at each month end, for the HTML report's trend chart
    /// (nil when the format does not show it).
    public var trend: TrendSeries?
    /// Dates to mark on the trend chart (reporting rounds), oldest first.
    public var marks: [ChartMark]

    public init(metadata: SnapshotMetadata, pillars: [Pillar], states: [StateSnapshot], changes: ChangeReport,
                trend: TrendSeries? = nil, marks: [ChartMark] = []) {
        self.metadata = metadata
        self.pillars = pillars
        self.states = states
        self.changes = changes
        self.trend = trend
        self.marks = marks
    }

    /// Builds the snapshot of `scope` as it was at `asOf` (nil: now) with the changes since `changesFrom`.
    ///
    /// `generatedAt` comes in as a value because the export target reads no clock; `asOf` should be
    /// `Timestamp.endOfDay(day)` for a calendar day, so a day includes everything recorded on it.
    /// Only the HTML report shows changes and the trend; `withChanges: false` and `withTrend: false` skip
    /// walking the whole history. `omitEmptyStates` leaves out the States with no data in scope (no
    /// status, note or evidence recorded by `asOf`), in every format; the trend then covers the States kept.
    /// `trendTallies` (per State, valid for `asOf ?? generatedAt`, from the store) gives the trend without
    /// the whole history in `tracker`; without them the trend is folded from `tracker`. `changePages` (per
    /// State, the changes since `changesFrom`, from `Store.newestChanges`) likewise gives the change list
    /// without the whole history.
    public init(tracker: Tracker, scope: ExportScope, asOf: Timestamp?, changesFrom: Timestamp?,
                generatedAt: Timestamp, storeFormat: Int, withChanges: Bool = true, withTrend: Bool = false,
                omitEmptyStates: Bool = false, marks: [ChartMark] = [], trendTallies: [String: TrendTallies]? = nil,
                changePages: [String: [PagedChange]]? = nil) {
        var participants = scope.participants(in: tracker)
        let pillars = scope.pillars(in: tracker.catalog)
        metadata = SnapshotMetadata(generatedAt: generatedAt, asOf: asOf, storeFormat: storeFormat,
                                    catalogID: tracker.catalog.id, catalogVersion: tracker.catalog.version,
                                    catalogTitle: tracker.catalog.title, catalogNotice: tracker.catalog.notice,
                                    scope: scope, changesFrom: changesFrom)
        (metadata.referencesVerified, metadata.references) = tracker.catalog.verifiedReferences
        if asOf == nil {
            let inScope = Set(pillars.flatMap(\.actions).map(\.id))
            metadata.openConflicts = tracker.conflicts(states: participants.map(\.code)).filter { inScope.contains($0.action) }.count
        }
        self.pillars = pillars
        states = participants.map { participant in
            StateSnapshot(participant: participant, pillars: pillars,
                          assessments: tracker.assessments(state: participant.code, asOf: asOf),
                          heads: tracker.headIDs(state: participant.code, asOf: asOf))
        }
        if omitEmptyStates {
            metadata.omittedStates = states.filter { !$0.hasData }.map(\.participant)
            states.removeAll { !$0.hasData }
            participants = states.map(\.participant)
        }
        let actions = Set(pillars.flatMap(\.actions).map(\.id))
        if !withChanges {
            changes = ChangeReport(from: changesFrom, to: asOf, transitions: [], byState: [], byAuthor: [])
        } else if let changePages {
            // The period's changes read page by page from the end of the journals (no whole history).
            changes = ChangeReport(catalog: tracker.catalog, states: participants, changes: changePages,
                                   actions: scope.pillar == nil ? nil : actions, from: changesFrom, to: asOf)
        } else {
            changes = ChangeReport(tracker: tracker, states: participants,
                                   actions: scope.pillar == nil ? nil : actions, from: changesFrom, to: asOf)
        }
        if !withTrend {
            trend = nil
        } else if let trendTallies {
            trend = TrendSeries(tallies: participants.compactMap { trendTallies[$0.code] }, states: participants.count,
                                pillars: pillars, through: asOf ?? generatedAt)
        } else {
            trend = TrendSeries(tracker: tracker, states: participants.map(\.code), pillars: pillars, through: asOf ?? generatedAt)
        }
        self.marks = marks.sorted { $0.date < $1.date }
    }

    /// Every row of every State, in State then catalog order.
    public var rows: [StatusRow] { states.flatMap(\.rows) }
}

/// Where a snapshot comes from and what it covers.
public struct SnapshotMetadata: Sendable, Equatable {
    public var generatedAt: Timestamp
    /// The instant the statuses were reconstructed for; nil means "latest".
    public var asOf: Timestamp?
    public var storeFormat: Int
    public var catalogID: String
    public var catalogVersion: String
    public var catalogTitle: String
    public var catalogNotice: String?
    public var scope: ExportScope
    /// The start of the reporting period for changes (nil: since the first event).
    public var changesFrom: Timestamp?
    /// Open conflicts (concurrent changes not yet resolved) in scope; nil for a snapshot of a past date.
    public var openConflicts: Int?
    /// The States left out because they have no data (`omitEmptyStates`), in scope order.
    public var omittedStates: [Participant] = []
    /// The reporting round exported (`export --round`): `asOf` is its close, nil while it is open.
    public var round: RoundMark?
    /// How many of the catalog's source references are verified (by a `catalog.verify` record), of how many.
    public var referencesVerified = 0
    public var references = 0

    public init(generatedAt: Timestamp, asOf: Timestamp?, storeFormat: Int, catalogID: String,
                catalogVersion: String, catalogTitle: String, catalogNotice: String?, scope: ExportScope,
                changesFrom: Timestamp?) {
        self.generatedAt = generatedAt
        self.asOf = asOf
        self.storeFormat = storeFormat
        self.catalogID = catalogID
        self.catalogVersion = catalogVersion
        self.catalogTitle = catalogTitle
        self.catalogNotice = catalogNotice
        self.scope = scope
        self.changesFrom = changesFrom
    }

    /// "'2027 survey' (2027-01-10 to 2027-06-30, open)" for the human-readable formats; nil without a round.
    public var roundText: String? {
        round.map { "\($0.name) (\($0.opens) to \($0.due), " + ($0.closed.map { "snapshot at its close, \($0.shortDescription) UTC" } ?? "open: latest status") + ")" }
    }
    /// "3 of 106 references verified", for the human-readable formats.
    public var verifiedText: String { "\(referencesVerified) of \(references) references verified" }

    /// "latest" or "end of 2026-11-29 (UTC)", for the human-readable formats.
    public var asOfText: String {
        guard let asOf else { return "latest recorded status" }
        return asOf.milliseconds % 86_400_000 == 86_400_000 - 1 ? "end of \(asOf.day) (UTC)" : asOf.description
    }
}
