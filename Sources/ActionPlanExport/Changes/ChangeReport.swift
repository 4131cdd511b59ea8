import ActionPlanModel

/// Every status transition in a period, per State and action, with tallies per State and per author.
///
/// Only events that change the status count: a note or evidence edit is history, but it does not move
/// a State forward or back. Improvement and regression follow `TimelineEntry.direction`, so moving into
/// or out of "not assessed" / "not applicable" is counted as neither. An undo of a transition in the
/// same period cancels it: both stay listed, marked, but neither is counted (`netted`), so set → undo →
/// redo counts as the one change it is.
public struct ChangeReport: Sendable, Equatable {
    /// The first instant of the period (inclusive), nil for "since the first event".
    public var from: Timestamp?
    /// The last instant of the period (inclusive), nil for "up to the latest event".
    public var to: Timestamp?
    /// Transitions ordered by State (scope order), then action (catalog order), then time.
    public var transitions: [Transition]
    /// One tally per State in scope, in scope order (States without transitions included).
    public var byState: [Tally]
    /// One tally per author, most transitions first.
    public var byAuthor: [Tally]

    public init(from: Timestamp?, to: Timestamp?, transitions: [Transition], byState: [Tally], byAuthor: [Tally]) {
        self.from = from
        self.to = to
        self.transitions = transitions
        self.byState = byState
        self.byAuthor = byAuthor
    }

    /// Collects the transitions of `states` between `from` and `to` (both inclusive), optionally only for `actions`.
    public init(tracker: Tracker, states: [Participant], actions: Set<String>? = nil,
                from: Timestamp?, to: Timestamp?) {
        self.init(catalog: tracker.catalog, states: states, actions: actions, from: from, to: to) { code in
            // Only statuses are followed (not notes or evidence), which keeps a long history cheap.
            // The status before each event comes from its action's causal order, not from the clock.
            let journal = tracker.journal(code)
            let statusesBefore = journal.statusesBefore()
            return (journal.events.count, { (journal.events[$0], statusesBefore[$0]) }, { journal.compensation(of: $0) })
        }
    }

    /// The same from pages of history read from the end of the journals (`Store.newestChanges` with
    /// `since: from`), by State, newest first: no journal is folded whole.
    public init(catalog: Catalog, states: [Participant], changes: [String: [PagedChange]], actions: Set<String>? = nil,
                from: Timestamp?, to: Timestamp?) {
        var labels: [String: Compensation] = [:]
        for list in changes.values { for change in list { labels[change.event.id] = change.compensation } }
        self.init(catalog: catalog, states: states, actions: actions, from: from, to: to) { code in
            let list = changes[code] ?? []
            return (list.count, { (list[list.count - 1 - $0].event, list[list.count - 1 - $0].statusBefore) }, { labels[$0.id] })
        }
    }

    /// `history(code)`: how many events the State has, the event at a position (oldest first, in
    /// (time, id) order) with its action's status just before it, and whether an event is an undo or a redo.
    private init(catalog: Catalog, states: [Participant], actions: Set<String>?, from: Timestamp?, to: Timestamp?,
                 history: (String) -> (Int, (Int) -> (ChangeEvent, Status), (ChangeEvent) -> Compensation?)) {
        self.from = from
        self.to = to
        // Transitions are bucketed per action in catalog order (orphan ids last): grouping in one pass
        // instead of sorting, since each journal is already in time order.
        let catalogActions = catalog.allActions
        var position: [String: Int] = [:]
        for (i, action) in catalogActions.enumerated() where position[action.id] == nil { position[action.id] = i }
        var transitions: [Transition] = []
        var byState: [Tally] = []
        var authors: [String: Tally] = [:]
        for state in states {
            var tally = Tally(key: state.code, label: state.name)
            var buckets = [[Transition]](repeating: [], count: catalogActions.count)
            var orphans: [String: [Transition]] = [:]
            let (count, entry, compensation) = history(state.code)
            var mine: [Transition] = []
            /// Counted transitions by event id, so an undo can cancel the one it compensates.
            var live: [String: Int] = [:]
            for index in 0..<count {
                let (event, before) = entry(index)
                if let to, event.time > to { break }
                guard let status = event.status else { continue }
                guard before != status else { continue }
                if let from, event.time < from { continue }
                if let actions, !actions.contains(event.action) { continue }
                let index = position[event.action]
                var transition = Transition(event: event, state: state, from: before,
                                            actionTitle: index.map { catalogActions[$0].title })
                transition.compensation = compensation(event)
                // Keyed by action too: an event of a split action is shown under each new id with its one id.
                if let target = event.undoes, let cancelled = live.removeValue(forKey: event.action + " " + target) {
                    mine[cancelled].netted = true
                    transition.netted = true
                }
                if !transition.netted { live[event.action + " " + event.id] = mine.count }
                mine.append(transition)
            }
            for transition in mine where !transition.netted {
                tally.count(transition.direction)
                authors[transition.author, default: Tally(key: transition.author, label: transition.author)].count(transition.direction)
            }
            for transition in mine {
                if let index = position[transition.actionID] { buckets[index].append(transition) }
                else { orphans[transition.actionID, default: []].append(transition) }
            }
            for bucket in buckets where !bucket.isEmpty { transitions += bucket }
            for id in orphans.keys.sorted() { transitions += orphans[id]! }
            byState.append(tally)
        }
        self.transitions = transitions
        self.byState = byState
        byAuthor = authors.values.sorted { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }
    }

    /// Figures over every State in the report.
    public var total: Tally {
        var sum = Tally(key: "", label: "All")
        for tally in byState { sum.improvements += tally.improvements; sum.regressions += tally.regressions; sum.other += tally.other }
        return sum
    }
}

/// One status change of one action in one State.
public struct Transition: Sendable, Equatable {
    public var eventID: String
    public var time: Timestamp
    public var stateCode: String
    public var stateName: String
    public var actionID: String
    /// The catalog title, or nil for an orphan event whose action the catalog no longer has.
    public var actionTitle: String?
    public var from: Status
    public var to: Status
    public var author: String
    /// +1 improvement, −1 regression, 0 neither (see `TimelineEntry.direction`).
    public var direction: Int
    /// Whether the event undid or redid an earlier one.
    public var compensation: Compensation?
    /// An undo and the transition it undid, both in the period: listed, but not counted.
    public var netted = false

    /// Whether the event was an undo of an earlier one.
    public var isUndo: Bool { compensation == .undo }

    /// " (undo)", " (redo, not counted)": what reports add after the direction.
    public var remark: String {
        var words: [String] = []
        if let compensation { words.append(compensation.rawValue) }
        if netted { words.append("not counted") }
        return words.isEmpty ? "" : " (" + words.joined(separator: ", ") + ")"
    }

    /// The transition `event` makes from the status `from` (the event must set a status).
    public init(event: ChangeEvent, state: Participant, from: Status, actionTitle: String?) {
        eventID = event.id
        time = event.time
        stateCode = state.code
        stateName = state.name
        actionID = event.action
        self.actionTitle = actionTitle
        self.from = from
        to = event.status ?? from
        author = event.author
        direction = Self.direction(from: from, to: to)
        compensation = event.undoes == nil ? nil : .undo
    }

    /// +1, −1 or 0 by the same rule as `TimelineEntry.direction` (a test holds the two together):
    /// moves into or out of a status without a weight are neither.
    public static func direction(from: Status, to: Status) -> Int {
        guard let a = from.weight, let b = to.weight, a != b else { return 0 }
        return b > a ? 1 : -1
    }

    /// "improvement", "regression" or "other".
    public var kind: String { direction > 0 ? "improvement" : direction < 0 ? "regression" : "other" }
}

/// Counts of transitions for one State or one author.
public struct Tally: Sendable, Equatable {
    public var key: String
    public var label: String
    public var improvements = 0
    public var regressions = 0
    public var other = 0

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    public var total: Int { improvements + regressions + other }

    mutating func count(_ direction: Int) {
        if direction > 0 { improvements += 1 } else if direction < 0 { regressions += 1 } else { other += 1 }
    }
}
