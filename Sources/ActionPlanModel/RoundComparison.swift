/// Two rounds side by side: per State, pillar and action, the status at A's snapshot and at B's, whether
/// it improved, regressed or stayed, and whether it was reviewed in round B at all.
///
/// A's and B's statuses are the folds of the journals as of each round's close (an open round: now).
/// Improved and regressed follow the progress scale (`Status.weight`): moves into or out of
/// "not assessed" and "not applicable" change what is known, not how far a State has come, so they
/// count as `other`, as in the change report. "Reviewed in B" means the pair has at least one event
/// from the day B opened up to B's snapshot (a note or evidence counts: somebody looked at it).
public struct RoundComparison: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable, CaseIterable {
        case improved, regressed, stayed, other
    }

    /// One State × action.
    public struct Row: Sendable, Equatable {
        public var state: String
        public var stateName: String
        public var pillar: String
        public var action: String
        public var actionTitle: String
        public var before: Status
        public var after: Status
        public var direction: Direction
        public var reviewed: Bool
    }

    /// Counts for a State or a pillar.
    public struct Tally: Sendable, Equatable {
        public var key: String
        public var label: String
        public var improved = 0
        public var regressed = 0
        public var stayed = 0
        public var other = 0
        /// Pairs without an event in round B.
        public var notReviewed = 0

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        public var total: Int { improved + regressed + stayed + other }

        mutating func add(_ row: Row) {
            switch row.direction {
            case .improved: improved += 1
            case .regressed: regressed += 1
            case .stayed: stayed += 1
            case .other: other += 1
            }
            if !row.reviewed { notReviewed += 1 }
        }
    }

    public var a: Round
    public var b: Round
    /// Every trackable State × action in scope, in State then catalog order.
    public var rows: [Row]
    public var byState: [Tally]
    public var byPillar: [Tally]
    public var total: Tally

    /// Compares `a` and `b` over `states` (and the actions of `pillar`, or all). The tracker must hold the
    /// whole history of those States.
    public init(tracker: Tracker, a: Round, b: Round, states: [Participant], pillar: String? = nil) {
        self.init(catalog: tracker.catalog, a: a, b: b, states: states, pillar: pillar) { code in tracker.journal(code) }
    }

    /// The same comparison with each State's journal asked for in turn (and dropped after its rows are
    /// made), so a store can compare rounds reading one whole journal at a time instead of the whole
    /// history at once. `journal` must give the State's whole history.
    public init<Failure: Error>(catalog: Catalog, a: Round, b: Round, states: [Participant], pillar: String? = nil,
                                journal source: (String) throws(Failure) -> Journal) throws(Failure) {
        self.a = a
        self.b = b
        let pillars = catalog.pillars.filter { pillar == nil || $0.id == pillar }
        var rows: [Row] = []
        var byState: [Tally] = []
        var byPillar = pillars.map { Tally(key: $0.id, label: $0.title) }
        var total = Tally(key: "total", label: "Total")
        for state in states {
            let journal = try source(state.code)
            let before = journal.assessments(asOf: a.snapshotInstant)
            let after = journal.assessments(asOf: b.snapshotInstant)
            let reviewed = journal.reviewedActions(from: b.opensAt, to: b.snapshotInstant)
            var tally = Tally(key: state.code, label: state.name)
            for (p, pillar) in pillars.enumerated() {
                for action in pillar.actions where action.isTrackable {
                    let from = before[action.id]?.status ?? .notAssessed
                    let to = after[action.id]?.status ?? .notAssessed
                    let row = Row(state: state.code, stateName: state.name, pillar: pillar.id, action: action.id,
                                  actionTitle: action.title, before: from, after: to,
                                  direction: Self.direction(from, to), reviewed: reviewed.contains(action.id))
                    rows.append(row)
                    tally.add(row)
                    byPillar[p].add(row)
                    total.add(row)
                }
            }
            byState.append(tally)
        }
        self.rows = rows
        self.byState = byState
        self.byPillar = byPillar
        self.total = total
    }

    /// Improved or regressed on the progress scale; stayed when the status is the same; other otherwise.
    public static func direction(_ from: Status, _ to: Status) -> Direction {
        if from == to { return .stayed }
        guard let x = from.weight, let y = to.weight else { return .other }
        return y > x ? .improved : .regressed
    }

    /// The rows whose status moved (improved, regressed, other).
    public var moved: [Row] { rows.filter { $0.direction != .stayed } }

    /// The rows not reviewed in round B.
    public var notReviewed: [Row] { rows.filter { !$0.reviewed } }
}

extension Journal {
    /// The actions with at least one event from `start` up to `end` (nil: no end).
    ///
    /// With no `end` this also works on a journal read with recent history (a pair's newest event is
    /// always kept, and is in the window if any is); with an `end` it needs the whole history.
    public func reviewedActions(from start: Timestamp, to end: Timestamp?) -> Set<String> {
        var found: Set<String> = []
        for event in events.reversed() {
            if event.time < start { break }
            if let end, event.time > end { continue }
            found.insert(event.action)
        }
        return found
    }
}
