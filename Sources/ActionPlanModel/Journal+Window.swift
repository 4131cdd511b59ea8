/// The recent part of one State × action's history, with the fold of everything before it.
///
/// A checkpoint keeps, for each action, only the newest events (for the details pane and the
/// dashboard) and the assessment that the older ones add up to; a journal rebuilt from such windows
/// answers every question about the present (assessments, heads, conflicts) exactly, and the newest
/// events with their before-values, without holding the whole history in memory.
public struct PairWindow: Sendable, Equatable {
    public var action: String
    /// The assessment after the events that are not kept (`.unassessed` when none are left out).
    public var start: Assessment
    /// How many events before `events` are left out (always a plain chain when this is not zero).
    public var omitted: Int
    /// The kept events, oldest first in fold order.
    public var events: [ChangeEvent]
    /// Whether each kept event that compensates another is an undo or a redo, by event id: the parity
    /// of its `undoes` chain, which may run into events that are not kept.
    public var compensations: [String: Compensation]

    public init(action: String, start: Assessment = .unassessed, omitted: Int = 0, events: [ChangeEvent],
                compensations: [String: Compensation] = [:]) {
        self.action = action
        self.start = start
        self.omitted = omitted
        self.events = events
        self.compensations = compensations
    }
}

extension Tracker {
    /// Whether every journal holds its whole history (see `Journal.isComplete`).
    public var isHistoryComplete: Bool { journals.values.allSatisfy(\.isComplete) }

    /// How many of the newest events of all journals together (by time, then id) are surely in memory:
    /// each journal read through a checkpoint keeps its own newest, so the newest overall are there up
    /// to the smallest such count. `Int.max` when every event is in memory.
    public var newestKept: Int {
        journals.values.reduce(Int.max) { least, journal in
            journal.isComplete ? least : min(least, journal.newestKept ?? 0)
        }
    }
}

extension Journal {
    /// Whether every event is in memory. A journal read through a checkpoint holds only each action's
    /// newest events; past dates, timelines and change reports need the whole history.
    public var isComplete: Bool { pairs.values.allSatisfy { $0.omitted == 0 } }

    /// How many events the journal holds on disk (duplicates not counted), kept in memory or not.
    public var eventCount: Int { events.count + pairs.values.reduce(0) { $0 + $1.omitted } }

    /// How many events one action has (duplicates not counted).
    public func eventCount(of action: String) -> Int {
        pairs[action].map { $0.order.count + $0.omitted } ?? 0
    }

    /// Whether `append(event)` is the cheap step: the event names the action's single head as its base
    /// (or is the action's first event) and is the newest in time. Anything else (a concurrent change, a
    /// duplicate, an event older than the newest, an event without `base`) needs a fold of the
    /// action's whole history.
    public func extendsHead(_ event: ChangeEvent) -> Bool {
        guard let base = event.base else { return false }
        let newest = events.last.map { ChangeEvent.foldOrder($0, event) } ?? true
        guard newest else { return false }
        guard let pair = pairs[event.action] else { return base.isEmpty }
        return pair.sides == nil && pair.heads.count == 1 && pair.missingBases.isEmpty
            && base == [events[Int(pair.heads[0])].id]
    }

    /// The journal cut down to windows: for each action that is a plain chain in time order, the newest
    /// `keep` events (more when they are among the journal's newest `recent` events); any other action
    /// (concurrent branches, conflicts, missing bases, format-1 events out of order) is kept whole, so
    /// that its causal fold can be redone exactly.
    public func windows(keep: Int, recent: Int) -> [PairWindow] {
        var recentCount: [String: Int] = [:]
        for event in events.suffix(recent) { recentCount[event.action, default: 0] += 1 }
        var result: [PairWindow] = []
        result.reserveCapacity(pairs.count)
        for action in pairs.keys.sorted() {
            let pair = pairs[action]!
            let cuttable = pair.bases == nil && pair.sides == nil && pair.heads.count == 1 && pair.missingBases.isEmpty
                && pair.issues.isEmpty && zip(pair.order, pair.order.dropFirst()).allSatisfy { $0 < $1 }
            let kept = cuttable ? min(pair.order.count, max(keep, recentCount[action] ?? 0)) : pair.order.count
            let cut = pair.order.count - kept
            var start = pair.start
            for i in pair.order.prefix(cut) { start.apply(events[Int(i)]) }
            let keptEvents = pair.order.suffix(kept).map { events[Int($0)] }
            var compensations: [String: Compensation] = [:]
            for event in keptEvents where event.undoes != nil { compensations[event.id] = compensation(of: event) }
            result.append(PairWindow(action: action, start: start, omitted: pair.omitted + cut, events: keptEvents,
                                     compensations: compensations))
        }
        return result
    }

    /// A journal from windows (a checkpoint): cut actions are chains that start from their window's
    /// `start`; whole actions are folded causally as in `init(state:events:)`.
    /// `newest`: how many of the journal's newest events the windows surely hold (see `newestKept`).
    public init(state: String, windows: [PairWindow], newest: Int = 0) {
        var whole = Journal(state: state, events: windows.filter { $0.omitted == 0 }.flatMap(\.events))
        for window in windows where !window.compensations.isEmpty {
            whole.knownCompensations.merge(window.compensations) { first, _ in first }
        }
        let cut = windows.filter { $0.omitted > 0 }
        guard !cut.isEmpty else { self = whole; return }
        defer { newestKept = newest }
        // Merge the cut chains into the whole journal's (time, id) order and renumber the pairs.
        var merged = whole.events
        for window in cut { merged += window.events }
        // Compare times as integers; an event (several reference-counted strings) is only touched on a tie.
        let times = merged.map(\.time.milliseconds)
        let order = merged.indices.sorted { a, b in times[a] != times[b] ? times[a] < times[b] : merged[a].id < merged[b].id }
        var newIndex = [Int32](repeating: 0, count: merged.count)
        for (position, old) in order.enumerated() { newIndex[old] = Int32(position) }
        self = whole
        events = order.map { merged[$0] }
        pairs.reserveCapacity(windows.count)
        current.reserveCapacity(windows.count)
        for (action, pair) in whole.pairs {
            var moved = pair
            moved.order = pair.order.map { newIndex[Int($0)] }
            moved.heads = pair.heads.map { newIndex[Int($0)] }
            if let bases = pair.bases {
                var graph: [Int32: [Int32]] = [:]
                for (k, v) in bases { graph[newIndex[Int(k)]] = v.map { newIndex[Int($0)] } }
                moved.bases = graph
            }
            pairs[action] = moved
        }
        var offset = whole.events.count
        for window in cut {
            let indices = (0..<window.events.count).map { newIndex[offset + $0] }
            offset += window.events.count
            var assessment = window.start
            for event in window.events { assessment.apply(event) }
            pairs[window.action] = PairOrder(order: indices, heads: indices.last.map { [$0] } ?? [], sides: nil,
                                             missingBases: [], issues: [], bases: nil, start: window.start,
                                             omitted: window.omitted)
            current[window.action] = assessment
        }
    }

    /// The journal with `event` added when it does not simply extend its action's head and some actions
    /// are cut: the event's action is refolded from its kept events. A cut action that receives such an
    /// event cannot be refolded in memory; it is folded from what is kept, and the reader of the store
    /// (which sees the same event on disk) reads that journal whole.
    func refolded(adding event: ChangeEvent) -> Journal {
        var windows = windows(keep: Int.max, recent: 0)
        if let i = windows.firstIndex(where: { $0.action == event.action }) {
            windows[i].events.append(event)
            if windows[i].omitted > 0 {
                // Best effort until the store rereads the journal: fold the kept events and the new one
                // as one chain from `start`.
                windows[i].events.sort(by: ChangeEvent.foldOrder)
            }
        } else {
            windows.append(PairWindow(action: event.action, events: [event]))
        }
        return Journal(state: state, windows: windows, newest: newestKept ?? 0)
    }
}
