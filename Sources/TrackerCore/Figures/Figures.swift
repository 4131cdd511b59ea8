import ActionPlanModel

/// Progress of one State (or of all States) overall, per pillar and per area.
public struct ScopeFigures: Equatable, Sendable {
    public var overall = Progress()
    public var pillars: [String: Progress] = [:]
    public var areas: [String: Progress] = [:]

    public init() {}

    public mutating func merge(_ other: ScopeFigures) {
        overall.merge(other.overall)
        for (id, p) in other.pillars { pillars[id, default: Progress()].merge(p) }
        for (id, p) in other.areas { areas[id, default: Progress()].merge(p) }
    }
}

/// Every figure the screens show, computed once when the tracker changes rather than on every frame.
///
/// A frame of the matrix shows dozens of States × areas and the tree shows a bar per node under
/// "All States"; folding 68 journals for each frame would make every keystroke wait, so `update`
/// refreshes these figures after a save or a reload and `render` only reads them.
public struct Figures: Equatable, Sendable {
    /// By State code.
    public private(set) var states: [String: ScopeFigures] = [:]
    /// Summed over the visible States.
    public private(set) var all = ScopeFigures()
    /// Per action, over the visible States (the tree's bars under "All States").
    public private(set) var actions: [String: Progress] = [:]
    /// The most recent changes of every State, newest first.
    public private(set) var recent: [RecentChange] = []
    /// Open conflicts (concurrent changes that disagree) by State code, over the visible States.
    public private(set) var conflicts: [String: Int] = [:]

    public init() {}

    public init(tracker: Tracker, states: [Participant], recentLimit: Int = 20) {
        let catalog = tracker.catalog
        for state in states {
            let assessments = tracker.journals[state.code]?.current ?? [:]
            var figures = ScopeFigures()
            for pillar in catalog.pillars {
                var pillarProgress = Progress()
                for area in pillar.areas {
                    var areaProgress = Progress()
                    for action in area.actions where action.isTrackable {
                        let status = assessments[action.id]?.status ?? .notAssessed
                        areaProgress.add(status)
                        actions[action.id, default: Progress()].add(status)
                    }
                    figures.areas[area.id] = areaProgress
                    pillarProgress.merge(areaProgress)
                }
                figures.pillars[pillar.id] = pillarProgress
                figures.overall.merge(pillarProgress)
            }
            self.states[state.code] = figures
            all.merge(figures)
        }
        recent = Self.recentChanges(tracker: tracker, states: states, limit: recentLimit)
        for state in states {
            let count = tracker.journals[state.code]?.conflicts.count ?? 0
            if count > 0 { conflicts[state.code] = count }
        }
    }

    /// The figures of one State, or the sum over all visible States.
    public func scope(_ selection: StateSelection) -> ScopeFigures {
        switch selection {
        case .all: all
        case .state(let code): states[code] ?? ScopeFigures()
        }
    }

    /// The newest `limit` events over all journals, with their before and after assessments.
    ///
    /// Journals are sorted, so only the tail of each can hold the newest events; the "before" of each
    /// chosen event is rebuilt from the events of that action alone. An undo and the change it undid
    /// cancel out, as in the change report, so set → undo → redo shows as one change (the redo).
    static func recentChanges(tracker: Tracker, states: [Participant], limit: Int) -> [RecentChange] {
        var candidates: [ChangeEvent] = []
        for state in states {
            guard let journal = tracker.journals[state.code] else { continue }
            candidates.append(contentsOf: Self.withoutCancelledPairs(journal.events.suffix(3 * limit)).suffix(limit))
        }
        candidates.sort { ChangeEvent.foldOrder($1, $0) }
        return candidates.prefix(limit).map { event in
            let journal = tracker.journal(event.state)
            let index = journal.events.lastIndex(of: event) ?? 0
            let before = journal.assessment(before: index)
            var after = before
            after.apply(event)
            return RecentChange(event: event, before: before, after: after)
        }
    }
}

extension Figures {
    /// `events` (oldest first) without each undo and the event it undid, when both are here.
    static func withoutCancelledPairs(_ events: ArraySlice<ChangeEvent>) -> [ChangeEvent] {
        var live: [String: Int] = [:]
        var cancelled = Set<Int>()
        for (i, event) in zip(events.indices, events) {
            // Keyed by action too: an event of a split action is shown under each new id with its one id.
            if let target = event.undoes, let undone = live.removeValue(forKey: event.action + " " + target) {
                cancelled.formUnion([undone, i])
            } else {
                live[event.action + " " + event.id] = i
            }
        }
        return events.indices.filter { !cancelled.contains($0) }.map { events[$0] }
    }
}

/// The State the screens show: one State, or the "All States" pseudo-State.
public enum StateSelection: Equatable, Hashable, Sendable {
    case all
    case state(String)

    public var code: String? {
        if case .state(let code) = self { return code }
        return nil
    }
}

/// One change with the assessment before and after it (the dashboard's "recent changes").
public struct RecentChange: Equatable, Sendable {
    public var event: ChangeEvent
    public var before: Assessment
    public var after: Assessment
}
