import ActionPlanModel

/// One status export, the same for the command line and the TUI: a request goes in, a snapshot is
/// built, bytes come out.
///
/// Reading the store is the caller's part (only the store touches the disk), so the request says what it
/// needs: the journals of the States in scope (`--state XA` reads one journal), the whole history only
/// for a past date or the HTML report's change list, and the monthly trend's tallies (`trendStates`),
/// which the store folds journal by journal without the whole history in memory.
public struct StatusExport: Sendable, Equatable {
    public var format: ExportFormat
    public var scope: ExportScope
    /// The end of the day to reconstruct (nil: now).
    public var asOf: Timestamp?
    /// The start of the HTML report's change list (nil: 30 days before `asOf`, or before now).
    public var changesFrom: Timestamp?
    /// CSV: start with a byte order mark (Excel).
    public var excel: Bool
    /// XLSX: one sheet per pillar or per State.
    public var sheets: StatusXLSX.Sheets
    /// Leave out the States with no data in scope (every format; the HTML and Markdown reports name them).
    public var omitEmptyStates: Bool
    /// Dates marked on the HTML report's trend chart (the CLI passes the reporting rounds' openings and closes).
    public var marks: [ChartMark]
    /// The reporting round named in the export's metadata (`export --round`); `asOf` is its close.
    public var round: RoundMark?

    public init(format: ExportFormat, scope: ExportScope, asOf: Timestamp? = nil, changesFrom: Timestamp? = nil,
                excel: Bool = false, sheets: StatusXLSX.Sheets = .pillar, omitEmptyStates: Bool = false,
                marks: [ChartMark] = []) {
        self.format = format
        self.scope = scope
        self.asOf = asOf
        self.changesFrom = changesFrom
        self.excel = excel
        self.sheets = sheets
        self.omitEmptyStates = omitEmptyStates
        self.marks = marks
    }

    /// The export of a reporting round: the statuses as of its close (now while it is open), the round
    /// named in the metadata. The HTML change list covers the round (from its opening day).
    public init(format: ExportFormat, scope: ExportScope, round: Round, excel: Bool = false, sheets: StatusXLSX.Sheets = .pillar,
                omitEmptyStates: Bool = false, marks: [ChartMark] = []) {
        self.init(format: format, scope: scope, asOf: round.snapshotInstant, changesFrom: round.opensAt, excel: excel, sheets: sheets,
                  omitEmptyStates: omitEmptyStates, marks: marks)
        self.round = RoundMark(name: round.name, opens: round.opens, due: round.due, closed: round.closedAt)
    }

    /// The journals the export reads: the States in scope, or every one (nil).
    public var journals: Set<String>? { scope.states.isEmpty ? nil : Set(scope.states) }

    /// Whether every event is needed (a past date); otherwise the present suffices. The trend and the
    /// change list do not need it: the store gives the trend's tallies (`trendStates`, `trendEnd`) and the
    /// period's changes page by page (`changeStates`, `changesStart`).
    public var needsCompleteHistory: Bool { Self.needsCompleteHistory(format: format, asOf: asOf) }

    /// The same rule before the scope is known (the CLI reads the store once when no State is named).
    public static func needsCompleteHistory(format: ExportFormat, asOf: Timestamp?) -> Bool {
        asOf != nil
    }

    /// The States whose journals' trend tallies the report needs (`Store.trendTallies`), or nil when the
    /// format shows no trend.
    public func trendStates(in tracker: Tracker) -> [String]? {
        format.showsTrend ? scope.participants(in: tracker).map(\.code) : nil
    }

    /// The States whose changes the report lists (`Store.newestChanges(states:since:)` from
    /// `changesStart(now:)`), or nil when the format lists none or the export is of a past date (whose
    /// fold of the whole history gives the list too).
    public func changeStates(in tracker: Tracker) -> [String]? {
        format.showsChanges && asOf == nil ? scope.participants(in: tracker).map(\.code) : nil
    }

    /// The start of the change list: `changesFrom`, or the default period before the day exported.
    public func changesStart(now: Timestamp) -> Timestamp { changesFrom ?? ExportFormat.defaultPeriodStart(before: asOf ?? now) }

    /// The instant the trend ends at: the day exported, or now.
    public func trendEnd(now: Timestamp) -> Timestamp { asOf ?? now }

    /// What an export produced.
    public struct Output: Sendable, Equatable {
        public var bytes: [UInt8]
        /// How many States it covers.
        public var states: Int
        /// "csv export of 3 States", for the message after writing.
        public var summary: String
    }

    /// Builds the snapshot from `tracker` (loaded with `journals` and the history this export needs) and
    /// writes it in the requested format. `trend`: the tallies of the `trendStates` journals, valid for
    /// `trendEnd(now:)`, from the store; without them the trend is folded from `tracker`, which must then
    /// hold the whole history.
    public func run(on tracker: Tracker, storeFormat: Int, now: Timestamp, trend: [String: TrendTallies]? = nil,
                    changes: [String: [PagedChange]]? = nil) -> Output {
        var snapshot = StatusSnapshot(tracker: tracker, scope: scope, asOf: asOf, changesFrom: changesStart(now: now),
                                      generatedAt: now, storeFormat: storeFormat, withChanges: format.showsChanges,
                                      withTrend: format.showsTrend, omitEmptyStates: omitEmptyStates, marks: marks,
                                      trendTallies: trend, changePages: changes)
        snapshot.metadata.round = round
        return Output(bytes: format.write(snapshot, excel: excel, sheets: sheets), states: snapshot.states.count,
                      summary: "\(format.rawValue) export of \(Plural.count(snapshot.states.count, "State"))")
    }
}
