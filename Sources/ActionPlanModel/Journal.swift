import Foundation

/// The events of one State, and their causal fold into current assessments.
///
/// `events` holds each event once, in (time, id) order, for lists and reports. The assessments come
/// from each action's causal order (`PairOrder`): an event follows the heads it was based on whatever
/// the clocks say, and concurrent heads that disagree are a `Conflict`.
public struct Journal: Sendable, Equatable {
    public let state: String
    /// Every event once (duplicates from union merges dropped), in (time, id) order.
    public internal(set) var events: [ChangeEvent]
    /// The assessments after every event, by action id.
    public internal(set) var current: [String: Assessment]
    var pairs: [String: PairOrder]
    /// How many duplicate lines (same id) were dropped.
    public internal(set) var duplicateCount: Int
    /// For a journal read through a checkpoint: how many of its newest events (in `events` order) are
    /// surely all in memory; nil when every event is.
    public internal(set) var newestKept: Int? = nil
    /// For a journal read through a checkpoint: whether kept compensating events are undos or redos,
    /// when the events their `undoes` chain names are not in memory (see `compensation(of:)`).
    var knownCompensations: [String: Compensation] = [:]

    public init(state: String, events input: [ChangeEvent] = []) {
        self.state = state
        var sorted = Self.isSorted(input) ? input : Self.sortedForFold(input)
        // One pass groups the events by action and folds each action as long as its events form a
        // chain (each based on the one before it, or format-1 events, which `sorted` already has in
        // (time, id) order): the common case costs about what the plain (time, id) fold cost.
        var builds: [String: PairBuild] = [:]
        sorted.withUnsafeBufferPointer { events in
            for i in 0..<events.count {
                let index = Int32(i)
                builds[events[i].action, default: PairBuild()].add(index, in: events)
            }
        }
        var pairs: [String: PairOrder] = [:]
        pairs.reserveCapacity(builds.count)
        var current: [String: Assessment] = [:]
        current.reserveCapacity(builds.count)
        var dropped: [Int32] = []
        for (action, build) in builds {
            if build.chain {
                pairs[action] = PairOrder(order: build.indices, heads: [build.indices.last!], sides: nil, missingBases: [], issues: [])
                current[action] = build.running
            } else {
                let (order, duplicates) = PairOrder.build(build.indices, in: sorted)
                pairs[action] = order
                dropped += duplicates
            }
        }
        duplicateCount = dropped.count
        if !dropped.isEmpty {
            // Renumber without the duplicates; rare (a union merge that carried one line twice).
            let gone = Set(dropped)
            var newIndex = [Int32](repeating: -1, count: sorted.count)
            var kept: [ChangeEvent] = []
            kept.reserveCapacity(sorted.count - gone.count)
            for i in sorted.indices where !gone.contains(Int32(i)) { newIndex[i] = Int32(kept.count); kept.append(sorted[i]) }
            sorted = kept
            for (action, pair) in pairs {
                var moved = pair
                moved.order = pair.order.map { newIndex[Int($0)] }
                moved.heads = pair.heads.map { newIndex[Int($0)] }
                if let bases = pair.bases {
                    moved.bases = Dictionary(uniqueKeysWithValues: bases.compactMap { key, value in
                        newIndex[Int(key)] < 0 ? nil : (newIndex[Int(key)], value.map { newIndex[Int($0)] }.filter { $0 >= 0 })
                    })
                }
                pairs[action] = moved
            }
        }
        events = sorted
        self.pairs = pairs
        for (action, pair) in pairs where current[action] == nil {
            var assessment = Assessment.unassessed
            for i in pair.order { assessment.apply(sorted[Int(i)]) }
            current[action] = assessment
        }
        self.current = current
    }

    /// Adds an event; cheap when it is based on the single head and is the newest (the usual case).
    public mutating func append(_ event: ChangeEvent) {
        let pair = pairs[event.action]
        let onHead = pair.map { $0.sides == nil && $0.heads.count == 1 && event.base == [events[Int($0.heads[0])].id] }
            ?? (event.base == [])
        let newest = events.last.map { ChangeEvent.foldOrder($0, event) } ?? true
        guard onHead, newest, pair?.missingBases.isEmpty ?? true else {
            self = isComplete ? Journal(state: state, events: events + [event]) : refolded(adding: event)
            return
        }
        let index = Int32(events.count)
        events.append(event)
        var updated = pair ?? PairOrder(order: [], heads: [], sides: nil, missingBases: [], issues: [])
        updated.bases?[index] = updated.heads
        updated.order.append(index)
        updated.heads = [index]
        pairs[event.action] = updated
        current[event.action, default: .unassessed].apply(event)
    }

    /// The assessment of an action now (unassessed when it has no event).
    public func assessment(of action: String) -> Assessment { current[action] ?? .unassessed }

    /// The assessments as they were at `instant` (inclusive): the events recorded by then, each pair
    /// in its causal order. A past date needs the whole history (`isComplete`).
    public func assessments(asOf instant: Timestamp?) -> [String: Assessment] {
        guard let instant else { return current }
        precondition(isComplete, "an as-of fold needs the whole history; load the store with history: .complete")
        var result: [String: Assessment] = [:]
        for (action, pair) in pairs {
            var assessment: Assessment?
            for i in pair.order where events[Int(i)].time <= instant {
                if assessment == nil { assessment = .unassessed }
                assessment!.apply(events[Int(i)])
            }
            if let assessment { result[action] = assessment }
        }
        return result
    }

    /// The events of one action, in causal (fold) order.
    public func events(for action: String) -> [ChangeEvent] {
        pairs[action]?.order.map { events[Int($0)] } ?? []
    }

    // MARK: - Heads and conflicts

    /// The ids of the action's heads, sorted: the `base` of the next event written for it.
    public func headIDs(of action: String) -> [String] {
        pairs[action]?.heads.map { events[Int($0)].id }.sorted() ?? []
    }

    /// The head ids of every action with events, as of `instant` (nil: now). Before now, the head is
    /// the last event recorded by then in the action's causal order.
    public func headIDs(asOf instant: Timestamp?) -> [String: [String]] {
        var result: [String: [String]] = [:]
        precondition(instant == nil || isComplete, "an as-of fold needs the whole history")
        for (action, pair) in pairs {
            if let instant {
                if let last = pair.order.last(where: { events[Int($0)].time <= instant }) { result[action] = [events[Int(last)].id] }
            } else {
                result[action] = pair.heads.map { events[Int($0)].id }.sorted()
            }
        }
        return result
    }

    /// The action's head events, sorted by id.
    public func heads(of action: String) -> [ChangeEvent] {
        pairs[action]?.heads.map { events[Int($0)] } ?? []
    }

    /// The open conflict of an action, if its heads disagree.
    public func conflict(of action: String) -> Conflict? {
        guard let sides = pairs[action]?.sides else { return nil }
        return Conflict(state: state, action: action, sides: sides, shown: assessment(of: action))
    }

    /// Every open conflict of this State, by action id.
    public var conflicts: [Conflict] {
        pairs.keys.filter { pairs[$0]!.sides != nil }.sorted().compactMap { conflict(of: $0) }
    }

    /// Whether the action has concurrent heads that disagree.
    public func isConflicted(_ action: String) -> Bool { pairs[action]?.sides != nil }

    /// Base ids that name no event of their pair, by action (a partial sync, or a hand-edited file).
    public var missingBases: [String: [String]] {
        pairs.filter { !$0.value.missingBases.isEmpty }.mapValues(\.missingBases)
    }

    /// Problems the fold worked around (cycles, one id with two contents).
    public var issues: [JournalIssue] { pairs.keys.sorted().flatMap { pairs[$0]!.issues } }

    // MARK: - Before and after

    /// The assessment of `events[index]`'s action just before that event, in causal order.
    public func assessment(before index: Int) -> Assessment {
        pairs[events[index].action]?.before(Int32(index), in: events) ?? .unassessed
    }

    /// The status of each event's action just before it, aligned with `events` (for change reports).
    public func statusesBefore() -> [Status] {
        precondition(isComplete, "a change report needs the whole history")
        var result = [Status](repeating: .notAssessed, count: events.count)
        for pair in pairs.values {
            guard pair.bases == nil else {
                // Concurrent branches: each event's "before" is what its own writer saw.
                for i in pair.order { result[Int(i)] = pair.before(i, in: events).status }
                continue
            }
            var status = Status.notAssessed
            for i in pair.order {
                result[Int(i)] = status
                if let next = events[Int(i)].status { status = next }
            }
        }
        return result
    }

    /// Every event with the assessment before and after it, in `events` order.
    public func timeline() -> [TimelineEntry] {
        precondition(isComplete, "a timeline needs the whole history")
        var entries = [TimelineEntry?](repeating: nil, count: events.count)
        for pair in pairs.values {
            guard pair.bases == nil else {
                for i in pair.order {
                    let before = pair.before(i, in: events)
                    var after = before
                    after.apply(events[Int(i)])
                    entries[Int(i)] = TimelineEntry(event: events[Int(i)], before: before, after: after)
                }
                continue
            }
            var running = Assessment.unassessed
            for i in pair.order {
                let before = running
                running.apply(events[Int(i)])
                entries[Int(i)] = TimelineEntry(event: events[Int(i)], before: before, after: running)
            }
        }
        return entries.map { $0! }
    }

    // MARK: - Sorting

    /// Sorts by (time, id) through an index permutation: moving whole events while sorting costs
    /// far more than moving integers (each event holds several reference-counted strings).
    private static func sortedForFold(_ events: [ChangeEvent]) -> [ChangeEvent] {
        let order = events.indices.sorted { a, b in
            let x = events[a], y = events[b]
            return x.time != y.time ? x.time < y.time : x.id < y.id
        }
        return order.map { events[$0] }
    }

    /// Whether `events` is already in (time, id) order; reads fields in place instead of copying events.
    private static func isSorted(_ events: [ChangeEvent]) -> Bool {
        events.withUnsafeBufferPointer { buffer in
            guard buffer.count > 1 else { return true }
            for i in 1..<buffer.count {
                let a = buffer[i - 1].time, b = buffer[i].time
                if b < a || (b == a && buffer[i].id < buffer[i - 1].id) { return false }
            }
            return true
        }
    }
}

/// One action's events while a journal is read: their indices, and the fold so far while they form a
/// chain (each event based on the one before it, or format-1 events in (time, id) order).
struct PairBuild {
    var indices: [Int32] = []
    var chain = true
    var legacy = false
    var running = Assessment.unassessed

    mutating func add(_ index: Int32, in events: UnsafeBufferPointer<ChangeEvent>) {
        let i = Int(index)
        if chain {
            if let last = indices.last {
                let previous = Int(last)
                if legacy {
                    // `events` is in (time, id) order, so only a repeated line can break the chain.
                    chain = events[i].base == nil && !(events[i].time == events[previous].time && events[i].id == events[previous].id)
                } else if let base = events[i].base {
                    chain = base.count == 1 && base[0] == events[previous].id
                } else {
                    chain = false
                }
            } else if let base = events[i].base {
                chain = base.isEmpty
            } else {
                legacy = true
            }
            if chain { running.apply(events[i]) }
        }
        indices.append(index)
    }
}

